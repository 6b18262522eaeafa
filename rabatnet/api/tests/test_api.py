"""The public open-data API, version 1."""

import json

import pytest

COUNTRIES = "/api/v1/countries"


@pytest.mark.django_db
def test_the_root_lists_the_endpoints_and_the_openapi_document(client):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    index = response.json()
    assert index["version"] == "1"
    assert index["openapi"] == "/api/v1/openapi.json"
    endpoints = {(e["method"], e["path"]): e for e in index["endpoints"]}
    assert set(endpoints) == {
        ("GET", "/api/v1/countries"),
        ("GET", "/api/v1/countries/{iso3}"),
        ("GET", "/api/v1/strategy/objectives"),
        ("GET", "/api/v1/strategy/themes"),
        ("GET", "/api/v1/datasets"),
        ("GET", "/api/v1/datasets/{slug}"),
        ("GET", "/api/v1/indicators"),
        ("GET", "/api/v1/observations"),
        ("GET", "/api/v1/countries/{iso3}/guides/{language}/editions"),
        ("GET", "/api/v1/meetings"),
        ("GET", "/api/v1/meetings/{slug}"),
        ("GET", "/api/v1/initiatives"),
        ("GET", "/api/v1/initiatives/{initiative_id}"),
        ("GET", "/api/v1/strategy/frameworks"),
        ("GET", "/api/v1/strategy/roadmap-actions"),
        ("GET", "/api/v1/strategy/progress"),
        ("GET", "/api/v1/support/statistics"),
    }
    assert endpoints[("GET", "/api/v1/countries")]["description"].startswith(
        "The dialogue's member countries"
    )
    # Every listed path is one the OpenAPI document describes.
    schema = client.get(index["openapi"]).json()
    assert {path for _, path in endpoints} <= set(schema["paths"])


