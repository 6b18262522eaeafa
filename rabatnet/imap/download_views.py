"""The picture (SVG, PNG) and the data (CSV) of a map state, with the map page's query; public.

``/map/map.svg?layer=indicator&indicator=CODE&year=2024`` answers the same state as
``/map/?…``: the standalone SVG (title, legend and sources inside), a PNG of it, or the
layer's table as CSV (the conventions of the statistics downloads: UTF-8 without BOM, one
header row of plain names, values exact as published). A query that makes no sense answers
400 with a page naming each problem, never a server error.
"""

import csv
import io

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import picture
from .layers import build_layer
from .state import parse_state
from .types import Layer, MapState, Row

CSV_COLUMNS_BEFORE = ["key", "name"]
CSV_COLUMNS_AFTER = [
    "value",
    "unit",
    "status",  # "published" or "derived", as in the statistics downloads
    "partial",  # "true" when the figure covers part of its year only
    "dataset",
    "publisher",
    "revision",
    "years",
]
YEARLY_LAYERS = ("indicator", "bilateral", "routes")
STATUS = {False: "published", True: "derived"}
CONTENT_TYPES = {
    "svg": "image/svg+xml; charset=utf-8",
    "png": "image/png",
    "csv": "text/csv; charset=utf-8",
}


def filename(state: MapState, year: int | None, extension: str) -> str:
    """ "rabatnet-map-indicator-<code>-<year>.svg"; bilateral: "…-bilateral-SEN-origins-2024"."""
    parts = ["rabatnet-map", state.layer]
    if state.layer == "indicator" and state.indicator:
        parts.append(state.indicator)
    if state.layer == "bilateral":
        parts += [p for p in (state.country, state.direction) if p]
    if year is not None:
        parts.append(str(year))
    return "-".join(parts) + "." + extension


def _attachment(body: bytes | str, kind: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _invalid(request: HttpRequest, problems: list[str]) -> HttpResponse:
    return render(request, "imap/download_invalid.html", {"problems": problems}, status=400)


def _year(state: MapState) -> int | None:
    """The year the picture shows: the query's, else the layer's latest with data."""
    if state.year is not None or state.layer not in YEARLY_LAYERS:
        return state.year
    return build_layer(state).year


@require_GET
@login_not_required
def map_svg(request: HttpRequest) -> HttpResponse:
    """The standalone SVG of the state: title, legend and sources inside, CSS inlined."""
    state, problems = parse_state(request.GET)
    if problems:
        return _invalid(request, problems)
    svg = picture.map_svg(state, highlight=state.country, links=False, standalone=True)
    return _attachment(svg, "svg", filename(state, _year(state), "svg"))


@require_GET
@login_not_required
def map_png(request: HttpRequest) -> HttpResponse:
    """A PNG of the standalone SVG."""
    state, problems = parse_state(request.GET)
    if problems:
        return _invalid(request, problems)
    svg = picture.map_svg(state, highlight=state.country, links=False, standalone=True)
    return _attachment(picture.svg_to_png(svg), "png", filename(state, _year(state), "png"))


@require_GET
@login_not_required
def map_csv(request: HttpRequest) -> HttpResponse:
    """The layer's table, one line per row, each value with its unit and source."""
    state, problems = parse_state(request.GET)
    if problems:
        return _invalid(request, problems)
    layer = build_layer(state)
    return _attachment(layer_csv(layer), "csv", filename(state, layer.year, "csv"))


def layer_csv(layer: Layer) -> str:
    """The CSV text of ``layer``: key, name, the table's columns, then value and source."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*CSV_COLUMNS_BEFORE, *layer.columns, *CSV_COLUMNS_AFTER])
    for row in layer.rows:
        writer.writerow(_record(row))
    return out.getvalue()


def _record(row: Row) -> list[str]:
    source = row.source
    return [
        row.key,
        row.label,
        *row.cells,
        "" if row.value is None else format(row.value, "f"),
        row.unit,
        STATUS[row.derived],
        "true" if row.partial else "false",
        source.dataset if source else "",
        source.publisher if source else "",
        source.revision if source else "",
        source.years if source else "",
    ]
