"""The picture of a state: built from its layer, cached by inputs and data revision; PNG."""

import struct

import pytest
from django.core.cache import cache
from django.utils import translation

from rabatnet.core import revisions
from rabatnet.imap import layers, picture
from rabatnet.imap.types import Layer, MapState

from .map_helpers import SVG, by_iso3, membership_layer, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(monkeypatch) -> list[MapState]:
    """The states the (patched) layer builder was asked for."""
    cache.clear()
    calls: list[MapState] = []

    def build_layer(state: MapState) -> Layer:
        calls.append(state)
        return membership_layer({"SEN": "m-partner", "FRA": "m-partner"}, state=state)

    monkeypatch.setattr(layers, "build_layer", build_layer)
    return calls


def test_built_once_then_read_from_the_cache(built) -> None:
    state = MapState(layer="membership")
    first = picture.map_svg(state)
    assert picture.map_svg(state) == first
    assert built == [state]
    assert 'data-iso3="SEN"' in first


def test_a_layer_in_hand_is_drawn_without_building_it_again(built) -> None:
    state = MapState(layer="membership")
    held = membership_layer({"MLI": "m-partner"}, state=state)
    svg = picture.map_svg(state, layer=held)
    assert built == [] and 'data-iso3="MLI"' in svg


def test_key_follows_highlight_flags_language_and_revision(built) -> None:
    state = MapState(layer="membership")
    picture.map_svg(state)
    picture.map_svg(state, highlight="SEN")
    picture.map_svg(state, links=False)
    picture.map_svg(state, standalone=True)
    picture.map_svg(state, link_target="_top")
    with translation.override("fr"):
        french = picture.map_svg(state)
    picture.map_svg(MapState(layer="guides"))
    assert len(built) == 7
    assert 'href="/fr/map/?' in french
    revisions.bump(revisions.STATISTICS)
    picture.map_svg(state)
    assert len(built) == 8


def test_country_map_is_membership_highlighted_without_links(built) -> None:
    root = parse(picture.country_map_svg("sen"))
    assert built == [MapState(layer="membership", country="SEN")]
    assert f"{SVG}a" not in {el.tag for el in root.iter()}
    shape = by_iso3(root)["SEN"].find(f"{SVG}path")
    assert shape is not None and shape.get("class") == "m-partner selected"
    standalone = parse(picture.country_map_svg("SEN", standalone=True))
    assert standalone.get("width") == "1000"


def test_png_is_twice_the_picture(built) -> None:
    svg = picture.map_svg(MapState(), links=False, standalone=True)
    png = picture.svg_to_png(svg)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 2000
    assert height == 2 * int(float(parse(svg).get("height", 0)))
