"""map.css colours every legend key, on the map and in the HTML legend's swatches."""

import re

import pytest

from rabatnet.guides.models import Stage
from rabatnet.imap.svg_frame import stylesheet

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
