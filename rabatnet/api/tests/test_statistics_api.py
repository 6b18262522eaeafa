"""Statistics in the API: datasets, indicators, observations equal to the files digit for digit."""

import json
import os
import random
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.generation.case import Case

from rabatnet.api.api import api
from rabatnet.countries.models import Country
from rabatnet.statistics.freshness import freshness
from rabatnet.statistics.models import Dataset
from rabatnet.statistics.tests.import_support import STATISTICS_DIR, source_rows
from rabatnet.statistics.tests.loaded import shipped_datasets

SLUGS = ["undesa-ims-2024-destination", "eurostat-asylum-applicants", "frontex-detections"]
shipped = shipped_datasets(*SLUGS)
OBSERVATIONS = "/api/v1/observations"
DESTINATION = "undesa-international-migrant-stock-2024/migrant_stock_by_destination.csv.gz"
EUROSTAT = "eurostat-asylum-applicants/asylum_applicants_annual.csv.gz"
DESA_COLUMNS = {
    "migrant_stock_total": "migrants_total",
    "migrant_stock_female_pct": "female_pct_of_migrants",
    "migrant_stock_pct_population": "migrants_pct_of_population",
}


def exact(response) -> Any:
    """The JSON body with every number kept as the text the server wrote."""
    return json.loads(response.content, parse_int=str, parse_float=str)


def members(n: int, seed: int) -> list[str]:
    iso3 = sorted(Country.objects.members().values_list("iso3", flat=True))
    return random.Random(seed).sample(iso3, n)


# --- Datasets and indicators ----------------------------------------------------------------


@pytest.mark.django_db
def test_datasets_lists_each_with_provenance_and_freshness(client):
    response = client.get("/api/v1/datasets")

    assert response.status_code == 200
    body = {d["slug"]: d for d in response.json()}
    assert set(SLUGS) <= set(body)
    eurostat = body["eurostat-asylum-applicants"]
    dataset = Dataset.objects.get(slug="eurostat-asylum-applicants")
    assert eurostat["publisher"] == {"name": "Eurostat", "acronym": "Eurostat"}
    assert eurostat["revision"] == dataset.revision
    assert eurostat["licence"] == "CC BY 4.0 (European Commission reuse policy)"
    assert eurostat["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert eurostat["retrieved_on"] == dataset.retrieved_on.isoformat()
    assert eurostat["released_on"] == "2025-05-26"  # the Eurostat API download (PROVENANCE.md)
    assert eurostat["update_frequency_days"] == 365
    assert eurostat["next_update_due"] == "2026-05-26"
    assert eurostat["freshness"] == freshness(dataset.released_on, 365, timezone.localdate()).value
    assert eurostat["indicators"] == ["asylum_applicants"]
    assert eurostat["page"] == "/en/data/eurostat-asylum-applicants/"
    assert eurostat["title_fr"].startswith("Eurostat : demandeurs d'asile")
    assert body["undesa-ims-2024-destination"]["indicators"] == sorted(DESA_COLUMNS)


@pytest.mark.django_db
def test_freshness_follows_the_release_date(client):
    Dataset.objects.filter(slug="frontex-detections").update(
        released_on=timezone.localdate() - timedelta(days=44), update_frequency=30
    )

    body = client.get("/api/v1/datasets/frontex-detections").json()

    assert body["freshness"] == "overdue"


@pytest.mark.django_db
def test_a_dataset_gives_its_coverage_equal_to_the_file(client):
    body = client.get("/api/v1/datasets/undesa-ims-2024-destination").json()

    rows = source_rows(DESTINATION)
    coverage = {c["indicator"]: c for c in body["coverage"]}
    for indicator, column in DESA_COLUMNS.items():
        with_value = [r for r in rows if r[column] != ""]
        years = sorted(int(r["year"]) for r in with_value)
        countries = {r["iso3"] for r in with_value if r["is_country"] == "True" and r["iso3"]}
        assert coverage[indicator] == {
            "indicator": indicator,
            "observations": len(with_value),
            "countries": len(countries),
            "first_year": years[0],
            "last_year": years[-1],
        }
    assert body["observations"] == sum(c["observations"] for c in coverage.values())


@pytest.mark.django_db
def test_an_unknown_dataset_is_404(client):
    response = client.get("/api/v1/datasets/no-such-dataset")

    assert response.status_code == 404
    assert response.json() == {"detail": "Unknown dataset 'no-such-dataset': see /api/v1/datasets."}


@pytest.mark.django_db
def test_indicators_gives_every_code_with_its_meaning(client):
    body = {i["code"]: i for i in client.get("/api/v1/indicators").json()}

    specs = json.loads((STATISTICS_DIR / "indicators.json").read_text(encoding="utf-8"))
    assert set(body) == {s["code"] for s in specs}
    for spec in specs:
        item = body[spec["code"]]
        assert (item["name_en"], item["name_fr"]) == (spec["name"]["en"], spec["name"]["fr"])
        assert item["definition_en"] == spec["definition"]["en"]
        assert item["unit"] == spec["unit"]
        assert item["partner"] == (spec["partner"] or None)
    assert body["asylum_applicants"]["datasets"] == ["eurostat-asylum-applicants"]
    assert body["population"]["datasets"] == []


# --- Observations -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("indicator", sorted(DESA_COLUMNS))
@pytest.mark.parametrize("seed", [1, 2])
def test_observations_equal_the_file_digit_for_digit(client, indicator, seed):
    countries = members(6, seed)
    years = ["1990", "2010", "2024"]

    response = client.get(
        OBSERVATIONS, {"indicator": indicator, "country": countries, "year": years, "limit": 1000}
    )

    assert response.status_code == 200
    column = DESA_COLUMNS[indicator]
    expected = {
        (r["iso3"], r["year"]): r[column]
        for r in source_rows(DESTINATION)
        if r["iso3"] in countries and r["year"] in years and r[column] != ""
    }
    body = exact(response)
    assert body["count"] == str(len(expected))
    assert {(o["country"], o["period"]): o["value"] for o in body["items"]} == expected
    assert {o["partner"] for o in body["items"]} == {None}
    assert {o["dataset"] for o in body["items"]} == {"undesa-ims-2024-destination"}


@pytest.mark.django_db
def test_values_are_json_numbers_with_the_published_digits(client):
    response = client.get(
        OBSERVATIONS, {"indicator": "migrant_stock_female_pct", "country": "M49-900"}
    )

    raw = response.content.decode()
    world = [r for r in source_rows(DESTINATION) if r["m49"] == "900"]
    for row in world:
        # A number (not a string), written with the file's own digits ("50.0" stays "50.0").
        assert f'"period": "{row["year"]}", "value": {row["female_pct_of_migrants"]},' in raw
    assert response.json()["items"][0]["value"] == float(world[0]["female_pct_of_migrants"])


@pytest.mark.django_db
def test_bilateral_observations_name_the_partner(client):
    response = client.get(
        OBSERVATIONS,
        {"indicator": "asylum_applicants", "country": "FRA", "partner": ["SEN", "MLI"]},
    )

    expected = {
        (r["citizenship_iso3"], r["year"]): r["applicants"]
        for r in source_rows(EUROSTAT)
        if r["geo_iso3"] == "FRA" and r["citizenship_iso3"] in {"SEN", "MLI"}
    }
    items = exact(response)["items"]
    assert {(o["partner"], o["period"]): o["value"] for o in items} == expected
    assert {o["country"] for o in items} == {"FRA"}


@pytest.mark.django_db
def test_partner_none_keeps_the_totals_and_all_the_breakdown(client):
    indicator = {"indicator": "border_detections"}
    totals = client.get(OBSERVATIONS, {**indicator, "partner": "none"}).json()
    breakdown = client.get(OBSERVATIONS, {**indicator, "partner": "all", "limit": 1}).json()
    both = client.get(OBSERVATIONS, {**indicator, "partner": ["none", "all"], "limit": 1})

    file_totals = source_rows("frontex-illegal-border-crossings/detections_annual_by_route.csv.gz")
    assert totals["count"] == len(file_totals)
    assert {o["partner"] for o in totals["items"]} == {None}
    assert totals["items"][0]["country"].startswith("route-")
    assert breakdown["items"][0]["partner"] is not None
    assert both.json()["count"] == totals["count"] + breakdown["count"]


@pytest.mark.django_db
def test_without_partner_a_route_total_never_comes_with_its_breakdown(client):
    """border_detections has each route's total and the same route by nationality."""
    rows = client.get(OBSERVATIONS, {"indicator": "border_detections", "limit": 1000}).json()

    assert rows["count"] == len(
        source_rows("frontex-illegal-border-crossings/detections_annual_by_route.csv.gz")
    )
    assert {o["partner"] for o in rows["items"]} == {None}


@pytest.mark.django_db
def test_observations_are_paginated_by_limit_and_offset(client):
    params = {"indicator": "asylum_applicants", "country": "DEU"}
    everything = client.get(OBSERVATIONS, {**params, "limit": 1000}).json()

    first = client.get(OBSERVATIONS, {**params, "limit": 50}).json()
    second = client.get(OBSERVATIONS, {**params, "limit": 50, "offset": 50}).json()

    assert first["count"] == second["count"] == everything["count"] > 100
    assert first["items"] + second["items"] == everything["items"][:100]
    capped = client.get(OBSERVATIONS, {"indicator": "asylum_applicants", "limit": 5000}).json()
    assert len(capped["items"]) == 1000


@pytest.mark.django_db
def test_country_codes_may_be_lower_case(client):
    lower = client.get(OBSERVATIONS, {"indicator": "migrant_stock_total", "country": "sen"})
    upper = client.get(OBSERVATIONS, {"indicator": "migrant_stock_total", "country": "SEN"})

    assert lower.json() == upper.json()
    assert lower.json()["count"] > 0


@pytest.mark.django_db
def test_an_unknown_indicator_is_404_with_a_clear_message(client):
    response = client.get(OBSERVATIONS, {"indicator": "migrants"})

    assert response.status_code == 404
    assert response.json() == {
        "detail": "Unknown indicator 'migrants': see /api/v1/indicators for the codes."
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"country": "XXX"}, "Unknown country code(s): XXX."),
        ({"partner": ["SEN", "QQQ"]}, "Unknown partner code(s): QQQ."),
        ({"dataset": "nope"}, "Unknown dataset 'nope'."),
    ],
)
def test_unknown_codes_are_404(client, params, detail):
    response = client.get(OBSERVATIONS, {"indicator": "asylum_applicants", **params})

    assert response.status_code == 404
    assert response.json() == {"detail": detail}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"{OBSERVATIONS}?indicator=%00",
        f"{OBSERVATIONS}?indicator=population&country=S%00N",
        f"{OBSERVATIONS}?indicator=population&partner=%00",
        f"{OBSERVATIONS}?indicator=population&dataset=%00",
        "/api/v1/datasets/%00",
    ],
)
def test_a_nul_character_matches_nothing(client, url):
    """PostgreSQL refuses NUL in a parameter: such a code is unknown, not a server error."""
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["abcd", "20245", "99", "2024.5"])
def test_a_bad_year_is_422(client, year):
    response = client.get(OBSERVATIONS, {"indicator": "migrant_stock_total", "year": year})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-2:] == ["year", 0]


