"""Downloads of a map state: SVG, PNG and CSV with the page's query; bad queries answer 400.

The layer, the picture and (until the map page's parser is merged) the query's parsing are
replaced here by hand-made ones: these tests are about the answers, not the drawing.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.http import QueryDict

from rabatnet.imap import download_views
from rabatnet.imap.types import Layer, MapState, Row, Source

pytestmark = pytest.mark.django_db

WDI = Source("worldbank-wdi", "World Development Indicators", "World Bank", "2025-07", "2023")
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><title>Map</title><style>.c0{}</style></svg>'
PNG = b"\x89PNG\r\n\x1a\nfake"


def hand_made_layer(state: MapState) -> Layer:
    return Layer(
        state=state,
        title="Population, 2023",
        columns=("Population, 2023",),
        rows=[
            Row("SEN", "Senegal", ("17,763,163",), Decimal("17763163"), "persons", source=WDI),
            Row(
                "CPV",
                "Cabo Verde",
                ("598,682 †",),
                Decimal("598682.50"),
                "persons",
                True,
                source=WDI,
            ),
            Row("ESH", "Western Sahara", ("no data",), None, "persons", partial=True),
        ],
        year=state.year or 2023,
        years=[2022, 2023],
    )


def fake_parse(query: QueryDict) -> tuple[MapState, list[str]]:
    """Stands for the map page's parser in these tests: year must be a number."""
    year = query.get("year", "")
    if year and not year.isdigit():
        return MapState(), [f"“{year}” is not a year."]
    return (
        MapState(
            layer=query.get("layer", "membership"),
            indicator=query.get("indicator", ""),
            year=int(year) if year else None,
            country=query.get("country", ""),
            direction=query.get("direction", "destinations"),
        ),
        [],
    )


@pytest.fixture
def drawn(monkeypatch) -> list[dict]:
    """Replace parsing, the layer and the picture; record what the picture was asked for."""
    calls: list[dict] = []

    def map_svg(state: MapState, **flags: object) -> str:
        calls.append({"state": state, **flags})
        return SVG

    monkeypatch.setattr(download_views.picture, "map_svg", map_svg)
    monkeypatch.setattr(download_views.picture, "svg_to_png", lambda svg: PNG)
    monkeypatch.setattr(download_views, "parse_state", fake_parse)
    monkeypatch.setattr(download_views, "build_layer", hand_made_layer)
    return calls


INDICATOR = "?layer=indicator&indicator=population&year=2023"


def test_the_svg_is_the_standalone_picture_as_an_attachment(client, drawn):
    response = client.get("/en/map/map.svg" + INDICATOR + "&country=SEN")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="rabatnet-map-indicator-population-2023.svg"'
    )
    assert response.content.decode() == SVG
    assert drawn[0]["standalone"] is True and drawn[0]["links"] is False
    assert drawn[0]["highlight"] == "SEN"
    assert drawn[0]["state"].indicator == "population"


def test_the_png_is_drawn_from_the_standalone_svg(client, drawn):
    response = client.get("/en/map/map.png" + INDICATOR)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content == PNG
    assert response["Content-Disposition"].endswith('rabatnet-map-indicator-population-2023.png"')
    assert drawn[0]["standalone"] is True


def test_without_a_year_the_file_is_named_by_the_year_shown(client, drawn):
    response = client.get("/en/map/map.svg?layer=indicator&indicator=population")
    assert response["Content-Disposition"].endswith('rabatnet-map-indicator-population-2023.svg"')


def test_a_layer_without_years_is_named_without_one(client, drawn):
    response = client.get("/en/map/map.svg?layer=membership")
    assert response["Content-Disposition"].endswith('"rabatnet-map-membership.svg"')


def test_the_bilateral_file_names_its_country_and_direction():
    state = MapState(layer="bilateral", country="SEN", direction="origins", year=2024)
    assert (
        download_views.filename(state, 2024, "csv") == "rabatnet-map-bilateral-SEN-origins-2024.csv"
    )


def test_the_csv_holds_every_row_with_exact_values_units_and_sources(client, drawn):
    response = client.get("/en/map/map.csv" + INDICATOR)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('rabatnet-map-indicator-population-2023.csv"')
    text = response.content.decode("utf-8")
    assert not text.startswith("\ufeff")  # as the statistics downloads: no BOM
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "key", "name", "Population, 2023", "value", "unit", "status", "partial",
        "dataset", "publisher", "revision", "years",
    ]  # fmt: skip
    senegal, cabo_verde, sahara = rows
    assert senegal["key"] == "SEN" and senegal["value"] == "17763163"
    assert senegal["status"] == "published" and senegal["dataset"] == "worldbank-wdi"
    assert senegal["publisher"] == "World Bank" and senegal["revision"] == "2025-07"
    assert senegal["years"] == "2023" and senegal["unit"] == "persons"
    assert cabo_verde["value"] == "598682.50" and cabo_verde["status"] == "derived"
    assert sahara["value"] == "" and sahara["partial"] == "true" and sahara["dataset"] == ""


def test_a_value_is_never_written_in_exponent_notation():
    layer = Layer(state=MapState(), title="t", rows=[Row("X", "x", (), Decimal("1E+3"))])
    assert "1000" in download_views.layer_csv(layer).splitlines()[1]


@pytest.mark.parametrize("path", ["map.svg", "map.png", "map.csv"])
def test_a_bad_query_answers_400_with_the_problem(client, drawn, path: str):
    response = client.get(f"/en/map/{path}?layer=indicator&year=twenty")

    assert response.status_code == 400
    assert "“twenty” is not a year." in response.content.decode()
    assert not drawn


def test_the_download_page_for_a_bad_query_is_french_on_the_french_site(client, drawn):
    response = client.get("/fr/map/map.csv?year=x")
    assert response.status_code == 400
    assert 'lang="fr"' in response.content.decode()
