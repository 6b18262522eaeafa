"""GET /api/v1/strategy/progress: verified statuses and the derived roll-ups with formulas."""

from datetime import date

import pytest

from .progress_samples import assess, make_cycle

pytestmark = pytest.mark.django_db
URL = "/api/v1/strategy/progress"


@pytest.fixture
def cycle():
    cycle = make_cycle()
    assess(cycle, "SEN", 1, "achieved")
    assess(cycle, "SEN", 2, "not_applicable")
    assess(cycle, "MLI", 1, "in_progress")
    assess(cycle, "MLI", 2, "achieved", state="submitted")
    return cycle


def test_verified_statuses_and_rollups(client, cycle):
    data = client.get(URL).json()
    assert data["weights"]["achieved"] == 1 and data["weights"]["not_applicable"] is None
    assert "mean weight" in data["formulas"]["country"]["en"]
    assert data["formulas"]["country"]["fr"]
    assert "Derived, not published" in data["derived"]["en"]
    [c] = data["cycles"]
    assert c["slug"] == "cycle-2025"
    statuses = {(s["country"], s["objective"]): s for s in c["statuses"]}
    assert ("MLI", 2) not in statuses  # submitted, not verified
    assert statuses[("SEN", 1)]["weight"] == 1
    assert statuses[("SEN", 2)]["weight"] is None
    assert c["overall"] == {"key": "all", "value": 0.75, "n": 2, "unit": "assessments"}
    countries = {r["key"]: r for r in c["countries"]}
    assert countries["SEN"]["value"] == 1 and countries["SEN"]["n"] == 1


def test_filters(client, cycle):
    other = make_cycle("cycle-2026", date(2026, 1, 1))
    assess(other, "SEN", 1, "planned")
    assert len(client.get(URL).json()["cycles"]) == 2
    data = client.get(URL, {"cycle": "cycle-2025", "country": "mli"}).json()
    assert [s["country"] for s in data["cycles"][0]["statuses"]] == ["MLI"]


@pytest.mark.parametrize(
    "query", [{"cycle": "nope"}, {"cycle": "a\x00"}, {"country": "XX\x00"}, {"country": "ZZZ"}]
)
def test_bad_filters_are_404(client, cycle, query):
    response = client.get(URL, query)
    assert response.status_code == 404 and "detail" in response.json()


def test_in_the_openapi_document(client):
    assert "/api/v1/strategy/progress" in client.get("/api/v1/openapi.json").json()["paths"]
