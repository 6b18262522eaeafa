"""The standalone picture: stylesheet inlined, title above, legend and sources below."""

import re
from functools import cache
from html import escape
from pathlib import Path

from django.utils.translation import gettext as _

from .geometry import PreparedMap
from .types import Layer, LegendEntry

STYLESHEET = Path(__file__).parent / "static" / "imap" / "map.css"
# The hatch of "no data" (referenced by map.css as url(#imap-hatch)).
DEFS = (
    '<defs><pattern id="imap-hatch" class="hatch" width="4" height="4" '
    'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect class="hatch-ground" width="4" height="4"/>'
    '<line class="hatch-line" x1="0" y1="0" x2="0" y2="4"/></pattern></defs>'
)
HEADER = 44.0
LEGEND_ROW = 20.0
LEGEND_COLUMNS = 3
SOURCE_ROW = 14.0
SOURCE_CHARS = 170  # a source line longer than this is wrapped


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


LABEL_DARK, LABEL_LIGHT = "#1a1a1a", "#ffffff"  # the names' colours in map.css


def luminance(colour: str) -> float:
    """Relative luminance of "#rrggbb" (WCAG 2)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@cache
def fill_colours() -> dict[str, str]:
    """Each legend key's fill, as map.css gives it (``.imap-svg .<key>, … { fill: #…``)."""
    found = re.findall(r"\.imap-svg \.([\w-]+), [^{]*\{ fill: (#[0-9a-fA-F]{6})", stylesheet())
    return dict(found)


def on_dark(key: str) -> bool:
    """Whether a name on this fill reads better light than dark (WCAG contrast)."""
    fill = fill_colours().get(key)
    return fill is not None and contrast(fill, LABEL_LIGHT) > contrast(fill, LABEL_DARK)


def _swatch(entry: LegendEntry, x: float, y: float) -> str:
    key = escape(entry.key, quote=True)
    if entry.symbol in ("line", "dashed"):
        return f'<line class="{key}" x1="{x:g}" y1="{y + 6:g}" x2="{x + 22:g}" y2="{y + 6:g}"/>'
    if entry.symbol == "circle":
        return f'<circle class="{key}" cx="{x + 7:g}" cy="{y + 6:g}" r="6"/>'
    return f'<rect class="{key} swatch" x="{x:g}" y="{y:g}" width="22" height="12"/>'


def _wrapped(text: str) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > SOURCE_CHARS:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def source_lines(layer: Layer) -> list[str]:
    """ "Source: title, publisher, revision, years" for each source of the layer."""
    out = []
    for source in layer.sources:
        parts = [p for p in (source.title, source.publisher, source.revision, source.years) if p]
        out.extend(_wrapped(_("Source: %(source)s") % {"source": ", ".join(parts)}))
    return out


def standalone(
    layer: Layer, prepared: PreparedMap, head: str, body: str, role: str, title_id: str
) -> str:
    """The map framed so that the picture stands alone (downloads, the guide PDF)."""
    width = prepared.width
    column = (width - 40) / LEGEND_COLUMNS
    legend = []
    top = HEADER + prepared.height + 16
    for index, entry in enumerate(layer.legend):
        row, col = divmod(index, LEGEND_COLUMNS)
        x, y = 20 + col * column, top + row * LEGEND_ROW
        label = entry.label if entry.count is None else f"{entry.label} ({entry.count})"
        legend.append(
            f"{_swatch(entry, x, y)}"
            f'<text class="legend-text" x="{x + 30:g}" y="{y + 10:g}">{escape(label)}</text>'
        )
    rows = -(-len(layer.legend) // LEGEND_COLUMNS)
    y = top + rows * LEGEND_ROW + 8
    notes = [layer.legend_note] if layer.legend_note else []
    texts = []
    for line in [*notes, *source_lines(layer)]:
        y += SOURCE_ROW
        texts.append(f'<text class="source-text" x="20" y="{y:g}">{escape(line)}</text>')
    height = y + 14
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="imap-svg standalone" '
        f'width="{width:g}" height="{height:g}" viewBox="0 0 {width:g} {height:g}" '
        f'role="{role}" aria-labelledby="{title_id}">{head}'
        f"<style><![CDATA[{stylesheet()}]]></style>"
        f'<rect class="background" width="{width:g}" height="{height:g}"/>'
        f'<text class="map-title" x="20" y="28">{escape(layer.title)}</text>'
        f'<svg x="0" y="{HEADER:g}" width="{width:g}" height="{prepared.height:g}" '
        f'viewBox="0 0 {width:g} {prepared.height:g}">{body}</svg>'
        f'<g class="legend">{"".join(legend)}</g>'
        f'<g class="sources">{"".join(texts)}</g></svg>'
    )
