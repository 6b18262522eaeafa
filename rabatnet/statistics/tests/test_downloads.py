"""Downloads: CSV (with HXL), XLSX and SDMX-CSV equal the source files digit for digit."""

import csv
import io
import random

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from rabatnet.countries.models import Country
from rabatnet.statistics.downloads import COLUMNS, HXL_TAGS, SDMX_COLUMNS, excel_number

from .import_support import source_rows
from .loaded import shipped_datasets

shipped = shipped_datasets("worldbank-wdi", "eurostat-asylum-applicants")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test builds its downloads anew: the built files are keyed by the data revision."""
    settings.MEDIA_ROOT = tmp_path


URL = "/en/data/download/"
WDI = "worldbank-wdi/{}.csv.gz"
EUROSTAT = "eurostat-asylum-applicants/asylum_applicants_annual.csv.gz"


def content(response) -> bytes:
    """The body of a response, streamed (a file, closed once read) or not."""
    if not response.streaming:
        return response.content
    data = b"".join(response.streaming_content)
    return data


def body(response) -> str:
    return content(response).decode()


def read_csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body(response))))


def wdi(name: str, column: str, countries: set[str], first: int, last: int) -> dict:
    """(country, year) -> value as published, from a World Bank file."""
    return {
        (r["iso3"], r["year"]): r[column]
        for r in source_rows(WDI.format(name))
        if r["iso3"] in countries and first <= int(r["year"]) <= last and r[column] != ""
    }


def sample_members(n: int, seed: int) -> list[str]:
    members = sorted(Country.objects.members().values_list("iso3", flat=True))
    return random.Random(seed).sample(members, n)


# --- CSV ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_csv_of_two_countries_equals_the_file(client):
    response = client.get(
        URL,
        {"indicator": "population", "country": ["SEN", "MLI"], "from": 2000, "to": 2024},
    )

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="rabatnet-population-2000-2024.csv"'
    )
    rows = read_csv(response)
    assert list(rows[0]) == COLUMNS
    expected = wdi("population", "population", {"SEN", "MLI"}, 2000, 2024)
    assert {(r["country"], r["period"]): r["value"] for r in rows} == expected
    assert len(rows) == len(expected)
    senegal = next(r for r in rows if r["country"] == "SEN")
    assert senegal["country_name"] == "Senegal"
    assert (senegal["partner"], senegal["partner_name"], senegal["flags"]) == ("", "", "")
    assert senegal["unit"] == "persons"
    assert senegal["dataset"] == "worldbank-wdi"
    assert senegal["publisher"] == "The World Bank"
    assert senegal["revision"] == "WDI, update of 2026-07-01 (Datahub snapshot 4ebec5a)"
    assert senegal["licence"] == "CC BY 4.0"
    # By country, then period.
    assert [(r["country"], r["period"]) for r in rows] == sorted(expected)


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_csv_of_decimal_values_for_a_sample_of_countries_equals_the_file(client, seed):
    countries = sample_members(5, seed)
    first = random.Random(seed).randint(1975, 2010)

    rows = read_csv(
        client.get(
            URL,
            {
                "indicator": "remittances_received_pct_gdp",
                "country": countries,
                "from": first,
                "to": first + 12,
            },
        )
    )

    expected = wdi(
        "remittances_received_pct_gdp", "remittances_pct_gdp", set(countries), first, first + 12
    )
    assert {(r["country"], r["period"]): r["value"] for r in rows} == expected


@pytest.mark.django_db
def test_large_values_keep_every_digit(client):
    rows = read_csv(client.get(URL, {"indicator": "gdp_usd", "country": "WLD"}))

    expected = wdi("gdp_current_usd", "gdp_current_usd", {"WLD"}, 1900, 2100)
    assert {(r["country"], r["period"]): r["value"] for r in rows} == expected
    assert max(len(v) for v in expected.values()) >= 15  # world GDP: beyond a float's digits


@pytest.mark.django_db
def test_all_countries_gives_every_row_of_the_indicator(client):
    rows = read_csv(client.get(URL, {"indicator": "net_migration", "country": "all"}))
    without_country = read_csv(client.get(URL, {"indicator": "net_migration"}))

    file_rows = [r for r in source_rows(WDI.format("net_migration")) if r["net_migration"] != ""]
    assert len(rows) == len(without_country) == len(file_rows)
    assert {(r["country"], r["period"], r["value"]) for r in rows} == {
        (r["iso3"], r["year"], r["net_migration"]) for r in file_rows
    }


@pytest.mark.django_db
def test_bilateral_csv_names_the_partner(client):
    rows = read_csv(
        client.get(
            URL,
            {
                "indicator": "asylum_applicants",
                "country": ["FRA", "ESP"],
                "from": 2015,
                "to": 2020,
            },
        )
    )

    expected = {
        (r["geo_iso3"], r["citizenship_iso3"], r["year"]): r["applicants"]
        for r in source_rows(EUROSTAT)
        if r["geo_iso3"] in {"FRA", "ESP"} and 2015 <= int(r["year"]) <= 2020
    }
    assert {(r["country"], r["partner"], r["period"]): r["value"] for r in rows} == expected
    senegalese = next(r for r in rows if r["partner"] == "SEN")
    assert senegalese["partner_name"] == "Senegal"
    assert senegalese["dataset"] == "eurostat-asylum-applicants"


@pytest.mark.django_db
def test_codes_in_lower_case_and_partners_are_accepted(client):
    rows = read_csv(
        client.get(
            URL,
            {"indicator": "asylum_applicants", "country": "fra", "partner": "sen", "to": 2012},
        )
    )

    assert rows
    assert {(r["country"], r["partner"]) for r in rows} == {("FRA", "SEN")}
    assert max(int(r["period"]) for r in rows) <= 2012


@pytest.mark.django_db
def test_hxl_adds_a_hashtag_row_after_the_header(client):
    response = client.get(URL, {"indicator": "population", "country": "SEN", "hxl": "1"})

    lines = list(csv.reader(io.StringIO(body(response))))
    assert lines[0] == COLUMNS
    assert lines[1] == HXL_TAGS
    assert all(tag.startswith("#") for tag in lines[1])
    assert lines[2][:2] == ["population", "SEN"]


@pytest.mark.django_db
@pytest.mark.parametrize(("hxl", "rows"), [("0", 0), ("false", 0), ("", 0), ("on", 1), ("1", 1)])
def test_the_hxl_row_is_only_there_when_asked(client, hxl, rows):
    response = client.get(URL, {"indicator": "population", "country": "SEN", "hxl": hxl})

    lines = list(csv.reader(io.StringIO(body(response))))
    assert sum(line == HXL_TAGS for line in lines) == rows


@pytest.mark.django_db
def test_country_names_follow_the_language(client):
    rows = read_csv(client.get("/fr/data/download/", {"indicator": "population", "country": "SEN"}))

    assert {r["country_name"] for r in rows} == {"Sénégal"}


# --- XLSX ---------------------------------------------------------------------------------


def xlsx(client, params: dict) -> bytes:
    response = client.get(URL, {**params, "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    return content(response)


def shown(value: object, published: str) -> str:
    """How a cell read back by calamine shows, to the decimals of the published text."""
    if isinstance(value, str):
        return value
    decimals = len(published.partition(".")[2])
    return f"{value:.{decimals}f}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("indicator", "name", "column"),
    [
        ("population", "population", "population"),
        ("remittances_received_pct_gdp", "remittances_received_pct_gdp", "remittances_pct_gdp"),
        ("gdp_usd", "gdp_current_usd", "gdp_current_usd"),
    ],
)
def test_xlsx_read_back_equals_the_file(client, indicator, name, column):
    countries = [*sample_members(4, 7), "WLD"]
    content = xlsx(client, {"indicator": indicator, "country": countries, "from": 1990})

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    assert workbook.sheet_names == ["Data", "About"]
    header, *rows = workbook.get_sheet_by_name("Data").to_python()
    assert header == COLUMNS
    expected = wdi(name, column, set(countries), 1990, 2100)
    got = {(r[1], r[5]): r[6] for r in rows}
    assert set(got) == set(expected)
    for key, published in expected.items():
        assert shown(got[key], published) == published, key


@pytest.mark.django_db
def test_xlsx_shows_exactly_the_published_digits(client):
    content = xlsx(client, {"indicator": "remittances_received_pct_gdp", "country": "SEN"})

    sheet = load_workbook(io.BytesIO(content), read_only=True)["Data"]
    published = wdi("remittances_received_pct_gdp", "remittances_pct_gdp", {"SEN"}, 0, 9999)
    for row in list(sheet.iter_rows(min_row=2)):
        cell = row[6]
        text = published[(row[1].value, row[5].value)]
        decimals = len(text.partition(".")[2])
        assert cell.number_format == ("0." + "0" * decimals if decimals else "0")
        assert f"{cell.value:.{decimals}f}" == text


@pytest.mark.django_db
def test_xlsx_has_the_provenance_in_about(client):
    content = xlsx(client, {"indicator": "asylum_applicants", "country": "ITA", "hxl": "1"})

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    data = workbook.get_sheet_by_name("Data").to_python()
    assert data[1] == HXL_TAGS
    about = {r[0]: r[1] for r in workbook.get_sheet_by_name("About").to_python() if r[0]}
    assert about["indicator"] == "asylum_applicants"
    assert about["dataset"] == "eurostat-asylum-applicants"
    assert about["publisher"] == "Eurostat"
    assert isinstance(about["revision"], str)
    assert about["revision"].startswith("migr_asyappctza, annual")
    assert about["licence"] == "CC BY 4.0 (European Commission reuse policy)"
    assert about["licence address"] == "https://creativecommons.org/licenses/by/4.0/"
    assert about["released on"] == "2025-05-26"  # the Eurostat API download (PROVENANCE.md)
    assert about["page"] == "http://testserver/en/data/eurostat-asylum-applicants/"
    assert about["countries"] == "ITA"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("153916063", (153916063.0, "0")),
        ("-788", (-788.0, "0")),
        ("0.2947", (0.2947, "0.0000")),
        ("50.0", (50.0, "0.0")),
        ("123456789012345", (123456789012345.0, "0")),
        ("1234567890123456", None),  # 16 digits: Excel would round it; written as text
        ("0.1234567890123456", None),
        ("007", None),
        ("-0", None),
    ],
)
def test_excel_number_only_when_excel_shows_the_same_digits(text, expected):
    assert excel_number(text) == expected


# --- SDMX-CSV -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_sdmx_csv_follows_version_1(client):
    response = client.get(
        URL,
        {"indicator": "asylum_applicants", "country": "DEU", "from": 2023, "format": "sdmx-csv"},
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.sdmx.data+csv; version=1.0.0")
    assert response["Content-Disposition"].endswith('-sdmx.csv"')
    rows = read_csv(response)
    assert list(rows[0]) == SDMX_COLUMNS
    assert {r["DATAFLOW"] for r in rows} == {"RABATNET:ASYLUM_APPLICANTS(1.0)"}
    assert {r["INDICATOR"] for r in rows} == {"ASYLUM_APPLICANTS"}
    assert {r["UNIT_MEASURE"] for r in rows} == {"PERSONS"}
    expected = {
        (r["geo_iso3"], r["citizenship_iso3"], r["year"]): r["applicants"]
        for r in source_rows(EUROSTAT)
        if r["geo_iso3"] == "DEU" and int(r["year"]) >= 2023
    }
    got = {(r["REF_AREA"], r["COUNTERPART_AREA"], r["TIME_PERIOD"]): r["OBS_VALUE"] for r in rows}
    assert got == expected


@pytest.mark.django_db
def test_sdmx_csv_leaves_the_counterpart_empty_when_not_bilateral(client):
    rows = read_csv(
        client.get(URL, {"indicator": "population", "country": "SEN", "format": "sdmx-csv"})
    )

    assert {r["COUNTERPART_AREA"] for r in rows} == {""}
    assert {r["REF_AREA"] for r in rows} == {"SEN"}


# --- Bad input ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({}, "Choose an indicator."),
        ({"indicator": "no_such_code"}, "Unknown indicator: no_such_code."),
        ({"indicator": "population", "country": "XXX"}, "Unknown country code: XXX."),
        ({"indicator": "population", "partner": "ZZZ"}, "Unknown country code: ZZZ."),
        (
            {"indicator": "population", "from": 2020, "to": 2010},
            "The first year (2020) is after the last year (2010).",
        ),
        ({"indicator": "population", "from": "soon"}, "Enter a whole number."),
        ({"indicator": "population", "to": 12345}, "less than or equal to 2100"),
        (
            {"indicator": "population", "format": "pdf"},
            "Unknown format: pdf. Use csv, xlsx or sdmx-csv.",
        ),
    ],
)
def test_bad_input_gives_a_400_page_naming_the_problem(client, params, problem):
    response = client.get(URL, params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert problem in response.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db
def test_the_download_only_reads(client):
    assert client.post(URL, {"indicator": "population"}).status_code == 405
