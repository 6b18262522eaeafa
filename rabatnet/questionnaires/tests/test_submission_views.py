"""The import page: the triad, an upload imported, a refused file's table of problems with
nothing written, the list of imports, odd input never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rabatnet.network.tests import factories as f
from rabatnet.network.tests.lifecycle import half_signed_in_status

from ..models import Answer, ImportBatch, Response
from . import submission_exports as x
from .factories import make_questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def url() -> str:
    make_questionnaire()
    return reverse("submissions:import", kwargs={"form_id": "test_sources", "iso3": "SEN"})


def _post(client, url: str, name: str, data: bytes, **extra: str):
    return client.post(url, {"file": SimpleUploadedFile(name, data), **extra})


def _counts() -> tuple[int, int, int]:
    return Response.objects.count(), Answer.objects.count(), ImportBatch.objects.count()


def test_the_triad(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    code, where = half_signed_in_status(client, f.focal_point("SEN"), url)
    assert code == 302 and ("two-factor" in where or "login" in where)
    client.force_login(f.focal_point("MLI"))
    assert client.get(url).status_code == 403
    assert _post(client, url, "a.zip", x.good_odk_zip()).status_code == 403
    client.force_login(f.focal_point("SEN"))
    assert b"Check and import" in client.get(url).content
    client.force_login(f.secretariat())
    assert b"Check and import" in client.get(url).content
    assert client.get(url.replace("test_sources", "nope")).status_code == 404
    assert client.get(url.replace("SEN", "XXX")).status_code == 404


def test_a_reader_of_the_country_sees_the_imports_but_cannot_upload(client, url):
    client.force_login(f.coordinating_authority("SEN"))
    response = client.get(url)
    assert response.status_code == 200 and b"Check and import" not in response.content
    assert _post(client, url, "a.zip", x.good_odk_zip()).status_code == 403
    assert _counts() == (0, 0, 0)


def test_the_focal_point_imports_and_sees_the_batch(client, url):
    client.force_login(f.focal_point("SEN"))
    response = _post(client, url, "test_sources.zip", x.good_odk_zip())
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert (batch.format, batch.submissions, batch.country.iso3) == ("odk", 1, "SEN")
    page = client.get(url).content.decode()
    assert "test_sources.zip" in page and batch.sha256[:12] in page
    # The same file again: refused, nothing more written.
    before = _counts()
    again = _post(client, url, "copy.zip", x.good_odk_zip())
    assert again.status_code == 200 and "already imported" in again.content.decode()
    assert _counts() == before


def test_a_refused_file_shows_each_problem_and_writes_nothing(client, url):
    client.force_login(f.secretariat())
    data = x.kobo_xlsx([x.kobo_main_row(1, x.UUID_1, has_sources="peut-être")], [])
    response = _post(client, url, "bad.xlsx", data, format="kobo")
    page = response.content.decode()
    assert response.status_code == 200
    assert "peut-être" in page and "has_sources" in page and "<td>2</td>" in page
    assert _counts() == (0, 0, 0)
    response = client.get(url.replace("/en/", "/fr/"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.pdf", b"%PDF-1.4"),
        ("a.xlsx", b"plain text"),
        ("a.zip", b"plain text"),
        ("a.csv", b"PK\x03\x04zip"),
        ("a.csv", b""),
        ("\x07\u202e.csv", "é;\x00\n".encode()),
        ("a.csv", ("9" * 400 + ";x\n").encode()),
    ],
)
def test_odd_uploads_are_refused_in_words(client, url, name, data):
    client.force_login(f.focal_point("SEN"))
    response = _post(client, url, name, data)
    assert response.status_code == 200
    assert _counts() == (0, 0, 0)


def test_a_file_past_the_limit_is_refused(client, url, settings):
    settings.QUESTIONNAIRE_UPLOAD_MAX_BYTES = 100
    client.force_login(f.focal_point("SEN"))
    response = _post(client, url, "test_sources.zip", x.good_odk_zip())
    assert response.status_code == 200 and "at most" in response.content.decode()
    assert _counts() == (0, 0, 0)
