"""map.css colours every legend key, on the map and in the HTML legend's swatches."""

import re

import pytest

from rabatnet.guides.models import Stage
from rabatnet.imap.svg_frame import (
    LABEL_DARK,
    LABEL_LIGHT,
    contrast,
    fill_colours,
    on_dark,
    stylesheet,
)

KEYS = [
    "m-partner",
    "m-observer",
    "m-former",
    *(f"g-{stage}" for stage in Stage.values),
    "g-none",
    *(f"c{i}" for i in range(5)),
    *(f"d{i}" for i in range(5)),
    "nodata",
    "outside",
    "disputed",
    "flow",
    "route",
    "route-partial",
    "incident",
]


@pytest.mark.parametrize("key", KEYS)
def test_every_legend_key_is_coloured_on_the_map_and_in_the_legend(key: str) -> None:
    css = stylesheet()
    assert re.search(rf"\.imap-svg \.{re.escape(key)}[ ,{{]", css), key
    assert re.search(rf"\.legend-swatch\.{re.escape(key)}[ ,{{]", css), key


def test_selection_focus_and_hover_are_styled() -> None:
    css = stylesheet()
    assert ".imap-svg path.selected" in css and ".legend-swatch.selected" in css
    assert ".imap-svg a:focus path" in css and ".imap-svg a:hover path" in css


def test_no_character_that_would_break_the_inlined_xml() -> None:
    assert "]]>" not in stylesheet()  # it is inlined in a CDATA section


@pytest.mark.parametrize("key", [k for k in KEYS if k in fill_colours()])
def test_a_name_on_any_fill_has_a_contrast_of_4_5_to_1(key: str) -> None:
    fill = fill_colours()[key]
    text = LABEL_LIGHT if on_dark(key) else LABEL_DARK

    assert contrast(fill, text) >= 4.5, (key, fill, text)


def test_every_country_fill_is_read_from_the_stylesheet() -> None:
    fills = [k for k in KEYS if k.startswith(("m-", "g-", "c", "d")) and k != "disputed"]

    assert set(fills) <= set(fill_colours()), set(fills) - set(fill_colours())
    assert on_dark("m-partner") and not on_dark("c0")
