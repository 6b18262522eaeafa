"""The renderer: one link per country, accessible names, small states, borders, highlight."""

import gzip

import pytest
from django.test import override_settings
from django.utils import translation

from rabatnet.countries.models import Country
from rabatnet.imap.svg import render_map_svg
from rabatnet.imap.types import MapState

from .map_helpers import SMALL_STATES, SVG, by_iso3, membership_layer, parse, sample_marks

pytestmark = pytest.mark.django_db


def _member_fills() -> dict[str, str]:
    return {iso3: "m-partner" for iso3 in Country.objects.members().values_list("iso3", flat=True)}


def test_every_member_is_a_link_with_an_accessible_name() -> None:
    fills = _member_fills()
    assert len(fills) > 50
    root = parse(render_map_svg(membership_layer(fills)))
    links = by_iso3(root)
    names = dict(Country.objects.values_list("iso3", "name"))
    for iso3 in fills:
        link = links[iso3]
        assert link.tag == f"{SVG}a", iso3
        assert link.get("aria-label") == f"{names[iso3]}: Partner", iso3
        assert link.get("href") == f"/en/map/?layer=membership&country={iso3}"
        path = link.find(f"{SVG}path")
        assert path is not None and path.get("class") == "m-partner"
        assert path.findtext(f"{SVG}title") == f"{names[iso3]}: Partner"
    russia = links["RUS"].find(f"{SVG}path")
    assert russia is not None and russia.get("class") == "outside"
    assert "not a member" in links["RUS"].get("aria-label", "")


def test_root_is_named_by_its_title_and_parses_without_style() -> None:
    svg = render_map_svg(membership_layer({"SEN": "m-partner"}, **sample_marks()))
    root = parse(svg)
    assert root.get("role") == "group" and root.get("viewBox", "").startswith("0 0 1000 ")
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Members of the Rabat Process"
    assert root.get("aria-labelledby") == title.get("id")
    assert not [el for el in root.iter() if "style" in el.attrib or el.tag == f"{SVG}style"]


def test_names_follow_the_active_language() -> None:
    with translation.override("fr"):
        root = parse(render_map_svg(membership_layer({"SEN": "m-partner"})))
    link = by_iso3(root)["SEN"]
    assert link.get("aria-label", "").startswith("Sénégal: ")
    assert link.get("href", "").startswith("/fr/map/?")


def test_small_states_have_a_marker_inside_their_link() -> None:
    root = parse(render_map_svg(membership_layer({iso3: "m-partner" for iso3 in SMALL_STATES})))
    links = by_iso3(root)
    for iso3 in SMALL_STATES:
        marker = links[iso3].find(f"{SVG}circle")
        assert marker is not None, iso3
        assert marker.get("class") == "m-partner marker"
        assert float(marker.get("r", 0)) >= 6
    assert links["FRA"].find(f"{SVG}circle") is None  # a large country has none


def test_highlight_is_selected_and_drawn_last() -> None:
    root = parse(render_map_svg(membership_layer({"SEN": "m-partner"}), highlight="SEN"))
    group = root.find(f"{SVG}g[@class='countries']")
    assert group is not None
    last = list(group)[-1]
    assert last.get("data-iso3") == "SEN"
    shape = last.find(f"{SVG}path")
    assert shape is not None and shape.get("class") == "m-partner selected"
    others = [el for el in root.iter() if "selected" in el.get("class", "").split()]
    assert len([el for el in others if el.tag == f"{SVG}path"]) == 1


def test_without_links_shapes_keep_their_code() -> None:
    svg = render_map_svg(membership_layer({"SEN": "m-partner"}), embed_links=False)
    root = parse(svg)
    assert root.get("role") == "img"
    assert f"{SVG}a" not in {el.tag for el in root.iter()}
    assert by_iso3(root)["SEN"].tag == f"{SVG}g"


def test_link_base_and_target() -> None:
    layer = membership_layer({}, state=MapState(layer="indicator", indicator="POP", year=2024))
    root = parse(render_map_svg(layer, link_base="https://example.org/en/map/", link_target="_top"))
    link = by_iso3(root)["MLI"]
    assert link.get("target") == "_top"
    assert link.get("href") == (
        "https://example.org/en/map/?layer=indicator&indicator=POP&year=2024&country=MLI"
    )


def _dashed(svg: str) -> set[str]:
    root = parse(svg)
    return {el.get("data-pair", "") for el in root.iter() if el.get("class") == "disputed"}


def test_western_sahara_dashed_under_un_only() -> None:
    layer = membership_layer({"MAR": "m-partner"})
    assert {"MAR-ESH", "SRB-XKX", "SDN-SSD"} <= _dashed(render_map_svg(layer))
    with override_settings(IMAP_DISPUTED_BOUNDARIES="natural-earth"):
        assert not _dashed(render_map_svg(layer))


def test_labels_are_names_hidden_from_readers() -> None:
    root = parse(render_map_svg(membership_layer({})))
    labels = root.find(f"{SVG}g[@class='labels']")
    assert labels is not None and labels.get("aria-hidden") == "true"
    texts = {t.text for t in labels}
    assert {"Algeria", "Niger", "Mali"} <= texts


def test_a_name_on_a_dark_fill_is_light() -> None:
    root = parse(render_map_svg(membership_layer({"MLI": "m-partner", "DZA": "m-observer"})))
    labels = root.find(f"{SVG}g[@class='labels']")
    assert labels is not None
    classes = {t.text: t.get("class") for t in labels}
    assert classes["Mali"] == "on-dark"  # white on the partners' blue
    assert classes["Algeria"] is None and classes["Niger"] is None  # dark on light blue, grey


def test_the_whole_map_is_small_once_compressed() -> None:
    svg = render_map_svg(membership_layer(_member_fills(), **sample_marks()), highlight="SEN")
    assert len(gzip.compress(svg.encode(), 9)) <= 120_000
