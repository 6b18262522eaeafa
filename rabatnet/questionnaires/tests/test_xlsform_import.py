"""Bad XLSForms: every problem named by sheet, row and column, in English and French;
nothing written. The commands' contract (arguments, output, exit status)."""

from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ..models import Choice, ChoiceList, Question, Questionnaire
from ..xlsform_import import import_xlsform
from .factories import make_questionnaire
from .xlsform_samples import shipped, workbook, xform

pytestmark = pytest.mark.django_db
HEAD = ["type", "name", "label::English (en)", "label::French (fr)", "relevant", "calculation"]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::French (fr)"],
    ["yes_no", "yes", "Yes", "Oui"],
    ["yes_no", "no", "No", "Non"],
]


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Questionnaire, ChoiceList, Choice, Question))


def _lines(content: bytes, language: str = "en") -> list[str]:
    before = _counts()
    result = import_xlsform(content=content, actor=None)
    assert result.questionnaire is None
    assert _counts() == before
    return [found.line(language) for found in result.issues]


def test_every_problem_is_named_by_sheet_row_and_column() -> None:
    content = workbook(
        [
            HEAD,
            ["text", "unit", "Unit", "Service", "", ""],
            ["geopoint", "where", "Where", "Où", "", ""],
            ["select_one missing", "pick", "Pick", "Choisir", "", ""],
            ["text", "unit", "Again", "Encore", "", ""],
            ["text", "bad name", "Bad", "Mauvais", "", ""],
            ["begin_repeat", "outer", "Outer", "Externe", "", ""],
            ["begin_repeat", "inner", "Inner", "Interne", "", ""],
            ["end_repeat", "", "", "", "", ""],
            ["text", "calc", "Calc", "Calc", "", "1 + 1"],
        ],
        CHOICES + [["yes_no", "yes", "Again", "Encore"]],
    )
    lines = _lines(content)
    expected = [
        "sheet survey, row 1, column F (calculation)",
        "sheet survey, row 3, column A (type): The type “geopoint”",
        "sheet survey, row 4, column A (type): The list “missing”",
        "sheet survey, row 5, column B (name): The name “unit” is used twice",
        "sheet survey, row 6, column B (name): “bad name” is not a valid name",
        "sheet survey, row 8, column A (type): A repeat group inside another",
        "sheet survey, row 7, column A (type): This group or repeat is never closed",
        "sheet choices, row 4, column B (name): The code “yes” appears twice",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert len(_lines(content, "fr")) == len(lines)


def test_existing_and_reserved_form_ids_are_refused() -> None:
    make_questionnaire("a_test")
    survey = [HEAD[:4], ["text", "unit", "Unit", "Service"]]
    lines = _lines(workbook(survey))
    assert any("already exists; export it, or give the file another form_id" in x for x in lines)
    lines = _lines(workbook(survey, settings_rows=[["form_title", "form_id"], ["T", "import"]]))
    assert any("a word the site keeps" in line for line in lines)
    lines = _lines(workbook(survey, settings_rows=[["form_title"], ["T"]]))
    assert any(line.startswith("sheet settings, row 2") for line in lines)


def test_labels_in_every_header_form_and_a_plain_default() -> None:
    survey = [
        ["type", "name", "label", "label::Français (fr)", "hint::en", "required"],
        ["integer", "staff", "Staff", "Effectif", "People", "yes"],
    ]
    settings_rows = [
        ["form_title", "form_id", "default_language"],
        ["T", "t_plain", "English (en)"],
    ]
    result = import_xlsform(content=workbook(survey, settings_rows=settings_rows), actor=None)
    assert result.questionnaire is not None, [i.line("en") for i in result.issues]
    question = result.questionnaire.questions.get()
    texts = tuple(getattr(question, f) for f in ("label_en", "label_fr", "hint_en"))
    assert texts == (
        "Staff",
        "Effectif",
        "People",
    )
    assert question.required


def test_not_a_workbook_and_control_characters() -> None:
    assert _lines(b"PK\x03\x04 not really a zip")[0].startswith("sheet survey:")
    survey = [HEAD[:4], ["text", "unité", "Unit\u202e", "Service"]]
    lines = _lines(workbook(survey))
    assert any(line.startswith("sheet survey, row 2, column B (name)") for line in lines)


def test_pyxform_refusals_are_put_in_words() -> None:
    # A reference to no question: pyxform's (or the expression checker's) refusal.
    survey = [HEAD[:5], ["text", "unit", "Unit", "Service", "${nowhere} = 'x'"]]
    lines = _lines(workbook(survey))
    assert lines[0].startswith("sheet survey, row 2"), lines


def test_import_command_prints_english_and_french_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(workbook([HEAD[:4], ["geopoint", "where", "Where", "Où"]]))
    err = StringIO()
    before = _counts()
    with pytest.raises(CommandError):
        call_command("import_xlsform", str(path), stderr=err)
    assert _counts() == before
    text = err.getvalue()
    assert "sheet survey, row 2, column A (type): The type “geopoint”" in text
    # Each problem in English, then in French (the French wording comes with the catalogue).
    assert len(text.strip().splitlines()) == 2
    with pytest.raises(CommandError):
        call_command("import_xlsform", str(tmp_path / "missing.xlsx"))


def test_commands_export_then_import(tmp_path: Path) -> None:
    path = tmp_path / "standard.xlsx"
    path.write_bytes(shipped("rabatnet_actors"))
    out = StringIO()
    call_command("import_xlsform", str(path), stdout=out)
    assert "rabatnet_actors" in out.getvalue()
    target = tmp_path / "out.xlsx"
    call_command("export_xlsform", "rabatnet_actors", str(target), stdout=StringIO())
    xform(target.read_bytes())
    with pytest.raises(CommandError):
        call_command("export_xlsform", "nothing_here", str(target))


def test_load_questionnaires_is_idempotent() -> None:
    out = StringIO()
    call_command("load_questionnaires", stdout=out)
    standard = Questionnaire.objects.filter(is_standard=True, status="open")
    assert standard.count() == 3
    call_command("load_questionnaires", stdout=out)
    assert "already present, left as it is" in out.getvalue()
    assert Questionnaire.objects.count() == 3


def test_other_languages_and_unknown_columns_are_named() -> None:
    survey = [
        ["type", "name", "label::English (en)", "label::Español (es)", "media::image"],
        ["text", "unit", "Unit", "Unidad", "logo.png"],
    ]
    lines = _lines(workbook(survey))
    assert any(x.startswith("sheet survey, row 1, column D (label::Español (es))") for x in lines)
    assert any(x.startswith("sheet survey, row 1, column E (media::image)") for x in lines)


def test_a_formula_like_text_stays_text_on_export() -> None:
    questionnaire = make_questionnaire()
    Question.objects.filter(name="respondent_unit").update(label_en="=1+1", hint_en="=HYPERLINK()")
    from openpyxl import load_workbook

    from ..xlsform_export import export_xlsform

    book = load_workbook(BytesIO(export_xlsform(questionnaire)))
    cell = book["survey"]["C2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")
