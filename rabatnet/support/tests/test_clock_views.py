"""The public clock page, its CSV and the statistics API (the same figures, anonymised,
kept per revision), in English and French; the secretariat's dashboard and its triad."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from .. import lifecycle as lc
from .clock_fixtures import days, filed
from .test_clock_figures import SECRET, make_fixture

pytestmark = pytest.mark.django_db

PAGE = "/en/support/"
CSV = "/en/support/figures.csv"
API = "/api/v1/support/statistics"
DASHBOARD = "/en/private/support/dashboard/"
CELL = re.compile(r'data-figure="([^"]+)">(.*?)</td>', re.S)


def _cells(html: str) -> dict[str, str]:
    return {key: re.sub(r"<[^>]+>", "", text).strip() for key, text in CELL.findall(html)}


def _shown(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def test_the_page_shows_what_the_api_serves(client):
    make_fixture()
    html = client.get(PAGE).content.decode()
    data = client.get(API).json()
    cells = _cells(html)
    assert data["years"] == [2024, 2025]
    compared = 0
    for year in data["per_year"]:
        for kind, items in (("to", year["days_to_first"]), ("in", year["time_in_stage"])):
            for item in items:
                unit = item["median"]["unit"]
                key = f"{year['year']}:{kind}:{item['stage']}"
                assert cells[f"{key}:n"] == str(item["median"]["n"])
                assert cells[f"{key}:{unit}:median"] == _shown(item["median"]["value"])
                assert cells[f"{key}:{unit}:p90"] == _shown(item["p90"]["value"])
                compared += 1
    assert compared == 2 * 2 * (3 + 8)  # years × units × (milestones + working stages)
    assert cells["2025:to:acknowledged:calendar_days:p90"] == "7.90"
    for target in data["targets"]:
        assert f'data-target="{target["stage"]}:met">{target["met"]["value"]}<' in html
    for count in data["by_country"]:
        assert f'data-count="country:{count["key"]}">{count["requests"]["value"]}<' in html


def test_every_number_of_the_api_says_what_it_is(client):
    make_fixture()
    data = client.get(API).json()
    median = data["per_year"][1]["days_to_first"][0]["median"]
    assert median == {
        "value": 2.0,
        "unit": "calendar_days",
        "clock": "calendar",
        "derived": True,
        "n": 4,
        "method": "median: linear interpolation between closest ranks, inclusive (PERCENTILE.INC)",
        "revision": data["revision"],
    }
    assert data["per_year"][1]["days_to_first"][1]["median"]["clock"] == "working"
    assert data["requests"]["value"] == 6
    assert data["targets"][0]["share_met"]["value"] == 0.6
    assert data["revision"].startswith("support.")


def test_nothing_but_counts_and_durations_is_public(client):
    make_fixture()
    for url in (PAGE, CSV, API, "/fr/support/"):
        body = client.get(url).content.decode()
        for secret in SECRET.values():
            assert secret not in body, url


def test_the_csv_holds_the_figures(client):
    make_fixture()
    response = client.get(CSV)
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("year,figure,stage,unit,n,median,p90,derived,method,revision")
    assert (
        "2025,days_to_first,acknowledged,calendar_days,4,2.00,7.90,true,"
        in response.content.decode()
    )
    assert any(line.startswith("2025,requests,,requests,5,") for line in lines)


def test_an_empty_clock_says_so(client):
    html = client.get(PAGE).content.decode()
    assert "No request is counted in the public figures yet." in html
    assert client.get(API).json()["per_year"] == []


def test_the_page_in_french(client):
    make_fixture()
    response = client.get("/fr/support/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert _cells(html)["2025:to:acknowledged:calendar_days:p90"] == "7,90"


def test_the_public_page_is_kept_per_support_revision(client, page_cache):
    filed("SEN", timezone.now() - days(3))
    assert client.get(PAGE)["X-Public-Cache"] == "miss"
    assert client.get(PAGE)["X-Public-Cache"] == "hit"
    assert client.get(API)["X-Public-Cache"] == "miss"
    filed("MLI", timezone.now() - days(1))  # raises the SUPPORT counter
    response = client.get(PAGE)
    assert response["X-Public-Cache"] == "miss"
    assert 'data-count="country:MLI">1<' in response.content.decode()


def test_the_page_costs_the_same_queries_for_more_requests(client):
    filed("SEN", timezone.now() - days(40), (lc.ACKNOWLEDGE, days(1)))
    with CaptureQueriesContext(connection) as few:
        client.get(PAGE)
    for iso3 in ("MLI", "EGY", "FRA", "SEN"):
        filed(iso3, timezone.now() - days(20), (lc.ACKNOWLEDGE, days(2)))
    with CaptureQueriesContext(connection) as many:
        client.get(PAGE)
    assert len(many) == len(few) <= 4


def _status(client, user, url: str = DASHBOARD) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_the_dashboard_triad(client):
    filed("SEN", timezone.now() - days(3))
    assert _status(client, None) == 302
    assert _status(client, f.focal_point("SEN")) == 403
    assert _status(client, f.workgroup_member("SEN")) == 403
    assert _status(client, f.no_role()) == 403
    assert _status(client, f.secretariat()) == 200


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["secretariat"])
def test_half_signed_in_secretariat_is_sent_to_sign_in(client):
    user = f.secretariat()
    sign_in(client, user.email)
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "two-factor" in response["Location"] or "login" in response["Location"]


def test_the_dashboard_flags_and_sorts_by_urgency(client):
    now = timezone.now()
    fresh = filed("SEN", now - days(0.01), title="Fresh request")
    late_ack = filed("MLI", now - days(10), title="Never acknowledged")
    late_deploy = filed("SEN", now - days(40), (lc.ACKNOWLEDGE, days(1)), title="Not deployed")
    filed("SEN", now - days(5), (lc.WITHDRAW, days(1)), title="Withdrawn one")
    client.force_login(f.secretariat())
    html = client.get(DASHBOARD).content.decode()
    order = [int(pk) for pk in re.findall(r'data-request="(\d+)"', html)]
    # Never acknowledged after 10 days: over both targets? Not yet 30 days: one flag, ratio
    # 10 days ≥ 6 working days ÷ 2; not deployed after 40 days: one flag, 40 ÷ 30.
    assert order == [late_ack.pk, late_deploy.pk, fresh.pk]
    assert "Withdrawn one" not in html  # ended: not open
    assert html.count('class="flagged"') == 2
    assert "not acknowledged after 2 working days" in html
    assert "not deployed after 30 calendar days" in html
    # Filters.
    html = client.get(DASHBOARD, {"country": "MLI"}).content.decode()
    assert re.findall(r'data-request="(\d+)"', html) == [str(late_ack.pk)]
    html = client.get(DASHBOARD, {"stage": "acknowledged"}).content.decode()
    assert re.findall(r'data-request="(\d+)"', html) == [str(late_deploy.pk)]


@pytest.mark.parametrize(
    "query", [{"stage": "nowhere"}, {"country": "ZZZ\x00"}, {"country": "9" * 40}]
)
def test_a_bad_filter_is_a_clear_400(client, query):
    filed("SEN", timezone.now() - days(1))
    client.force_login(f.secretariat())
    response = client.get(DASHBOARD, query)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_example_content_is_marked(client):
    filed("SEN", timezone.now() - days(2), example=True)
    assert "Example content" in client.get(PAGE).content.decode()
    assert client.get(API).json()["example"] is True
    client.force_login(f.secretariat())
    assert "Example content" in client.get(DASHBOARD).content.decode()
