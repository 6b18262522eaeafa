"""Submissions from KoboToolbox and ODK Central exports (written here): imported whole, or
refused whole with every problem named (sheet or file, row, column, value)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from rabatnet.guides.models import Stage

from ..models import Answer, ImportBatch, Questionnaire, Response
from ..submission_import import ImportRefused
from . import submission_exports as x
from .factories import import_export, make_guide, make_questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def form() -> Questionnaire:
    return make_questionnaire()


def _answers(response: Response) -> dict[tuple[str, int], str]:
    return {(a.question.name, a.row): a.value for a in response.answers.select_related("question")}


def _counts() -> tuple[int, int, int]:
    return Response.objects.count(), Answer.objects.count(), ImportBatch.objects.count()


def _refused(form: Questionnaire, *files: tuple[str, bytes]) -> list[tuple]:
    before = _counts()
    with pytest.raises(ImportRefused) as refused:
        import_export(form, *files)
    assert _counts() == before, "a refused file wrote something"
    return [(p.table, p.row, p.column, p.value) for p in refused.value.problems]


def test_a_kobo_xlsx_export_is_imported_with_its_repeat_sheet(form):
    guide = make_guide("SEN")
    batch = import_export(form, ("test_sources.xlsx", x.good_kobo_xlsx()))

    assert (batch.format, batch.submissions, len(batch.sha256)) == ("kobo", 2, 64)
    first = Response.objects.get(instance_id=f"uuid:{x.UUID_1}")
    assert (first.origin, first.status, first.batch) == ("kobo", "submitted", batch)
    assert first.submitted_at is not None and first.submitted_at.isoformat().startswith(
        "2026-03-01T09:31:00"
    )
    assert _answers(first) == {
        ("respondent_unit", 0): "Direction de la statistique",
        ("has_sources", 0): "yes",
        ("staff", 0): "12",
        ("budget", 0): "1500.5",
        ("last_census", 0): "2023-05-01",
        ("source_name", 1): "RGPHE 2023",
        ("source_kind", 1): "census",
        ("areas", 1): "trends border",  # one column of codes
        ("source_name", 2): "Registre des frontières",
        ("source_kind", 2): "border_records",  # a French label, stored as its code
        ("areas", 2): "border",  # 0/1 columns per choice
    }
    second = Response.objects.get(instance_id=f"uuid:{x.UUID_2}")
    assert _answers(second)[("has_sources", 0)] == "no"  # the English label
    assert _answers(second)[("staff", 0)] == "0"
    guide.refresh_from_db()
    assert guide.stage == Stage.QUESTIONNAIRES


def test_a_kobo_csv_export_with_french_labels_and_semicolons(form):
    rows = [x.french_labels_row(), x.french_labels_row(x.UUID_2, **{"_index": "2"})]
    batch = import_export(form, ("export.csv", x.kobo_csv(rows)))

    assert (batch.format, batch.submissions) == ("kobo", 2)
    response = Response.objects.get(instance_id=f"uuid:{x.UUID_1}")
    assert _answers(response) == {
        ("respondent_unit", 0): "Service des migrations",
        ("has_sources", 0): "yes",
        ("staff", 0): "7",
        ("budget", 0): "12.5",
        ("last_census", 0): "2021-11-30",
    }


def test_a_kobo_csv_with_commas_is_read_too(form):
    import_export(form, ("export.csv", x.kobo_csv([x.french_labels_row()], delimiter=",")))
    assert Response.objects.get().instance_id == f"uuid:{x.UUID_1}"


def test_an_odk_central_zip_is_imported_with_its_repeat_file(form):
    batch = import_export(form, ("test_sources.zip", x.good_odk_zip()))

    assert (batch.format, batch.submissions) == ("odk", 1)
    response = Response.objects.get()
    assert response.origin == "odk" and response.instance_id == f"uuid:{x.UUID_1}"
    assert response.submitted_at is not None and response.submitted_at.hour == 8
    assert _answers(response) == {
        ("respondent_unit", 0): "Direction générale de la police",
        ("has_sources", 0): "yes",
        ("staff", 0): "40",
        ("last_census", 0): "2013-11-15",
        ("source_name", 1): "Fichier des étrangers",
        ("source_kind", 1): "administrative_register",
        ("areas", 1): "border trends",
        ("source_name", 2): "Postes frontières",
        ("source_kind", 2): "border_records",
        ("areas", 2): "border",  # a label with a space
    }


def test_odk_csv_files_given_one_by_one(form):
    files = x.odk_files(
        [x.odk_main_row(x.UUID_1)],
        [x.odk_repeat_row(x.UUID_1, 1, source_name="Enquête", **{"areas": ""})],
    )
    import_export(form, *files.items())
    assert _answers(Response.objects.get())[("source_name", 1)] == "Enquête"


def test_bad_rows_are_named_and_nothing_is_written(form):
    data = x.kobo_xlsx(
        [
            x.kobo_main_row(1, x.UUID_1, **{"about/staff": -3}),
            x.kobo_main_row(2, x.UUID_2, has_sources="peut-être", last_census="31/02/2020"),
            x.kobo_main_row(3, "u3", respondent_unit=None, **{"about/staff": "douze"}),
        ],
        [
            x.kobo_repeat_row(1, 1, x.UUID_1, **{"data_source/source_kind": "satellite"}),
            x.kobo_repeat_row(2, 9, x.UUID_1, **{"data_source/source_name": "Orphan"}),
            x.kobo_repeat_row(3, 1, x.UUID_1, **{
                "data_source/source_name": "Bad flag", "data_source/areas/trends": "maybe"
            }),
        ],
    )  # fmt: skip
    problems = _refused(form, ("test_sources.xlsx", data))

    with_values = {(t, r, c, v) for t, r, c, v in problems}
    # The constraint is helper C's evaluator's (the stub is always true): not asserted here.
    assert ("test_sources", 3, "has_sources", "peut-être") in with_values
    assert ("test_sources", 3, "last_census", "31/02/2020") in with_values
    assert ("test_sources", 4, "respondent_unit", "") in with_values  # required, missing
    assert ("test_sources", 4, "about/staff", "douze") in with_values
    assert ("data_source", 2, "data_source/source_kind", "satellite") in with_values
    assert ("data_source", 2, "data_source/source_name", "") in with_values  # required
    assert ("data_source", 3, "_parent_index", "9") in with_values
    assert ("data_source", 4, "data_source/areas/trends", "maybe") in with_values


def test_messages_are_in_french_too(form):
    data = x.kobo_xlsx([x.kobo_main_row(1, x.UUID_1, last_census="hier")], [])
    with translation.override("fr"), pytest.raises(ImportRefused) as refused:
        import_export(form, ("f.xlsx", data))
    assert "n’est pas une date" in refused.value.problems[0].message or (
        "date" in refused.value.problems[0].message
    )


def test_unknown_columns_and_sheets_refuse_the_file(form):
    rows = [{**x.french_labels_row(), "Question inventée": "1"}]
    problems = _refused(form, ("e.csv", x.kobo_csv(rows)))
    assert ("e.csv", 1, "Question inventée", "Question inventée") in problems


def test_duplicates_are_refused_within_the_file_and_across_imports(form):
    twice = x.kobo_xlsx([x.kobo_main_row(1, x.UUID_1), x.kobo_main_row(2, x.UUID_1)], [])
    problems = _refused(form, ("twice.xlsx", twice))
    assert ("test_sources", 3, "instanceID", f"uuid:{x.UUID_1}") in problems

    import_export(form, ("test_sources.xlsx", x.good_kobo_xlsx()))
    # The same file again: refused as already imported.
    with pytest.raises(ImportRefused, match="already imported"):
        import_export(form, ("again.xlsx", x.good_kobo_xlsx()))
    # Another file holding a submission already imported: refused, naming it.
    other = x.kobo_xlsx([x.kobo_main_row(1, x.UUID_2, respondent_unit="Changed")], [])
    problems = _refused(form, ("other.xlsx", other))
    assert problems == [("other.xlsx", None, "instanceID", f"uuid:{x.UUID_2}")]
    assert Response.objects.count() == 2


def test_a_damaged_or_odd_file_is_refused_in_words(form):
    for name, data in [
        ("a.xlsx", b"PK\x03\x04 not really"),
        ("a.csv", b"\xff\xfe\x00b\x00a\x00d"),
        ("a.zip", b"not a zip"),
        ("a.csv", "\ufeffcolonne;autre\n".encode()),  # no submission, no format
    ]:
        problems = _refused(form, (name, data))
        assert problems and problems[0][0] == name


def test_a_zip_with_odd_names_or_a_bomb_is_refused(form):
    odd = x.odk_zip({"../evil.csv": b"KEY\nx\n"})
    assert _refused(form, ("odd.zip", odd))
    bomb = x.odk_zip({"test_sources.csv": b"KEY," + b"0" * 5_000_000 + b"\n"})
    assert _refused(form, ("bomb.zip", bomb))


def test_control_characters_unicode_and_huge_numbers_are_answers_or_problems(form):
    huge = x.french_labels_row(**{"Votre service": "Unité\x07 ☃ 𝔘", "staff (fr)": "9" * 40})
    problems = _refused(form, ("u.csv", x.kobo_csv([huge])))
    assert [(p[1], p[2]) for p in problems] == [(2, "staff (fr)")]

    import_export(form, ("u.csv", x.kobo_csv([{**huge, "staff (fr)": "3"}])))
    assert _answers(Response.objects.get())[("respondent_unit", 0)] == "Unité ☃ 𝔘"


def test_the_command_imports_and_reports(form, tmp_path: Path):
    good = tmp_path / "test_sources.zip"
    good.write_bytes(x.good_odk_zip())
    out = StringIO()
    call_command("import_submissions", "test_sources", str(good), "--country", "sen",
                 "--no-progress", stdout=out)  # fmt: skip
    assert "1 submission(s) imported" in out.getvalue()

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(x.kobo_xlsx([x.kobo_main_row(1, "u9", has_sources="maybe")], []))
    err = StringIO()
    # The summary is in the active language (a test before may have left French on).
    with pytest.raises(CommandError, match="refused|refusé"):
        call_command("import_submissions", "test_sources", str(bad), "--country", "SEN",
                     "--no-progress", "--language", "fr", stderr=err)  # fmt: skip
    assert "test_sources, ligne 2" in err.getvalue() or "row 2" in err.getvalue()
    assert "maybe" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("import_submissions", "nope", str(good), "--country", "SEN")
    with pytest.raises(CommandError):
        call_command("import_submissions", "test_sources", str(good), "--country", "XXX")
    assert Response.objects.count() == 1


def test_the_command_exits_with_status_1_on_refusal(form, tmp_path: Path):
    """Django's manage.py turns a CommandError into this exit status (and no traceback)."""
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"just;text\n1;2\n")
    with pytest.raises(CommandError) as refused:
        call_command("import_submissions", "test_sources", str(bad), "--country", "SEN",
                     "--no-progress", stderr=StringIO())  # fmt: skip
    assert refused.value.returncode == 1
    assert Response.objects.count() == 0


