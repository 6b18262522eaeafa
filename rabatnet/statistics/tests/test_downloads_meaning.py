"""What each download row is: its unit, published or derived, a partial period, the kind of
its geographies; which rows a partner selection gives (a total never with its breakdown)."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from python_calamine import CalamineWorkbook

from rabatnet.statistics.downloads import COLUMNS, HXL_TAGS, SDMX_COLUMNS

from .download_support import sample

URL = "/en/data/download/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def content(response) -> bytes:
    assert response.status_code == 200, response.status_code
    data = b"".join(response.streaming_content)
    return data


def rows(client, params: dict) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content(client.get(URL, params)).decode())))


@pytest.mark.django_db
def test_each_row_says_its_unit_whether_published_or_derived_and_a_partial_period(client):
    sample()

    remittances = rows(client, {"indicator": "test_remittances", "country": "SEN"})
    detections = rows(client, {"indicator": "test_detections"})
    applications = rows(client, {"indicator": "test_applications", "partner": "all"})

    assert {(r["period"], r["status"], r["unit"]) for r in remittances} == {
        ("2022", "published", "percent"),
        ("2023", "derived", "percent"),
    }
    assert {(r["period"], r["covers"]) for r in detections} == {
        ("2024", ""),
        ("2025", "2025-01/2025-04"),
    }
    assert {r["unit"] for r in applications} == {"cases"}


@pytest.mark.django_db
def test_hxl_tags_name_every_column(client):
    sample()

    lines = list(
        csv.reader(
            io.StringIO(
                content(client.get(URL, {"indicator": "test_detections", "hxl": "1"})).decode()
            )
        )
    )

    assert lines[1] == HXL_TAGS
    assert len(HXL_TAGS) == len(COLUMNS)
    tags = dict(zip(COLUMNS, HXL_TAGS, strict=True))
    assert tags["status"] == "#status"
    assert tags["covers"] == "#date+covered"
    assert tags["country_kind"] == "#country+type"
    assert tags["partner_kind"] == "#country+type+partner"


@pytest.mark.django_db
def test_xlsx_about_gives_the_formula_of_the_derived_values(client):
    sample()

    response = client.get(URL, {"indicator": "test_remittances", "format": "xlsx"})

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content(response)))
    header, *data = workbook.get_sheet_by_name("Data").to_python()
    assert [r[header.index("status")] for r in data] == ["published", "derived"]
    about = {r[0]: r[1] for r in workbook.get_sheet_by_name("About").to_python() if r[0]}
    assert about["derived values: formula"] == "remittances_received_usd / gdp_usd × 100"
    assert about["derived values: inputs"] == "World Bank remittances and GDP"
    assert about["derived values: derived by"] == "rabatnet"
    assert str(about["status"]).startswith("published: as the publisher released it; derived:")


@pytest.mark.django_db
def test_xlsx_about_of_published_values_gives_no_formula(client):
    sample()

    response = client.get(URL, {"indicator": "test_detections", "format": "xlsx"})

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content(response)))
    about = {r[0] for r in workbook.get_sheet_by_name("About").to_python()}
    assert "derived values: formula" not in about


@pytest.mark.django_db
def test_sdmx_csv_carries_the_status_the_covered_part_and_the_kinds(client):
    sample()

    got = rows(
        client, {"indicator": "test_detections", "partner": ["none", "all"], "format": "sdmx-csv"}
    )

    assert list(got[0]) == SDMX_COLUMNS
    assert {
        (
            r["COUNTERPART_AREA"],
            r["TIME_PERIOD"],
            r["VALUE_STATUS"],
            r["TIME_COVERED"],
            r["REF_AREA_TYPE"],
            r["COUNTERPART_AREA_TYPE"],
        )
        for r in got
    } == {
        ("", "2024", "PUBLISHED", "", "ROUTE", ""),
        ("", "2025", "PUBLISHED", "2025-01/2025-04", "ROUTE", ""),
        ("SYR", "2024", "PUBLISHED", "", "ROUTE", "COUNTRY"),
        ("UNK", "2024", "PUBLISHED", "", "ROUTE", "UNKNOWN"),
    }


@pytest.mark.django_db
def test_all_countries_say_what_each_geography_is(client):
    sample()

    got = rows(client, {"indicator": "test_detections", "country": "all", "partner": "all"})

    assert {(r["country"], r["country_kind"], r["partner"], r["partner_kind"]) for r in got} == {
        ("route-test", "route", "SYR", "country"),
        ("route-test", "route", "UNK", "unknown"),
    }


@pytest.mark.django_db
def test_partner_none_gives_the_rows_without_a_partner(client):
    sample()

    got = rows(client, {"indicator": "test_detections", "partner": "none"})

    assert {(r["partner"], r["period"], r["value"]) for r in got} == {
        ("", "2024", "100"),
        ("", "2025", "30"),
    }


@pytest.mark.django_db
def test_without_partner_a_route_total_never_comes_with_its_breakdown(client):
    sample()

    default = rows(client, {"indicator": "test_detections", "from": 2024, "to": 2024})
    breakdown = rows(client, {"indicator": "test_detections", "partner": "all", "to": 2024})
    both = rows(client, {"indicator": "test_detections", "partner": ["none", "all"], "to": 2024})
    one = rows(client, {"indicator": "test_detections", "partner": "SYR"})

    assert [(r["partner"], r["value"]) for r in default] == [("", "100")]
    assert [(r["partner"], r["value"]) for r in breakdown] == [("SYR", "60"), ("UNK", "40")]
    assert len(both) == 3
    assert [(r["partner"], r["value"]) for r in one] == [("SYR", "60")]


@pytest.mark.django_db
def test_without_partner_an_indicator_with_only_a_breakdown_gives_it(client):
    sample()

    got = rows(client, {"indicator": "test_applications"})

    assert [(r["country"], r["partner"], r["value"]) for r in got] == [("FRA", "SEN", "12")]


@pytest.mark.django_db
def test_none_is_no_country_code(client):
    sample()

    response = client.get(URL, {"indicator": "test_detections", "country": "none"})

    assert response.status_code == 400
    assert "Unknown country code: none." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_the_second_request_reads_no_observation(client, file_format):
    """A download is built once per data revision; then served from storage."""
    sample()
    params = {"indicator": "test_detections", "format": file_format}
    first = content(client.get(URL, params))

    with CaptureQueriesContext(connection) as queries:
        second = content(client.get(URL, params))

    assert second == first
    assert not [q["sql"] for q in queries if "statistics_observation" in q["sql"]]
