"""The country report: public (verified only), private (unverified marked), PDF, and the
triad of the private report: anonymous, half-signed-in, wrong country, right country,
secretariat."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from .progress_samples import assess, initiative, make_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle():
    cycle = make_cycle()
    assess(cycle, "SEN", 1, "achieved", narrative="PUBLIC-NARRATIVE", note="SECRETARIAT-NOTE")
    assess(cycle, "SEN", 2, "planned", state="submitted", narrative="DRAFT-NARRATIVE")
    assess(cycle, "SEN", 3, "planned", state="returned", return_reason="RETURN-REASON")
    initiative("SEN", [1], title="PUBLISHED-INITIATIVE")
    initiative("SEN", [1], state="draft", title="DRAFT-INITIATIVE")
    return cycle


def _public(iso3: str = "SEN") -> str:
    return reverse("strategy:report", kwargs={"iso3": iso3})


def _private(iso3: str = "SEN") -> str:
    return reverse("strategy:private_report", kwargs={"iso3": iso3})


def test_public_report_shows_verified_only(client, cycle):
    html = client.get(_public()).content.decode()
    assert "PUBLIC-NARRATIVE" in html and "SECRETARIAT-NOTE" in html
    assert "PUBLISHED-INITIATIVE" in html
    for secret in ("DRAFT-NARRATIVE", "RETURN-REASON", "DRAFT-INITIATIVE"):
        assert secret not in html
    assert "Per country: the mean weight" in html and "based on 1 objectives" in html


def test_private_report_marks_unverified(client, cycle):
    client.force_login(f.focal_point("SEN"))
    response = client.get(_private())
    html = response.content.decode()
    assert response.status_code == 200
    assert "DRAFT-NARRATIVE" in html and "RETURN-REASON" in html
    assert html.count("Not verified</strong>") == 2
    assert "2 assessments are not verified" in html
    assert "DRAFT-INITIATIVE" not in html  # initiatives: published ones only
    assert response["Cache-Control"] == "private, no-store"


def test_anonymous_is_sent_to_sign_in(client, cycle):
    response = client.get(_private())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    diff = client.get(reverse("strategy:private_diff", kwargs={"iso3": "SEN"}))
    assert diff.status_code == 302


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_on(client, cycle):
    user = f.focal_point("SEN")
    sign_in(client, user.email)
    response = client.get(_private())
    assert response.status_code == 302
    assert "two-factor" in response["Location"] or "login" in response["Location"]


def test_wrong_country_is_refused(client, cycle):
    client.force_login(f.focal_point("MLI"))
    assert client.get(_private()).status_code == 403
    assert client.get(reverse("strategy:private_diff", kwargs={"iso3": "SEN"})).status_code == 403


def test_right_country_and_secretariat(client, cycle):
    client.force_login(f.workgroup_member("SEN"))
    assert client.get(_private()).status_code == 200
    client.force_login(f.secretariat())
    assert b"DRAFT-NARRATIVE" in client.get(_private()).content
    assert client.get(reverse("strategy:private_diff", kwargs={"iso3": "SEN"})).status_code == 200


def test_signed_in_members_see_the_public_report_without_drafts(client, cycle):
    client.force_login(f.focal_point("SEN"))
    assert b"DRAFT-NARRATIVE" not in client.get(_public()).content


@pytest.mark.parametrize("iso3", ["XXX", "S3N", "SENEGAL"])
def test_unknown_country_is_404(client, iso3):
    assert client.get(f"/en/strategy/countries/{iso3}/report/").status_code == 404


@pytest.mark.parametrize("value", ["nope", "a\x00b", "x" * 3000])
def test_bad_cycle_is_400(client, cycle, value):
    response = client.get(_public(), {"cycle": value})
    assert response.status_code == 400
    assert b"No cycle with data for this country has this identifier" in response.content


def test_country_without_data(client):
    response = client.get(_public("MLI"))
    assert response.status_code == 200
    assert b"Nothing has been published for this country yet." in response.content


def test_pdf_in_the_pages_language(client, cycle):
    response = client.get(reverse("strategy:report_pdf", kwargs={"iso3": "SEN"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "-en.pdf" in response["Content-Disposition"]
    french = client.get("/fr/strategy/countries/SEN/report.pdf")
    assert french.status_code == 200 and "-fr.pdf" in french["Content-Disposition"]


def test_print_html_holds_verified_only(cycle):
    from rabatnet.countries.models import Country
    from rabatnet.followup.report_data import build_report
    from rabatnet.followup.report_pdf import report_print_html

    report = build_report(Country.objects.get(iso3="SEN"), None, private=False)
    html = report_print_html(report)
    assert "PUBLIC-NARRATIVE" in html and "DRAFT-NARRATIVE" not in html


def test_example_report_is_marked(client):
    cycle = make_cycle("example", example=True)
    assess(cycle, "SEN", 1, "achieved", example=True)
    assert b"Example content" in client.get(_public()).content
