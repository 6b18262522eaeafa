"""The map as SVG: the prepared geometry drawn with a layer's fills and marks.

One ``<svg>`` element, no ``style`` attribute and no ``<style>`` element (the page's CSP):
colours come from the classes in ``static/imap/map.css``. A standalone picture (the SVG and
PNG downloads, the guide PDF) inlines that stylesheet and frames the map with its title,
legend and sources.
"""

import hashlib
from html import escape
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from rabatnet.countries.models import Country

from . import svg_frame, svg_marks
from .geometry import PreparedMap, Shape, prepared_map
from .types import Layer

OUTSIDE = "outside"
SMALL_AREA = 60.0  # view units²: a member smaller than this gets a marker to tap
SMALL_STATES = ("CPV", "STP", "MLT", "GMB", "LUX")  # always marked, whatever their area
MARKER_RADIUS = 7.0
LABEL_SIZE = 8.0  # font size of country names, view units


def country_names() -> dict[str, str]:
    """ISO3 -> the country's name in the active language (the reference table), English else."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    field = build_localized_fieldname("name", language)
    if field == "name_en" or field not in {f.name for f in Country._meta.get_fields()}:
        return dict(Country.objects.values_list("iso3", "name_en"))
    rows = Country.objects.values_list("iso3", field, "name_en")
    return {iso3: name or english for iso3, name, english in rows}


def _attr(value: str) -> str:
    return escape(value, quote=True)


def render_map_svg(
    layer: Layer,
    *,
    highlight: str = "",
    embed_links: bool = True,
    link_base: str = "",
    link_target: str = "",
    standalone: bool = False,
    show_names: bool = True,
) -> str:
    """The ``<svg>`` element of a layer state; ``highlight`` (ISO3) is drawn selected.

    Each country is a link to the map with that country selected (``link_base`` defaults
    to the map page of the active language); without ``embed_links`` (PDF, PNG) shapes keep
    their ``data-iso3`` but link nowhere. Without ``show_names`` nothing is read from the reference
    table: no labels, shapes titled by the shipped geometry's own names (a locator map).
    """
    prepared = prepared_map()
    names = country_names() if show_names else {}
    base = link_base or reverse("imap:map")
    digest = hashlib.sha256(f"{layer.state.query()}|{highlight}".encode()).hexdigest()[:8]
    title_id = f"imap-title-{digest}"
    body = [
        _countries(layer, prepared, names, highlight, embed_links, base, link_target),
        _boundaries(prepared),
        _labels(prepared, names, layer.fills) if show_names else "",
        svg_marks.routes(layer.routes),
        svg_marks.flows(layer.flows, prepared),
        svg_marks.points(layer.points),
    ]
    role = "group" if embed_links else "img"
    head = f'<title id="{title_id}">{escape(layer.title)}</title>{svg_frame.DEFS}'
    if not standalone:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="imap-svg" '
            f'viewBox="0 0 {prepared.width:g} {prepared.height:g}" role="{role}" '
            f'aria-labelledby="{title_id}">{head}{"".join(body)}</svg>'
        )
    return svg_frame.standalone(layer, prepared, head, "".join(body), role, title_id)


def _fill_label(layer: Layer, key: str) -> str:
    for entry in layer.legend:
        if entry.key == key:
            return entry.label
    if key == OUTSIDE:
        return _("not a member of the dialogue")
    return key


def _is_small(shape: Shape, key: str) -> bool:
    return shape.iso3 in SMALL_STATES or (key != OUTSIDE and shape.area < SMALL_AREA)


def _countries(
    layer: Layer,
    prepared: PreparedMap,
    names: dict[str, str],
    highlight: str,
    embed_links: bool,
    base: str,
    target: str,
) -> str:
    """One link (or group) per country: regular shapes, then small states, then the selected."""
    ordered = sorted(
        prepared.shapes.values(),
        key=lambda s: (
            s.iso3 == highlight,
            _is_small(s, layer.fills.get(s.iso3, OUTSIDE)),
            s.iso3,
        ),
    )
    out = ['<g class="countries">']
    # Every link's query is the state's with its country: encoded once, the code put in after.
    placeholder = "ZZZZ"
    query = urlencode(layer.state.query(country=placeholder))
    target_attr = f' target="{_attr(target)}"' if target else ""
    for shape in ordered:
        key = layer.fills.get(shape.iso3, OUTSIDE)
        name = names.get(shape.iso3, shape.name)
        label = f"{name}: {_fill_label(layer, key)}"
        classes = f"{key} selected" if shape.iso3 == highlight else key
        inner = (
            f'<path class="{_attr(classes)}" d="{shape.d}"><title>{escape(label)}</title></path>'
        )
        if _is_small(shape, key):
            x, y = shape.label
            inner += (
                f'<circle class="{_attr(classes)} marker" cx="{x:g}" cy="{y:g}" '
                f'r="{MARKER_RADIUS:g}"/>'
            )
        if embed_links:
            href = f"{base}?{query.replace(placeholder, shape.iso3)}"
            out.append(
                f'<a href="{_attr(href)}"{target_attr} data-iso3="{shape.iso3}" '
                f'aria-label="{_attr(label)}">{inner}</a>'
            )
        else:
            out.append(f'<g data-iso3="{shape.iso3}">{inner}</g>')
    out.append("</g>")
    return "".join(out)


def _boundaries(prepared: PreparedMap) -> str:
    if not prepared.boundaries:
        return ""
    lines = "".join(
        f'<path class="{b.kind}" data-pair="{b.pair[0]}-{b.pair[1]}" d="{b.d}"/>'
        for b in prepared.boundaries
    )
    return f'<g class="boundaries" aria-hidden="true">{lines}</g>'


def _labels(prepared: PreparedMap, names: dict[str, str], fills: dict[str, str]) -> str:
    """Names placed at each shape's pole of inaccessibility, where they fit; light on a
    dark fill."""
    out = []
    for shape in prepared.shapes.values():
        name = names.get(shape.iso3, shape.name)
        width = len(name) * LABEL_SIZE * 0.55
        if shape.room < LABEL_SIZE * 0.9 or width > shape.room * 3.2:
            continue
        x, y = shape.label
        dark = svg_frame.on_dark(fills.get(shape.iso3, "outside"))
        light = ' class="on-dark"' if dark else ""
        y_text = y + LABEL_SIZE * 0.35
        out.append(f'<text x="{x:g}" y="{y_text:.1f}"{light}>{escape(name)}</text>')
    return f'<g class="labels" aria-hidden="true">{"".join(out)}</g>'
