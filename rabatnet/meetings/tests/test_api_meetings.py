"""GET /api/v1/meetings and /api/v1/meetings/{slug}: published only, EN and FR, ISO 8601,
ISO3 co-chairs, public documents with download addresses, never delegates."""

import pytest

from rabatnet.countries.models import Country
from rabatnet.meetings.models import Participation

from .test_documents import _document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

API = "/api/v1/meetings"


def test_the_list_is_paginated_and_filtered(client, seed_meetings):
    body = client.get(API).json()
    assert body["count"] == 7
    dakar = next(m for m in body["items"] if m["slug"] == "2013-09-dakar-thematic-meeting")
    assert dakar["co_chairs"] == ["BEL"]
    assert dakar["host_country"] == "SEN"
    assert dakar["title_fr"].startswith("Renforcer")
    assert dakar["starts_local"] == "2013-09-11T00:00:00+00:00"
    assert dakar["starts_at"].startswith("2013-09-11T00:00:00")
    assert dakar["objectives"] == [10]
    assert client.get(API + "?limit=2&offset=1").json()["items"][0]["slug"]
    assert client.get(API + "?country=BFA").json()["count"] == 1
    assert client.get(API + "?kind=steering_committee&year=2014").json()["count"] == 2


@pytest.mark.parametrize(
    "query", ["?kind=x", "?year=1", "?country=ZZZ", "?country=%00", "?offset=99999999999999"]
)
def test_bad_filters_answer_a_client_error(client, seed_meetings, query):
    response = client.get(API + query)
    assert response.status_code in (400, 422)


def test_unpublished_meetings_are_not_served(client, dakar):
    dakar.published = False
    dakar.save()
    assert client.get(API).json()["count"] == 6
    assert client.get(f"{API}/{dakar.slug}").status_code == 404
    assert client.get(f"{API}/{'x' * 5000}").status_code == 404


def test_the_detail_has_the_agenda_and_public_documents_only(client, dakar):
    _document(dakar)
    _document(dakar, restricted=True, title="Restricted report")
    Participation.objects.create(
        meeting=dakar, country=Country.objects.get(iso3="MLI"), delegates=3
    )
    body = client.get(f"{API}/{dakar.slug}").json()
    assert [s["number"] for s in body["sessions"]] == [1, 2, 3, 4]
    assert len(body["sessions"][1]["items"]) == 2
    assert [d["title_en"] for d in body["documents"]] == ["Concept note"]
    files = body["documents"][0]["files"]
    assert {f["language"] for f in files} == {"en", "fr"}
    assert files[0]["url"].startswith("http://testserver/en/meetings/")
    download = client.get(files[0]["url"])
    assert download.status_code == 200
    b"".join(download.streaming_content)
    assert body["participation"] is None  # restricted by default
    assert "delegate" not in str(body).lower().replace('"delegates"', "")
    dakar.participants_restricted = False
    dakar.save()
    body = client.get(f"{API}/{dakar.slug}").json()
    assert body["participation"] == [{"country": "MLI", "organisation": None, "delegates": 3}]


def test_the_openapi_document_lists_the_meetings(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/meetings" in paths and "/api/v1/meetings/{slug}" in paths
