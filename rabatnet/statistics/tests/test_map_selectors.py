"""``map_selectors``: the reads behind the i-Map, each in one or two queries."""

from datetime import date
from decimal import Decimal

import pytest
from pytest_django import DjangoAssertNumQueries

from rabatnet.core import revisions

from .. import map_selectors
from ..models import Dataset
from .loaded import shipped_datasets

pytestmark = pytest.mark.django_db
shipped = shipped_datasets(
    "undesa-ims-2024-destination",
    "undesa-ims-2024-bilateral",
    "frontex-detections",
    "iom-missing-migrants",
)


def test_indicator_choices_probe_once_per_statistics_revision(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    with django_assert_num_queries(4):  # counters, indicators, the probe's two
        codes = [choice.code for choice in map_selectors.indicator_choices()]
    assert "migrant_stock_total" in codes
    assert "dead_and_missing" not in codes and "migrant_stock_bilateral" not in codes
    with django_assert_num_queries(2):  # counters, indicators: the probe is kept
        map_selectors.indicator_choices()
    revisions.bump(revisions.STATISTICS)
    with django_assert_num_queries(4):  # an import makes a new revision: probed again
        map_selectors.indicator_choices()


def test_country_values_with_their_dataset(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    found = map_selectors.indicator_dataset("migrant_stock_total")
    assert found is not None
    indicator, dataset = found
    assert dataset.slug == "undesa-ims-2024-destination"
    assert map_selectors.indicator_dataset("nope") is None
    with django_assert_num_queries(1):
        values = map_selectors.country_values(indicator=indicator, dataset=dataset, year=2024)
    assert values["SEN"].text == "281867" and values["SEN"].name == "Senegal"
    assert all(len(code) == 3 for code in values)  # countries only, no aggregates
    with django_assert_num_queries(1):
        assert map_selectors.country_years(indicator=indicator, dataset=dataset)[-1] == 2024


def test_bilateral_top_in_one_query(django_assert_num_queries: DjangoAssertNumQueries) -> None:
    dataset = map_selectors.bilateral_dataset()
    assert dataset is not None
    with django_assert_num_queries(1):
        top = map_selectors.bilateral_top(
            dataset=dataset, iso3="SEN", direction="destinations", year=2024, top=10
        )
    assert [v.code for v in top[:3]] == ["FRA", "GMB", "ITA"]
    assert top[0].value == Decimal(176632) and len(top) == 10


def test_route_totals_and_incidents(django_assert_num_queries: DjangoAssertNumQueries) -> None:
    dataset, detections = map_selectors.route_totals(map_selectors.DETECTIONS)
    assert dataset is not None and dataset.slug == "frontex-detections"
    by_key = {(v.code, v.year): v for v in detections}
    assert by_key[("route-western-african", 2024)].text == "46820"
    assert by_key[("route-western-african", 2025)].covers == "2025-01/2025-04"
    iom = map_selectors.incidents_dataset()
    assert isinstance(iom, Dataset) and iom.slug == "iom-missing-migrants"
    assert map_selectors.incident_years(iom)[0] == 2014
    with django_assert_num_queries(1):
        points = map_selectors.incidents(dataset=iom, year=2024, bbox=(-32, -38, 62, 72))
    assert points and all(p.date.year == 2024 for p in points)
    assert all(-32 <= p.lon <= 62 and -38 <= p.lat <= 72 for p in points)
    everywhere = map_selectors.incidents(dataset=iom, year=2024, bbox=(-180, -90, 180, 90))
    assert len(everywhere) > len(points)  # the Americas and Asia are outside the map
    assert points[0].dead_and_missing >= points[-1].dead_and_missing
    assert min(p.date for p in everywhere) >= date(2024, 1, 1)
