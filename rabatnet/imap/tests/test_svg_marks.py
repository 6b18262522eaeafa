"""Marks over the map: flows, routes and incidents sized by their values."""

import math

import pytest

from rabatnet.imap.svg import render_map_svg

from .map_helpers import SVG, membership_layer, parse, sample_marks

pytestmark = pytest.mark.django_db


@pytest.fixture
def root():
    return parse(render_map_svg(membership_layer({"SEN": "m-partner"}, **sample_marks())))


def test_flows_widths_follow_values_and_partners_out_of_view_are_skipped(root) -> None:
    flows = [el for el in root.iter(f"{SVG}path") if el.get("class") == "flow"]
    by_partner = {el.get("data-destination"): el for el in flows}
    assert set(by_partner) == {"FRA", "ITA"}  # the United States are not in view
    france, italy = by_partner["FRA"], by_partner["ITA"]
    assert float(france.get("stroke-width", 0)) == 14  # the largest flow
    assert float(italy.get("stroke-width", 0)) == pytest.approx(1 + 13 * 0.5, abs=0.05)
    assert france.findtext(f"{SVG}title") == "France: 120,000"
    assert "Q" in france.get("d", "")  # a curve, not a straight line
    assert flows[0] is france  # widest first, the thin ones drawn over it


def test_routes_smoothed_with_widths_and_labels(root) -> None:
    paths = {
        el.get("class"): el for el in root.iter(f"{SVG}path") if "route" in el.get("class", "")
    }
    assert set(paths) == {"route", "route-partial"}
    central, atlantic = paths["route"], paths["route-partial"]
    assert float(central.get("stroke-width", 0)) == 14
    assert float(atlantic.get("stroke-width", 0)) == pytest.approx(2 + 12 * 0.5, abs=0.05)
    assert central.get("d", "").count("C") == 2  # two smooth segments through three points
    assert central.findtext(f"{SVG}title") == "Central Mediterranean"
    labels = {t.text for t in root.iter(f"{SVG}text") if t.get("class") == "route-label"}
    assert labels == {"Atlantic", "Central Mediterranean"}


def test_incident_areas_follow_values_biggest_first_in_view_only(root) -> None:
    circles = [el for el in root.iter(f"{SVG}circle") if el.get("class") == "incident"]
    assert [c.findtext(f"{SVG}title") for c in circles] == [
        "36 dead and missing",
        "9 dead and missing",
    ]
    big, small = (float(c.get("r", 0)) for c in circles)
    assert (math.pi * small**2) / (math.pi * big**2) == pytest.approx(9 / 36, rel=0.03)


def test_no_marks_no_groups() -> None:
    svg = render_map_svg(membership_layer({}))
    assert 'class="flows"' not in svg and 'class="routes"' not in svg
    assert 'class="incidents"' not in svg
