"""GET /api/v1/initiatives and /api/v1/initiatives/{id}: verified initiatives only."""

from decimal import Decimal

import pytest

from rabatnet.followup.initiative_selectors import current_objectives

from .initiative_fixtures import draft, verified

pytestmark = pytest.mark.django_db


def test_list_has_verified_only_with_exact_budget(client):
    shown = verified(budget=Decimal("1250000.50"), currency="XOF")
    draft(title_en="Secret draft")
    body = client.get("/api/v1/initiatives").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["id"] == shown.pk
    assert item["budget"] == 1250000.50
    assert '"budget": 1250000.50,' in client.get("/api/v1/initiatives").content.decode()
    assert item["currency"] == "XOF"
    assert item["country"] == "SEN"
    assert item["objectives"] == [current_objectives()[0].number]
    assert item["sources"] == [{"title": "Report", "url": "https://example.org/report"}]


def test_filters(client):
    verified("SEN", kind="policy", status="completed")
    verified("MLI")
    assert client.get("/api/v1/initiatives?country=MLI").json()["count"] == 1
    assert client.get("/api/v1/initiatives?country=mli").json()["count"] == 1
    assert client.get("/api/v1/initiatives?kind=policy").json()["count"] == 1
    assert client.get("/api/v1/initiatives?status=completed").json()["count"] == 1
    number = current_objectives()[0].number
    assert client.get(f"/api/v1/initiatives?objective={number}").json()["count"] == 2


@pytest.mark.parametrize(
    "query",
    ["country=XX", "country=%00ab", "objective=99999999999", "kind=other", "offset=-1"],
)
def test_bad_filters_are_refused(client, query):
    assert client.get(f"/api/v1/initiatives?{query}").status_code in (404, 422)


def test_one(client):
    shown = verified()
    hidden = draft()
    assert client.get(f"/api/v1/initiatives/{shown.pk}").json()["id"] == shown.pk
    assert client.get(f"/api/v1/initiatives/{hidden.pk}").status_code == 404
    assert client.get("/api/v1/initiatives/99999999999999").status_code in (404, 422)


def test_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/initiatives" in paths
    assert "/api/v1/initiatives/{initiative_id}" in paths
