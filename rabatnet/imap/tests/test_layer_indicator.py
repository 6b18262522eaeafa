"""Layer ``indicator``: classes of the shipped figures, "no data", partial years, fallbacks."""

from decimal import Decimal

import pytest
from django.utils import translation

from rabatnet.imap.layers import build_layer, indicator_choices
from rabatnet.imap.types import Layer, MapState, Row
from rabatnet.statistics.models import Observation
from rabatnet.statistics.tests.loaded import shipped_datasets

pytestmark = pytest.mark.django_db
shipped = shipped_datasets("undesa-ims-2024-destination", "worldbank-wdi")

STOCK = MapState(layer="indicator", indicator="migrant_stock_total")


def rows_of(layer: Layer) -> dict[str, Row]:
    return {row.key: row for row in layer.rows}


def test_latest_year_classed_with_natural_breaks() -> None:
    layer = build_layer(STOCK)
    assert layer.year == 2024 and layer.message == ""
    assert layer.years[0] == 1990 and layer.years[-1] == 2024
    assert layer.fills["DEU"] == "c4"  # 16,750,084: the largest stock of the members
    assert layer.fills["GMB"] == "c0"
    assert set(layer.fills.values()) <= {"c0", "c1", "c2", "c3", "c4", "nodata"}
    assert "USA" not in layer.fills
    row = rows_of(layer)["DEU"]
    assert row.cells == ("16,750,084", "2024") and row.value == Decimal("16750084")
    assert row.source is not None and row.source.dataset == "undesa-ims-2024-destination"
    assert layer.sources[0].years == "1990–2024"
    assert "natural breaks (Jenks)" in layer.legend_note
    classed = [entry for entry in layer.legend if entry.key.startswith("c")]
    assert sum(entry.count or 0 for entry in classed) == len(layer.fills)


def test_a_member_without_data_is_no_data() -> None:
    Observation.objects.filter(
        indicator__code="migrant_stock_total", geo__code="SEN", year=2024
    ).delete()
    layer = build_layer(STOCK)
    assert layer.fills["SEN"] == "nodata"
    senegal = rows_of(layer)["SEN"]
    assert senegal.cells[0] == "no data" and senegal.value is None
    assert next(e.count for e in layer.legend if e.key == "nodata") == 1


def test_a_partial_year_is_flagged_and_not_classed() -> None:
    Observation.objects.filter(
        indicator__code="migrant_stock_total", geo__code="SEN", year=2024
    ).update(covers="2024-01/2024-06")
    layer = build_layer(STOCK)
    senegal = rows_of(layer)["SEN"]
    assert senegal.partial and layer.fills["SEN"] == "nodata"
    assert "partial year" in senegal.cells[0] and senegal.cells[1] == "2024 (Jan–Jun)"


def test_negative_values_diverge_around_zero() -> None:
    layer = build_layer(MapState(layer="indicator", indicator="net_migration", year=2020))
    assert layer.year == 2020
    assert set(layer.fills.values()) <= {"d0", "d1", "d2", "d3", "d4", "nodata"}
    assert layer.fills["DZA"] in ("d0", "d1")  # -10,798
    assert layer.fills["DEU"] == "d4"  # 203,468
    assert rows_of(layer)["DZA"].cells[0] == "-10,798"
    assert "diverging" in layer.legend_note


def test_a_year_without_data_shows_the_latest_with_a_message() -> None:
    layer = build_layer(MapState(layer="indicator", indicator="migrant_stock_total", year=1900))
    assert layer.year == 2024
    assert layer.message == "No data for 1900: showing 2024, the latest year with data."


def test_without_an_indicator_the_migrant_stock_is_shown() -> None:
    layer = build_layer(MapState(layer="indicator"))
    assert layer.state.indicator == "migrant_stock_total" and layer.year == 2024
    assert not layer.message and layer.fills["DEU"] != "nodata"


@pytest.mark.parametrize("code", ["nope", "border_detections", "migrant_stock_bilateral"])
def test_an_unknown_or_not_national_indicator_gives_a_message(code: str) -> None:
    layer = build_layer(MapState(layer="indicator", indicator=code))
    assert layer.message
    assert set(layer.fills.values()) == {"nodata"} and layer.years == []


def test_printed_in_french() -> None:
    with translation.override("fr"):
        layer = build_layer(STOCK)
    assert rows_of(layer)["DEU"].cells[0] == "16\xa0750\xa0084"
    assert rows_of(layer)["DEU"].label == "Allemagne"


def test_indicator_choices_are_country_level_with_french_names() -> None:
    choices = {choice.code: choice for choice in indicator_choices()}
    assert "migrant_stock_total" in choices and "net_migration" in choices
    assert "border_detections" not in choices and "migrant_stock_bilateral" not in choices
    assert choices["net_migration"].name_fr == "Solde migratoire"
    assert choices["net_migration"].allows_negative