@pytest.mark.django_db
def test_openapi_document_describes_every_endpoint(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/countries",
        "/api/v1/countries/{iso3}",
        "/api/v1/strategy/objectives",
        "/api/v1/strategy/themes",
    } <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/v1/countries"]["get"]["parameters"]}
    assert parameters == {"status", "limit", "offset"}
    assert "404" in schema["paths"]["/api/v1/countries/{iso3}"]["get"]["responses"]
    assert "CountryOut" in schema["components"]["schemas"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/openapi.json",
        COUNTRIES,
        f"{COUNTRIES}/SEN",
        "/api/v1/strategy/objectives",
        "/api/v1/strategy/themes",
    ],
)
def test_every_endpoint_answers_anonymously(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_countries_lists_every_member_with_any_status(client):
    body = client.get(COUNTRIES).json()

    assert body["count"] == 60
    assert len(body["items"]) == 60
    statuses = [item["status"] for item in body["items"]]
    assert statuses.count("partner") == 55
    assert statuses.count("observer") == 2
    assert statuses.count("former_partner") == 3


@pytest.mark.django_db
def test_countries_are_paginated_by_limit_and_offset(client):
    everything = [c["iso3"] for c in client.get(COUNTRIES).json()["items"]]

    first = client.get(COUNTRIES, {"limit": 10}).json()
    second = client.get(COUNTRIES, {"limit": 10, "offset": 10}).json()
    last = client.get(COUNTRIES, {"limit": 10, "offset": 55}).json()

    assert first["count"] == second["count"] == last["count"] == 60
    assert [c["iso3"] for c in first["items"]] == everything[:10]
    assert [c["iso3"] for c in second["items"]] == everything[10:20]
    assert [c["iso3"] for c in last["items"]] == everything[55:]
    assert client.get(COUNTRIES, {"offset": 60}).json()["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(("params", "field"), [({"limit": 0}, "limit"), ({"offset": -1}, "offset")])
def test_countries_refuses_a_bad_page(client, params, field):
    response = client.get(COUNTRIES, params)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", field]


@pytest.mark.django_db
def test_countries_filter_by_status(client):
    observers = client.get(COUNTRIES, {"status": "observer"}).json()
    former = client.get(COUNTRIES, {"status": "former_partner"}).json()

    assert observers["count"] == 2
    assert {c["iso3"] for c in observers["items"]} == {"DZA", "LBY"}
    assert {c["iso3"] for c in former["items"]} == {"GBR", "ISL", "EGY"}
    assert client.get(COUNTRIES, {"status": "partner"}).json()["count"] == 55


@pytest.mark.django_db
def test_countries_refuses_an_unknown_status(client):
    response = client.get(COUNTRIES, {"status": "member"})

    assert response.status_code == 422


@pytest.mark.django_db
def test_countries_list_query_count_stays_flat(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(COUNTRIES)

    assert response.status_code == 200


@pytest.mark.django_db
def test_country_gives_names_status_and_memberships(client):
    response = client.get(f"{COUNTRIES}/SEN")

    assert response.status_code == 200
    assert response.json() == {
        "iso3": "SEN",
        "iso2": "SN",
        "iso_numeric": "686",
        "name_en": "Senegal",
        "name_fr": "Sénégal",
        "name_pt": "Senegal",
        "region": "Africa",
        "subregion": "Sub-Saharan Africa",
        "status": "partner",
        "memberships": [
            {
                "status": "partner",
                "side": "african",
                "group": "african_state",
                "since": None,
                "until": None,
                "note": "",
            }
        ],
    }


@pytest.mark.django_db
def test_country_gives_every_period_of_libya(client):
    body = client.get(f"{COUNTRIES}/LBY").json()

    assert body["status"] == "observer"
    assert [(m["status"], m["since"], m["until"]) for m in body["memberships"]] == [
        ("partner", None, 2014),
        ("observer", 2014, None),
    ]


@pytest.mark.django_db
def test_country_code_is_case_insensitive(client):
    assert client.get(f"{COUNTRIES}/sen").json()["iso3"] == "SEN"


@pytest.mark.django_db
def test_country_outside_the_dialogue_has_no_status(client):
    body = client.get(f"{COUNTRIES}/BRA").json()

    assert (body["status"], body["memberships"]) == (None, [])


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["XXX", "ZZ", "SENE"])
def test_unknown_country_is_404(client, code):
    response = client.get(f"{COUNTRIES}/{code}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


@pytest.mark.django_db
def test_objectives_with_their_pillar_in_two_languages(client):
    objectives = client.get("/api/v1/strategy/objectives").json()

    assert [o["number"] for o in objectives] == list(range(1, 11))
    assert [o["pillar"] for o in objectives] == [1, 1, 1, 2, 2, 2, 3, 3, 3, None]
    assert objectives[3]["title_fr"].startswith("Améliorer la gestion des frontières")
    assert all(o["title_en"] and o["title_fr"] for o in objectives)


@pytest.mark.django_db
def test_themes_with_their_objective(client):
    themes = {t["slug"]: t for t in client.get("/api/v1/strategy/themes").json()}

    assert set(themes) == {"evidence-based-policy", "border-management", "migration-in-crisis"}
    assert themes["border-management"] == {
        "slug": "border-management",
        "title_en": "Border management at the operational level",
        "title_fr": "Gestion des frontières au niveau opérationnel",
        "objective": 4,
        "cross_cutting": False,
        "first_year": 2013,
        "last_year": 2015,
    }
    assert themes["evidence-based-policy"]["cross_cutting"] is True


@pytest.mark.django_db
def test_the_api_only_reads(client):
    assert client.post(COUNTRIES).status_code == 405
    assert client.delete(f"{COUNTRIES}/SEN").status_code == 405


@pytest.mark.django_db
def test_a_country_code_with_a_nul_byte_is_not_found(client):
    # PostgreSQL refuses NUL in text: the code must be refused before any query.
    assert client.get("/api/v1/countries/S%00N").status_code == 404


@pytest.mark.django_db
def test_a_missing_translation_falls_back_to_english_instead_of_failing(client):
    from rabatnet.countries.models import Country
    from rabatnet.strategy.models import Objective

    Country.objects.filter(iso3="SEN").update(name_pt=None, name_fr="")
    Objective.objects.filter(number=1).update(title_fr=None)

    country = client.get(f"{COUNTRIES}/SEN")
    objectives = client.get("/api/v1/strategy/objectives")

    assert country.status_code == 200
    assert (country.json()["name_fr"], country.json()["name_pt"]) == ("Senegal", "Senegal")
    assert objectives.status_code == 200
    first = next(o for o in objectives.json() if o["number"] == 1)
    assert first["title_fr"] == first["title_en"] != ""
