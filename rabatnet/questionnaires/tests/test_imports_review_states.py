"""Review states of ODK Central (``ReviewState``) and KoboToolbox (``_validation_status``):
a submission the server's review rejected is left out of the import with its repeat rows,
not checked (a rejected row's bad values refuse nothing), and each import says which."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from rabatnet.network.tests import factories as f

from ..models import Answer, ImportBatch, Questionnaire, Response
from ..submission_import import ImportRefused
from . import submission_exports as x
from .factories import import_export, make_questionnaire

pytestmark = pytest.mark.django_db
UUID_3 = "1b0e5a4c-0000-4000-8000-000000000003"


@pytest.fixture
def form() -> Questionnaire:
    return make_questionnaire()


def _odk(review_of_2: str, kind_of_2: str = "nonsense", **bad: str) -> bytes:
    """Three submissions; the second's review state is given, its values may be bad, and
    it has a repeat row (left out with it)."""
    return x.odk_zip(
        x.odk_files(
            [
                x.odk_main_row(x.UUID_1),
                x.odk_main_row(x.UUID_2, ReviewState=review_of_2, **bad),
                x.odk_main_row(UUID_3, ReviewState="hasIssues"),
            ],
            [
                x.odk_repeat_row(x.UUID_1, 1, source_name="Fichier", source_kind="census"),
                x.odk_repeat_row(x.UUID_2, 1, source_name="Rejeté", source_kind=kind_of_2),
            ],
        )
    )


def test_odk_rejected_submission_is_left_out_with_its_repeat_rows_and_named(form):
    batch = import_export(form, ("odk.zip", _odk("rejected", **{"about-staff": "many"})))

    assert batch.submissions == 2
    assert batch.left_out == [f"uuid:{x.UUID_2}"]
    imported = set(Response.objects.values_list("instance_id", flat=True))
    assert imported == {f"uuid:{x.UUID_1}", f"uuid:{UUID_3}"}  # "has issues" stays in
    assert not Answer.objects.filter(value="Rejeté").exists()


def test_odk_approved_edited_and_received_are_imported(form):
    assert import_export(form, ("odk.zip", _odk("edited", "census"))).left_out == []
    assert Response.objects.count() == 3


def test_a_bad_row_that_is_not_rejected_still_refuses_the_file(form):
    with pytest.raises(ImportRefused) as refused:
        import_export(form, ("odk.zip", _odk("approved", **{"about-staff": "many"})))
    named = [(p.table, p.row, p.value) for p in refused.value.problems]
    assert ("test_sources.csv", 3, "many") in named
    assert ("test_sources-data_source.csv", 3, "nonsense") in named
    assert Response.objects.count() == 0


@pytest.mark.parametrize("status", ["Not Approved", "validation_status_not_approved"])
def test_kobo_not_approved_is_left_out(form, status):
    data = x.kobo_xlsx(
        [
            x.kobo_main_row(1, x.UUID_1, _validation_status="Approved"),
            x.kobo_main_row(2, x.UUID_2, _validation_status=status, **{"about/staff": -3}),
        ],
        [
            x.kobo_repeat_row(1, 2, x.UUID_2, **{
                "data_source/source_name": "Rejeté", "data_source/source_kind": "nonsense",
            }),
        ],
    )  # fmt: skip
    batch = import_export(form, ("kobo.xlsx", data))
    assert (batch.submissions, batch.left_out) == (1, [f"uuid:{x.UUID_2}"])


def test_a_file_whose_every_submission_was_rejected_is_refused_and_says_why(form):
    data = x.odk_zip(x.odk_files([x.odk_main_row(x.UUID_1, ReviewState="rejected")], []))
    with pytest.raises(ImportRefused, match="rejected in its review"):
        import_export(form, ("odk.zip", data))
    assert ImportBatch.objects.count() == 0


def test_the_command_and_the_page_say_what_was_left_out(form, tmp_path: Path, client):
    path = tmp_path / "odk.zip"
    path.write_bytes(_odk("rejected"))
    out = StringIO()
    call_command("import_submissions", form.form_id, str(path), country="SEN", stdout=out)
    assert f"left out: uuid:{x.UUID_2}" in out.getvalue()
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_submissions", form.form_id, str(path), country="SEN", stdout=out, stderr=err
        )
    assert "already imported" in err.getvalue()

    client.force_login(f.focal_point("SEN"))
    url = reverse("submissions:import", args=[form.form_id, "SEN"])
    page = client.get(url).content.decode()
    assert "Left out (rejected in review)" in page and f"uuid:{x.UUID_2}" in page
    french = client.get(url.replace("/en/", "/fr/", 1)).content.decode()
    assert "Écartées (rejetées lors de la revue)" in french
