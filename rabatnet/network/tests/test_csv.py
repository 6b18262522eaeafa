"""The directory as CSV: the secretariat only, every field, safe to open in a spreadsheet."""

import csv
import io
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from rabatnet.accounts.tests.helpers import redirect_url, sign_in
from rabatnet.network.exports import safe_cell
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db

URL = "/en/private/directory.csv"


@pytest.fixture
def private_person():
    return f.AppointmentFactory.create(
        person__full_name='=HYPERLINK("http://evil")',
        person__job_title="+cmd|' /C calc'!A0",
        person__email="private@example.org",
        person__phone="-1+1",
        person__share_email=False,
        person__share_phone=False,
        person__details_confirmed_at=timezone.now() - timedelta(days=3),
    ).person


def _rows(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_url_is_the_contract():
    assert reverse("network:directory_csv") == URL


def test_roles(client, private_person):
    assert redirect_url(client.get(URL)).startswith(reverse("accounts:login"))
    client.force_login(f.no_role())
    assert client.get(URL).status_code == 403
    client.force_login(f.focal_point("MLI"))
    assert client.get(URL).status_code == 403
    client.force_login(f.focal_point("SEN"))
    assert client.get(URL).status_code == 403
    client.force_login(private_person.user)  # the person themself is no secretariat
    assert client.get(URL).status_code == 403
    client.force_login(f.secretariat())
    assert client.get(URL).status_code == 200


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["secretariat"])
def test_half_signed_in_secretariat_is_sent_to_enrolment(client):
    user = f.secretariat()
    sign_in(client, user.email)
    assert reverse("accounts:two_factor") in redirect_url(client.get(URL))


def test_every_field_and_formulas_defused(client, private_person):
    client.force_login(f.secretariat())
    response = client.get(URL)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="directory.csv"'
    header, *rows = _rows(response)
    assert "Last confirmed" in header and "E-mail" in header
    row = dict(zip(header, next(r for r in rows if r[0] == str(private_person.pk)), strict=True))
    assert row["Name"] == '\'=HYPERLINK("http://evil")'
    assert row["Position"] == "'+cmd|' /C calc'!A0"
    assert row["Telephone"] == "'-1+1"
    assert row["E-mail"] == "private@example.org"  # the secretariat sees all
    assert row["E-mail shown to members"] == "no"
    assert row["Last confirmed"] == private_person.details_confirmed_at.date().isoformat()
    assert row["Countries"] == "Senegal"


def test_filters_apply(client, private_person):
    f.AppointmentFactory.create(person__full_name="Other Person")
    client.force_login(f.secretariat())
    _, *rows = _rows(client.get(URL, {"q": "Other"}))
    assert [r[1] for r in rows] == ["Other Person"]


def test_in_french(client, private_person):
    client.force_login(f.secretariat())
    header, *_ = _rows(client.get("/fr/private/directory.csv"))
    assert header[:3] == ["Identifiant", "Nom", "Fonction"]


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("plain", "plain"), (None, "")],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell
