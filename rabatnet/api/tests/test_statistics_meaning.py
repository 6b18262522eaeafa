"""What each API row is (unit, published or derived, partial period, kinds of geography), which
rows a partner selection gives, and what a dataset says of its import and derivations."""

import pytest

from rabatnet.api.api import api
from rabatnet.statistics.tests.download_support import sample

OBSERVATIONS = "/api/v1/observations"


def items(client, params: dict) -> list[dict]:
    response = client.get(OBSERVATIONS, params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.mark.django_db
def test_each_row_says_its_unit_whether_derived_and_a_partial_period(client):
    sample()

    remittances = items(client, {"indicator": "test_remittances"})
    detections = items(client, {"indicator": "test_detections"})
    applications = items(client, {"indicator": "test_applications"})

    assert [(o["period"], o["unit"], o["derived"]) for o in remittances] == [
        ("2022", "percent", False),
        ("2023", "percent", True),
    ]
    assert [(o["period"], o["covers"]) for o in detections] == [
        ("2024", None),
        ("2025", "2025-01/2025-04"),
    ]
    assert [o["unit"] for o in applications] == ["cases"]


@pytest.mark.django_db
def test_each_row_says_what_its_country_and_partner_are(client):
    sample()

    got = items(client, {"indicator": "test_detections", "partner": ["none", "all"]})

    assert {(o["country_kind"], o["partner"], o["partner_kind"]) for o in got} == {
        ("route", None, None),
        ("route", "SYR", "country"),
        ("route", "UNK", "unknown"),
    }


@pytest.mark.django_db
def test_without_partner_a_route_total_never_comes_with_its_breakdown(client):
    sample()
    params = {"indicator": "test_detections", "year": 2024}

    default = items(client, params)
    breakdown = items(client, {**params, "partner": "all"})
    both = items(client, {**params, "partner": ["none", "all"]})
    one = items(client, {**params, "partner": ["syr"]})

    assert [(o["partner"], o["value"]) for o in default] == [(None, 100)]
    assert [(o["partner"], o["value"]) for o in breakdown] == [("SYR", 60), ("UNK", 40)]
    assert len(both) == 3
    assert [(o["partner"], o["value"]) for o in one] == [("SYR", 60)]


@pytest.mark.django_db
def test_without_partner_an_indicator_with_only_a_breakdown_gives_it(client):
    sample()

    assert [o["partner"] for o in items(client, {"indicator": "test_applications"})] == ["SEN"]


@pytest.mark.django_db
def test_an_unknown_partner_is_named_beside_the_keywords(client):
    sample()

    response = client.get(OBSERVATIONS, {"indicator": "test_detections", "partner": ["all", "QQQ"]})

    assert response.status_code == 404
    assert response.json() == {"detail": "Unknown partner code(s): QQQ."}


@pytest.mark.django_db
def test_the_openapi_says_the_partner_rule_and_the_row_fields():
    schema = api.get_openapi_schema()
    parameters = schema["paths"]["/api/v1/observations"]["get"]["parameters"]
    partner = next(p for p in parameters if p["name"] == "partner")
    fields = schema["components"]["schemas"]["ObservationOut"]["properties"]

    assert "a total never comes with its breakdown" in partner["description"]
    assert {"unit", "derived", "covers", "country_kind", "partner_kind"} <= set(fields)
    assert "as published" in fields["derived"]["description"]
    detail = schema["components"]["schemas"]["DatasetDetailOut"]["properties"]
    assert {"import_options", "kosovo_in_serbia", "derivations"} <= set(detail)


@pytest.mark.django_db
def test_a_dataset_gives_its_import_options_kosovo_and_derivations(client):
    sample()

    wdi = client.get("/api/v1/datasets/test-wdi").json()
    frontex = client.get("/api/v1/datasets/test-frontex").json()

    assert wdi["import_options"] == {"format": "tidy", "sheet": 2}
    assert (wdi["kosovo_in_serbia"], frontex["kosovo_in_serbia"]) == (False, True)
    assert wdi["derivations"] == [
        {
            "indicator": "test_remittances",
            "derived_by": "rabatnet",
            "formula_en": "remittances_received_usd / gdp_usd × 100",
            "formula_fr": "remittances_received_usd / gdp_usd × 100 (fr)",
            "inputs_en": "World Bank remittances and GDP",
            "inputs_fr": "Envois de fonds et PIB de la Banque mondiale",
        }
    ]
    assert frontex["derivations"] == []
    listed = {d["slug"]: d for d in client.get("/api/v1/datasets").json()}
    assert listed["test-frontex"]["kosovo_in_serbia"] is True