@pytest.mark.django_db
def test_the_indicator_is_required(client):
    response = client.get(OBSERVATIONS)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "indicator"]


@pytest.mark.django_db
def test_observations_query_count_stays_flat(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = client.get(OBSERVATIONS, {"indicator": "asylum_applicants", "limit": 1000})

    assert len(response.json()["items"]) == 1000


# --- The OpenAPI description --------------------------------------------------------------


@pytest.mark.django_db
def test_openapi_documents_the_statistics(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert {
        "/api/v1/datasets",
        "/api/v1/datasets/{slug}",
        "/api/v1/indicators",
        "/api/v1/observations",
    } <= set(schema["paths"])
    parameters = {p["name"]: p for p in schema["paths"][OBSERVATIONS]["get"]["parameters"]}
    assert set(parameters) == {
        "indicator",
        "country",
        "partner",
        "year",
        "dataset",
        "limit",
        "offset",
    }
    assert parameters["indicator"]["required"] is True
    specs = json.loads((STATISTICS_DIR / "indicators.json").read_text(encoding="utf-8"))
    for spec in specs:
        assert f"`{spec['code']}`" in parameters["indicator"]["description"]
    value = schema["components"]["schemas"]["ObservationOut"]["properties"]["value"]
    assert value["type"] == "number"
    responses = schema["paths"][OBSERVATIONS]["get"]["responses"]
    assert {"200", "404"} <= set(responses)


# --- Fuzzing against the OpenAPI ----------------------------------------------------------

fuzzed = schemathesis.openapi.from_dict(api.get_openapi_schema()).include(method="GET")


@pytest.mark.django_db
@fuzzed.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "30")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_a_server_error(client, case: Case):
    """Whatever schemathesis derives from the OpenAPI, no GET answers 5xx."""
    response = client.get(case.formatted_path, case.query or {})

    assert response.status_code < 500, (case.formatted_path, case.query)
    if response.status_code == 200:
        assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
@pytest.mark.parametrize("url", [OBSERVATIONS + "?indicator=population", "/api/v1/countries"])
def test_an_offset_past_the_databases_integers_is_refused_not_a_server_error(client, url):
    response = client.get(url, {"offset": 2**63})

    assert response.status_code == 422
    assert "offset" in response.content.decode()
