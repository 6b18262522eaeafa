"""The countries × objectives matrix: verified statuses only, the heat map and the table,
the CSV and SVG downloads, bad cycles, and a bounded number of queries."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rabatnet.countries.models import Country

from .progress_samples import assess, initiative, make_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle():
    cycle = make_cycle()
    assess(cycle, "SEN", 1, "achieved", narrative="Verified text")
    assess(cycle, "SEN", 2, "in_progress", verified_status="planned")
    assess(cycle, "MLI", 1, "achieved", state="submitted", narrative="SECRET-SUBMITTED")
    assess(cycle, "GHA", 3, "planned", state="draft")
    assess(cycle, "ESP", 4, "planned", state="returned", verified_status="not_started")
    initiative("SEN", [1, 2], title="Visible initiative")
    initiative("SEN", [1], state="submitted", title="Hidden initiative")
    return cycle


def _csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_matrix_shows_verified_statuses_and_initiative_counts(client, cycle):
    response = client.get(reverse("strategy:matrix"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert '<title id="matrix-title">' in html and "<desc" in html
    assert 'data-iso3="SEN" data-objective="1" data-status="achieved"' in html
    assert 'data-iso3="SEN" data-objective="2" data-status="planned"' in html
    assert '<table class="matrix">' in html
    assert "Per country: the mean weight" in html and "achieved = 1" in html


def test_unverified_assessments_never_appear(client, cycle):
    for name in ("strategy:matrix", "strategy:matrix_csv", "strategy:matrix_svg"):
        body = client.get(reverse(name)).content.decode()
        assert 'data-iso3="MLI" data-objective="1" data-status=""' in body or name.endswith("csv")
        assert "SECRET-SUBMITTED" not in body
        assert 'data-status="not_started"' not in body  # ESP's returned assessment
    rows = {
        (r["country_iso3"], r["objective_number"]): r
        for r in _csv(client.get(reverse("strategy:matrix_csv")))
    }
    assert rows[("MLI", "1")]["verified_status"] == ""
    assert rows[("MLI", "1")]["self_assessed_status"] == ""  # not published: not shown
    assert rows[("GHA", "3")]["self_assessed_status"] == ""
    assert rows[("ESP", "4")]["verified_status"] == ""


def test_csv_columns(client, cycle):
    response = client.get(reverse("strategy:matrix_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = {(r["country_iso3"], r["objective_number"]): r for r in _csv(response)}
    sen2 = rows[("SEN", "2")]
    assert sen2["verified_status"] == "planned" and sen2["weight"] == "0.25"
    assert sen2["self_assessed_status"] == "in_progress" and sen2["cycle"] == "cycle-2025"
    assert sen2["verified_on"]
    assert rows[("SEN", "1")]["published_initiatives"] == "1"  # the submitted one left out


def test_svg_download_is_standalone(client, cycle):
    response = client.get(reverse("strategy:matrix_svg"))
    assert response["Content-Type"].startswith("image/svg+xml")
    body = response.content.decode()
    assert body.startswith("<?xml") and "<title" in body and "weight" in body.lower()


def test_svg_without_data_answers_a_picture_that_says_so(client):
    body = client.get(reverse("strategy:matrix_svg")).content.decode()
    assert "No verified assessment has been published yet." in body


def test_cycle_parameter_picks_the_cycle_and_default_is_the_latest(client, cycle):
    newer = make_cycle("cycle-2026", date(2026, 1, 15))
    assess(newer, "SEN", 1, "not_started")
    assert 'data-status="not_started"' in client.get(reverse("strategy:matrix")).content.decode()
    older = client.get(reverse("strategy:matrix") + "?cycle=cycle-2025").content.decode()
    assert 'data-iso3="SEN" data-objective="1" data-status="achieved"' in older


def test_a_cycle_without_published_data_is_not_the_default(client, cycle):
    make_cycle("cycle-2026", date(2026, 1, 15))  # no verified assessment yet
    html = client.get(reverse("strategy:matrix")).content.decode()
    assert 'data-objective="1" data-status="achieved"' in html


@pytest.mark.parametrize("value", ["nope", "a\x00b", "x" * 5000, "é", "<script>", "cycle-2025/../"])
def test_bad_cycle_is_a_clear_400(client, cycle, value):
    for name in ("strategy:matrix", "strategy:matrix_csv", "strategy:matrix_svg"):
        response = client.get(reverse(name), {"cycle": value})
        assert response.status_code == 400
        assert b"No cycle with published data has this identifier" in response.content


def test_no_data_at_all(client):
    response = client.get(reverse("strategy:matrix"))
    assert response.status_code == 200
    assert b"No verified assessment has been published yet." in response.content


def test_french_page(client, cycle):
    response = client.get("/fr/strategy/matrix/")
    assert response.status_code == 200
    assert response.content.decode().count("<svg") == 1


def test_queries_do_not_grow_with_the_countries(client, cycle):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("strategy:matrix")).status_code == 200
        return len(queries)

    few = count()
    for country in Country.objects.taking_part().exclude(iso3__in=["SEN", "MLI", "GHA", "ESP"])[
        :25
    ]:
        for number in (1, 2, 3):
            assess(cycle, country.iso3, number, "planned")
        initiative(country.iso3, [1, 2])
    assert count() == few
    assert few <= 10


def test_example_cycle_is_marked(client):
    cycle = make_cycle("example-cycle", example=True)
    assess(cycle, "SEN", 1, "achieved", example=True)
    for name in ("strategy:matrix", "strategy:dashboard"):
        assert b"Example content" in client.get(reverse(name)).content
