"""The import page and the XLSForm download: who may, what an odd upload gets."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from ..models import Question, Questionnaire
from .factories import make_questionnaire
from .xlsform_samples import shipped, workbook, xform

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload(content: bytes, name: str = "form.xlsx") -> dict[str, SimpleUploadedFile]:
    return {"file": SimpleUploadedFile(name, content, content_type=XLSX)}


def test_anonymous_visitors_are_sent_to_sign_in(client) -> None:
    make_questionnaire()
    download = reverse("xlsform:download", kwargs={"form_id": "test_sources"})
    for url in (reverse("xlsform:import"), download):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(reverse("xlsform:import"), _upload(shipped("rabatnet_sources")))
    assert response.status_code == 302
    assert not Questionnaire.objects.filter(form_id="rabatnet_sources").exists()


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["secretariat"])
def test_half_signed_in_is_sent_to_sign_in(client) -> None:
    make_questionnaire()
    sign_in(client, f.secretariat().email)
    download = reverse("xlsform:download", kwargs={"form_id": "test_sources"})
    for url in (reverse("xlsform:import"), download):
        response = client.get(url)
        assert response.status_code == 302
        assert "two-factor" in response["Location"] or "login" in response["Location"]


def test_members_download_but_do_not_import(client) -> None:
    make_questionnaire()
    client.force_login(f.focal_point("MLI"))
    response = client.get(reverse("xlsform:download", kwargs={"form_id": "test_sources"}))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="test_sources.xlsx"'
    assert response["Cache-Control"] == "private, no-store"
    xform(response.content)
    assert client.get(reverse("xlsform:import")).status_code == 403
    response = client.post(reverse("xlsform:import"), _upload(shipped("rabatnet_sources")))
    assert response.status_code == 403
    assert not Questionnaire.objects.filter(form_id="rabatnet_sources").exists()
    client.force_login(f.no_role())
    url = reverse("xlsform:download", kwargs={"form_id": "test_sources"})
    assert client.get(url).status_code == 403


def test_unknown_and_odd_form_ids_are_not_found(client) -> None:
    client.force_login(f.secretariat())
    for form_id in ("nothing", "x" * 500, "bad\u0000id", "é"):
        url = f"/en/private/questionnaires/{form_id}/xlsform.xlsx"
        assert client.get(url).status_code == 404


def test_secretariat_imports_and_is_sent_to_the_questionnaire(client) -> None:
    client.force_login(f.secretariat())
    assert client.get(reverse("xlsform:import")).status_code == 200
    response = client.post(reverse("xlsform:import"), _upload(shipped("rabatnet_actors")))
    assert response.status_code == 302
    assert response["Location"].endswith("/private/questionnaires/rabatnet_actors/")
    questionnaire = Questionnaire.objects.get(form_id="rabatnet_actors")
    assert questionnaire.status == Questionnaire.Status.DRAFT
    assert questionnaire.history.first().history_user is not None


def test_problems_are_shown_as_a_table_and_nothing_is_written(client) -> None:
    client.force_login(f.secretariat())
    before = Question.objects.count()
    bad = workbook([["type", "name", "label"], ["geopoint", "where", "Where"]])
    response = client.post(reverse("xlsform:import"), _upload(bad))
    assert response.status_code == 400
    page = response.content.decode()
    assert "<table>" in page and "A (type)" in page and "geopoint" in page
    assert Question.objects.count() == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("form.xlsx", b"%PDF-1.4 not a workbook"),
        ("form.pdf", b"%PDF-1.4"),
        ("\u202e" + "x" * 300 + "\u0007.xlsx", b"PK\x03\x04junk"),
        ("form.xlsx", b""),
    ],
)
def test_odd_uploads_are_refused_in_words(client, name: str, content: bytes) -> None:
    client.force_login(f.secretariat())
    response = client.post(reverse("xlsform:import"), _upload(content, name))
    assert response.status_code == 400
    assert Questionnaire.objects.count() == 0


@override_settings(QUESTIONNAIRE_UPLOAD_MAX_BYTES=100)
def test_a_file_over_the_limit_is_refused(client) -> None:
    client.force_login(f.secretariat())
    response = client.post(reverse("xlsform:import"), _upload(shipped("rabatnet_actors")))
    assert response.status_code == 400
    assert "at most" in response.content.decode()
    assert Questionnaire.objects.count() == 0
