"""Layer ``bilateral``: a country's top 10 partners in UN DESA's bilateral migrant stock."""

from decimal import Decimal

import pytest

from rabatnet.imap.layers import build_layer
from rabatnet.imap.types import MapState
from rabatnet.statistics.tests.loaded import shipped_datasets

pytestmark = pytest.mark.django_db
shipped = shipped_datasets("undesa-ims-2024-bilateral")


def test_senegal_destinations_2024() -> None:
    layer = build_layer(MapState(layer="bilateral", country="SEN", direction="destinations"))
    assert layer.year == 2024 and layer.message == ""
    partners = [row.key for row in layer.rows]
    assert len(partners) == 10
    assert {"FRA", "GMB", "ITA"} <= set(partners)
    assert partners[:3] == ["FRA", "GMB", "ITA"]
    france = layer.rows[0]
    assert france.cells == ("1", "176,632") and france.value == Decimal("176632")
    assert france.derived  # total = men + women, added by IOM GMDAC
    assert layer.flows[0].origin == "SEN" and layer.flows[0].destination == "FRA"
    assert layer.flows[0].label == "France: 176,632"
    assert layer.fills["FRA"] == "c4" and "SEN" not in layer.fills
    assert "USA" not in layer.fills  # a partner outside the dialogue: in the table only
    values = [row.value or 0 for row in layer.rows]
    assert values == sorted(values, reverse=True)
    assert layer.sources[0].dataset == "undesa-ims-2024-bilateral"
    assert "10" in layer.legend_note and "†" in layer.legend_note


def test_origins_point_to_the_country() -> None:
    layer = build_layer(MapState(layer="bilateral", country="SEN", direction="origins", year=2020))
    assert layer.year == 2020
    assert all(flow.destination == "SEN" for flow in layer.flows)
    assert layer.rows[0].key == "GIN"


def test_without_a_country_a_message_and_no_flows() -> None:
    for country in ("", "ZZZ", "S'1"):
        layer = build_layer(MapState(layer="bilateral", country=country))
        assert layer.message == "Choose a country to see its top partners."
        assert layer.flows == [] and layer.rows == []


def test_a_year_without_data_shows_the_latest() -> None:
    layer = build_layer(MapState(layer="bilateral", country="SEN", year=2003))
    assert layer.year == 2024 and "2003" in layer.message
    assert 1990 in layer.years