def _evaluator(expression: str, answers, current: str = "") -> bool:
    """What helper C's evaluator answers for the factory's two expressions."""
    if expression == ". >= 0":
        return float(current) >= 0
    if expression == "${has_sources} = 'yes'":
        return answers.get("has_sources") == "yes"
    raise AssertionError(expression)


def test_constraints_and_relevance_go_through_the_evaluator(form, monkeypatch):
    from .. import expressions

    monkeypatch.setattr(expressions, "evaluate", _evaluator)
    data = x.kobo_xlsx(
        [
            x.kobo_main_row(1, x.UUID_1, **{"about/staff": -3}),
            x.kobo_main_row(2, x.UUID_2, has_sources="no"),
        ],
        [x.kobo_repeat_row(1, 2, x.UUID_2, **{"data_source/source_kind": "census"})],
    )
    before = _counts()
    with translation.override("fr"), pytest.raises(ImportRefused) as refused:
        import_export(form, ("c.xlsx", data))
    assert _counts() == before
    problems = [(p.table, p.row, p.column, p.value, p.message) for p in refused.value.problems]
    assert problems == [
        ("test_sources", 2, "about/staff", "-3", "Un nombre de personnes ne peut être négatif.")
    ]  # the repeat row's missing source_name is not required: the repeat is not relevant


def test_an_expression_that_cannot_be_evaluated_is_a_problem(form, monkeypatch):
    from .. import expressions

    def broken(expression: str, answers, current: str = "") -> bool:
        raise expressions.ExpressionError("no")

    monkeypatch.setattr(expressions, "evaluate", broken)
    data = x.kobo_xlsx([x.kobo_main_row(1, x.UUID_1)], [])
    problems = _refused(form, ("c.xlsx", data))
    assert problems == [("test_sources", 2, "about/staff", "12")]
