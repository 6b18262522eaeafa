"""Layer ``routes``: Frontex detections per route and year, IOM incidents as points."""

from decimal import Decimal

import pytest

from rabatnet.imap.layers import build_layer
from rabatnet.imap.routes import MAP_EXTENT
from rabatnet.imap.types import MapState
from rabatnet.statistics.tests.loaded import shipped_datasets

pytestmark = pytest.mark.django_db
shipped = shipped_datasets("frontex-detections", "iom-missing-migrants")

ROUTE_CODES = [
    "route-western-african",
    "route-western-mediterranean",
    "route-central-mediterranean",
    "route-eastern-mediterranean",
    "route-western-balkan",
]


def test_detections_and_incidents_of_2024() -> None:
    layer = build_layer(MapState(layer="routes", year=2024))
    assert layer.year == 2024 and layer.message == ""
    assert [route.code for route in layer.routes] == ROUTE_CODES
    detections = {route.code: route.value for route in layer.routes}
    assert detections["route-western-african"] == Decimal(46820)
    assert detections["route-central-mediterranean"] == Decimal(66855)
    assert not any(route.partial for route in layer.routes)
    rows = {row.key: row for row in layer.rows}
    assert rows["route-western-african"].cells == ("46,820", "1,215")  # IOM: 1,215 dead
    assert rows["route-western-balkan"].cells[1] == "—"
    assert layer.points, "incidents of 2024 within the map"
    west, south, east, north = MAP_EXTENT
    assert all(west <= p.lon <= east and south <= p.lat <= north for p in layer.points)
    assert all(p.value > 0 and "2024-" in p.label for p in layer.points)
    assert next(e.count for e in layer.legend if e.key == "incident") == len(layer.points)
    assert {s.dataset for s in layer.sources} == {"frontex-detections", "iom-missing-migrants"}


def test_the_latest_year_is_partial_and_flagged() -> None:
    layer = build_layer(MapState(layer="routes"))
    assert layer.year == 2025
    assert all(route.partial for route in layer.routes)
    assert "route-partial" in {entry.key for entry in layer.legend}
    rows = {row.key: row for row in layer.rows}
    assert rows["route-western-african"].cells[0] == "10,470 (Jan–Apr)"
    assert rows["route-western-african"].partial
    assert layer.sources[0].years == "2009–2025 (2025: Jan–Apr)"


def test_a_year_without_data_shows_the_latest() -> None:
    layer = build_layer(MapState(layer="routes", year=1950))
    assert layer.year == 2025 and "1950" in layer.message
