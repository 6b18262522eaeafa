"""The prepared geometry: arcs decoded, projected, simplified once per arc, clipped, labelled."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from shapely.geometry import Point

from rabatnet.imap import geometry, projection, topojson
from rabatnet.imap.borders import disputed_mode
from rabatnet.imap.paths import number, points_path

from .map_helpers import rings as line_rings
from .map_helpers import shape_of


def _two_countries() -> dict:
    """Two squares near Dakar sharing a wiggly border of many points (quantized TopoJSON)."""
    wiggle = [[-30 if i % 2 else 30, 10] for i in range(40)]  # ±0.3°, wider than the tolerance
    return {
        "type": "Topology",
        "transform": {"scale": [0.01, 0.01], "translate": [-17.0, 13.0]},
        "arcs": [
            [[200, 0], *wiggle],  # 0: the shared border, south to north
            [[200, 400], [-200, 0], [0, -400], [200, 0]],  # 1: west country's other sides
            [[200, 0], [200, 0], [0, 400], [-200, 0]],  # 2: east country's other sides
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"iso3": "WST"}},
                    {"type": "Polygon", "arcs": [[2, -1]], "properties": {"iso3": "EST"}},
                    {"type": "Polygon", "arcs": [[1]], "properties": {"name": "Nowhere"}},
                ],
            }
        },
    }


def test_decode_undoes_quantization_and_deltas() -> None:
    topology = topojson.decode(_two_countries())
    assert topology.arcs[1][:2] == ((-15.0, 17.0), (-17.0, 17.0))
    assert [f.iso3 for f in topology.features] == ["WST", "EST", ""]
    assert topology.features[1].polygons == (((2, -1),),)


def test_shared_border_is_one_line_after_simplification() -> None:
    prepared = geometry.prepare(topojson.decode(_two_countries()), mode="un")
    west, east = shape_of(prepared.shapes["WST"].d), shape_of(prepared.shapes["EST"].d)
    shared = prepared.arcs[0]
    assert len(shared) < 42  # simplified …
    assert len(shared) > 2  # … but not to a straight line
    assert west.intersection(east).area == pytest.approx(0, abs=1e-6)  # no overlap
    border = west.boundary.intersection(east.boundary).length
    assert border == pytest.approx(shapely_line_length(shared), rel=1e-6)  # the whole line
    assert west.union(east).area == pytest.approx(west.area + east.area)
    # No gap: the union is one polygon whose area is the two squares'.
    assert west.union(east).geom_type == "Polygon"
    assert "Nowhere" not in {s.name for s in prepared.shapes.values()}  # no ISO3, no state


def test_path_numbers_are_short_tenths() -> None:
    assert [number(n) for n in (12, -5, 30, 0, -130)] == ["1.2", "-.5", "3", "0", "-13"]
    assert points_path([(1, 2), (1.5, 2), (1.5, 1), (1, 2)], close=True) == "M1 2l.5 0 0-1z"


@pytest.fixture(scope="module")
def natural_earth() -> geometry.PreparedMap:
    return geometry.prepare(topojson.read_countries(), mode="un")


@pytest.fixture(scope="module")
def de_facto() -> geometry.PreparedMap:
    return geometry.prepare(topojson.read_countries(), mode="natural-earth")


def test_view_covers_cabo_verde_iceland_south_africa_and_iran(natural_earth) -> None:
    for iso3 in ("CPV", "ISL", "ZAF", "IRN", "NOR", "OMN"):
        x, y = natural_earth.shapes[iso3].label
        assert 0 <= x <= natural_earth.width and 0 <= y <= natural_earth.height, iso3
    assert natural_earth.width == projection.VIEW_WIDTH
    assert "AUS" not in natural_earth.shapes and "BRA" not in natural_earth.shapes


@pytest.mark.parametrize(
    "pair",
    [
        ("SEN", "GMB"),
        ("FRA", "ESP"),
        ("MAR", "DZA"),
        ("NGA", "NER"),
        ("MAR", "ESH"),
        ("ESH", "DZA"),
        ("ESH", "MRT"),
        ("UKR", "RUS"),
        ("SRB", "XKX"),
    ],
)
def test_neighbours_share_their_border_exactly(natural_earth, pair) -> None:
    first, second = (shape_of(natural_earth.shapes[iso3].d) for iso3 in pair)
    assert first.intersection(second).area < 0.01  # no overlap
    assert first.boundary.intersection(second.boundary).length > 2  # one line, no gap


def _at(prepared: geometry.PreparedMap, iso3: str, lon: float, lat: float) -> bool:
    return shape_of(prepared.shapes[iso3].d).contains(Point(projection.project_point(lon, lat)))


def test_under_un_crimea_is_ukraine_and_boundaries_are_dashed(natural_earth) -> None:
    assert _at(natural_earth, "UKR", 34.1, 45.0) and not _at(natural_earth, "RUS", 34.1, 45.0)
    assert _at(natural_earth, "CYP", 33.6, 35.25)  # Northern Cyprus
    assert _at(natural_earth, "SOM", 45.0, 9.5)  # Somaliland
    # Western Sahara whole (Natural Earth gives Morocco the land west of the Berm).
    assert _at(natural_earth, "ESH", -14.5, 25.0) and _at(natural_earth, "ESH", -13.2, 27.15)
    assert _at(natural_earth, "MAR", -10.0, 28.5) and not _at(natural_earth, "MAR", -14.5, 25.0)
    dashed = {b.pair: b for b in natural_earth.boundaries if b.kind == "disputed"}
    assert set(dashed) == {("MAR", "ESH"), ("SRB", "XKX"), ("SDN", "SSD")}
    # Each dashed line is the border the two territories share, nothing else.
    for pair in dashed:
        first, second = (shape_of(natural_earth.shapes[iso3].d) for iso3 in pair)
        shared = first.boundary.intersection(second.boundary).length
        drawn = sum(shapely_line_length(ring) for ring in line_rings(dashed[pair].d))
        assert drawn == pytest.approx(shared, rel=0.02), pair


def shapely_line_length(coords) -> float:
    from shapely.geometry import LineString

    return LineString(coords).length


def test_under_natural_earth_de_facto_lines_are_solid(de_facto) -> None:
    assert _at(de_facto, "RUS", 34.1, 45.0)
    assert _at(de_facto, "MAR", -14.5, 25.0)
    assert not [b for b in de_facto.boundaries if b.kind == "disputed"]
    assert {b.pair for b in de_facto.boundaries} == {("CYP", "CYP"), ("SOM", "SOM")}


def test_small_states_keep_a_shape(natural_earth) -> None:
    for iso3 in ("CPV", "STP", "MLT", "GMB", "LUX", "BHR"):
        assert natural_earth.shapes[iso3].area > 0, iso3


def test_prepared_once_and_kept_in_the_cache(monkeypatch) -> None:
    geometry._prepared.cache_clear()
    first = geometry.prepared_map()
    geometry._prepared.cache_clear()  # a new worker: the Django cache answers
    monkeypatch.setattr(geometry, "prepare", lambda *a, **k: pytest.fail("prepared again"))
    assert geometry.prepared_map().shapes.keys() == first.shapes.keys()


@override_settings(IMAP_DISPUTED_BOUNDARIES="de facto")
def test_a_wrong_setting_is_named() -> None:
    with pytest.raises(ImproperlyConfigured, match="IMAP_DISPUTED_BOUNDARIES"):
        disputed_mode()


def test_prepare_map_command_reports_the_geometry() -> None:
    out = io.StringIO()
    call_command("prepare_map", stdout=out)
    assert "countries (un)" in out.getvalue()
