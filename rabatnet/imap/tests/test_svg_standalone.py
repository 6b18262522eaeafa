"""The standalone picture: its own size, background, stylesheet, title, legend and sources."""

import pytest
import vl_convert

from rabatnet.imap.svg import render_map_svg
from rabatnet.imap.types import LegendEntry

from .map_helpers import SVG, membership_layer, parse

pytestmark = pytest.mark.django_db


def test_standalone_carries_title_legend_sources_and_its_style() -> None:
    layer = membership_layer({"SEN": "m-partner", "MLI": "nodata"})
    layer.legend.append(LegendEntry("disputed", "Disputed boundary", symbol="dashed"))
    root = parse(render_map_svg(layer, standalone=True, embed_links=False))
    assert float(root.get("width", 0)) == 1000 and float(root.get("height", 0)) > 1287
    style = root.find(f"{SVG}style")
    assert style is not None and ".m-partner" in (style.text or "")
    assert root.find(f"{SVG}rect[@class='background']") is not None
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Members of the Rabat Process" in texts
    assert "Partner (2)" in texts and "Disputed boundary" in texts
    assert "Source: Memberships, Rabat Process secretariat, r1, 2006–2025" in texts
    legend = root.find(f"{SVG}g[@class='legend']")
    assert legend is not None
    assert [el.get("class") for el in legend if el.tag != f"{SVG}text"] == [
        "m-partner swatch",
        "m-observer swatch",
        "m-former swatch",
        "disputed",
    ]


def test_inline_page_svg_has_no_style_element() -> None:
    svg = render_map_svg(membership_layer({}))
    assert "<style" not in svg and "style=" not in svg


def test_standalone_draws_to_png() -> None:
    svg = render_map_svg(membership_layer({"SEN": "m-partner"}), standalone=True)
    png = vl_convert.svg_to_png(svg, scale=0.5)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
