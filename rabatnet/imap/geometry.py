"""The map's geometry, prepared once: countries projected, simplified arc by arc, clipped, labelled.

Natural Earth's TopoJSON stores each border once, as an arc shared by the two countries it
separates. Every arc is projected, simplified and rounded on its own before the countries are
assembled from them, so both sides of a border get the very same line (no gap, no overlap).
The result holds only short path strings and numbers: it is kept per process
(``functools.cache``) and in Django's cache under the data file's digest and the settings, so
a new worker reads it instead of preparing it again.
"""

import hashlib
import logging
import time
from dataclasses import dataclass, replace
from functools import cache

import shapely
from django.core.cache import cache as django_cache
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from . import projection
from .borders import (
    DISPUTED_PAIRS,
    FEATURES_OF_STATES,
    MODES,
    UN_CUTS,
    UN_REASSIGNED,
    disputed_mode,
)
from .paths import line_path, polygon_path
from .topojson import Topology, countries_sha256, read_countries

logger = logging.getLogger(__name__)

GEOMETRY_VERSION = 1  # raise when the preparation below changes what it produces
SIMPLIFY_TOLERANCE = 0.35  # view units (the view is 1000 wide)
MIN_ISLAND_AREA = 0.5  # view units²: smaller islands are left out (a country keeps its largest)
CLIP_MARGIN = 4.0  # view units kept beyond the view, so no border ends at the frame's edge
# Longitude/latitude window of the countries worth projecting at all.
WINDOW = (-60.0, -60.0, 110.0, 90.0)

Coords = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Shape:
    """One country as drawn: its path, its label point and the room around it (view units)."""

    iso3: str
    name: str  # Natural Earth's English name (the page uses the reference table's)
    d: str
    label: tuple[float, float]
    room: float  # radius of the largest circle inside the shape around ``label``
    area: float


@dataclass(frozen=True)
class Boundary:
    """A line drawn on its own: ``kind`` "disputed" (dashed) or "de-facto" (solid)."""

    pair: tuple[str, str]
    kind: str
    d: str
    arcs: tuple[int, ...]


@dataclass(frozen=True)
class PreparedMap:
    mode: str
    width: float
    height: float
    shapes: dict[str, Shape]
    boundaries: tuple[Boundary, ...]
    arcs: dict[int, Coords]  # the simplified arcs, view units (left out of the cached copy)


def prepared_map() -> PreparedMap:
    """The geometry under the current ``IMAP_DISPUTED_BOUNDARIES`` (prepared once per process)."""
    return _prepared(disputed_mode())


@cache
def _prepared(mode: str) -> PreparedMap:
    inputs = f"{GEOMETRY_VERSION}|{countries_sha256()}|{mode}|{projection.PROJECTION}"
    inputs += f"|{projection.EXTENT_POINTS}|{SIMPLIFY_TOLERANCE}|{MIN_ISLAND_AREA}"
    key = f"imap-geometry-{hashlib.sha256(inputs.encode()).hexdigest()[:32]}"
    found = django_cache.get(key)
    if isinstance(found, PreparedMap):
        return found
    started = time.perf_counter()
    # The arcs served the preparation; the drawing needs the shapes only (a fifth of the bytes).
    prepared = replace(prepare(read_countries(), mode=mode), arcs={})
    logger.info("imap geometry prepared in %.2f s", time.perf_counter() - started)
    django_cache.set(key, prepared, timeout=None)
    return prepared


def _in_window(coords: Coords) -> bool:
    west, south, east, north = WINDOW
    return any(west <= lon <= east and south <= lat <= north for lon, lat in coords)


def _simplified(coords: Coords) -> Coords:
    line = LineString(projection.project(coords))
    closed = coords[0] == coords[-1]
    simple = line.simplify(SIMPLIFY_TOLERANCE, preserve_topology=closed)
    points: list[tuple[float, float]] = []
    for x, y in simple.coords:
        point = (round(x, 1), round(y, 1))
        if not points or points[-1] != point:
            points.append(point)
    return tuple(points)


def _ring(arcs: dict[int, Coords], ring: tuple[int, ...]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        coords = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(coords if not points else coords[1:])
    return points


def _polygons(arcs: dict[int, Coords], polygon_arcs: tuple) -> list[Polygon]:
    rings = [_ring(arcs, ring) for ring in polygon_arcs]
    if len(rings[0]) < 4:
        return []
    shell = Polygon(rings[0], [ring for ring in rings[1:] if len(ring) >= 4])
    if shell.is_valid:
        return [shell] if shell.area > 0 else []
    repaired = shapely.make_valid(shell)
    return [part for part in getattr(repaired, "geoms", [repaired]) if isinstance(part, Polygon)]


def _arc_ids(polygons: tuple) -> set[int]:
    return {i if i >= 0 else ~i for polygon in polygons for ring in polygon for i in ring}


def prepare(topology: Topology, *, mode: str) -> PreparedMap:
    """Project, simplify, assemble, clip and label every country that shows in the view."""
    if mode not in MODES:
        raise ValueError(f"IMAP_DISPUTED_BOUNDARIES must be one of {MODES}, not {mode!r}")
    features = []
    for feature in topology.features:
        iso3 = feature.iso3 or FEATURES_OF_STATES.get(feature.name, "")
        ids = _arc_ids(feature.polygons)
        if iso3 and any(_in_window(topology.arcs[i]) for i in ids):
            features.append((iso3, feature))
    used = set().union(*(_arc_ids(f.polygons) for _, f in features))
    arcs = {i: _simplified(topology.arcs[i]) for i in sorted(used)}

    parts: dict[str, list[Polygon]] = {}
    names: dict[str, str] = {}
    for iso3, feature in features:
        if feature.iso3:
            names[iso3] = feature.name
        for polygon_arcs in feature.polygons:
            for polygon in _polygons(arcs, polygon_arcs):
                owner = iso3
                if mode == "un":
                    owner = _un_owner(iso3, polygon) or iso3
                parts.setdefault(owner, []).append(polygon)

    cut_lines = _apply_cuts(parts) if mode == "un" else {}
    width, height = projection.VIEW_WIDTH, projection.view_height()
    frame = shapely.box(-CLIP_MARGIN, -CLIP_MARGIN, width + CLIP_MARGIN, height + CLIP_MARGIN)
    view = shapely.box(0, 0, width, height)
    shapes = {}
    for iso3 in sorted(parts):
        polygons = parts[iso3]
        largest = max(polygons, key=lambda p: p.area)
        kept = [p for p in polygons if p is largest or p.area >= MIN_ISLAND_AREA]
        clipped = shapely.unary_union(kept).intersection(frame)
        pieces = [p for p in getattr(clipped, "geoms", [clipped]) if isinstance(p, Polygon)]
        pieces = [p for p in pieces if not p.is_empty and p.area > 0]
        visible = [p.intersection(view) for p in pieces]
        visible = [p for p in visible if isinstance(p, Polygon) and p.area > 0]
        if not visible:
            continue
        label, room = _label(max(visible, key=lambda p: p.area))
        shapes[iso3] = Shape(
            iso3=iso3,
            name=names.get(iso3, iso3),
            d="".join(polygon_path(p) for p in pieces),
            label=label,
            room=room,
            area=sum(p.area for p in visible),
        )
    boundaries = _boundaries(features, arcs, mode, frame)
    boundaries += tuple(
        Boundary(pair=pair, kind="disputed", d=line_path(line.intersection(frame)), arcs=())
        for pair, line in cut_lines.items()
        if not line.intersection(frame).is_empty
    )
    return PreparedMap(
        mode=mode,
        width=width,
        height=height,
        shapes=shapes,
        boundaries=boundaries,
        arcs=arcs,
    )


def _apply_cuts(parts: dict[str, list[Polygon]]) -> dict[tuple[str, str], BaseGeometry]:
    """Give each cut's territory to its state (``UN_CUTS``); the new boundary line of each."""
    lines = {}
    for (holder, receiver), (west, south, east, north) in UN_CUTS.items():
        if holder not in parts:
            continue
        steps = 40
        edge = [(east + (west - east) * i / steps, north) for i in range(steps + 1)]
        ring = [*edge, (west, south), (east, south)]
        cut = Polygon(projection.project(ring))
        held = shapely.unary_union(parts[holder])
        both = shapely.unary_union([held, *parts.get(receiver, [])])
        lines[(holder, receiver)] = LineString(projection.project(edge)).intersection(held)
        # The cut's edge becomes the whole boundary (no sliver of either side across it).
        kept, given = both.difference(cut), both.intersection(cut)
        parts[holder] = [p for p in getattr(kept, "geoms", [kept]) if isinstance(p, Polygon)]
        parts[receiver] = [p for p in getattr(given, "geoms", [given]) if isinstance(p, Polygon)]
    return lines


def _un_owner(iso3: str, polygon: Polygon) -> str:
    """The state a polygon belongs to on United Nations maps, where it differs ("" if not)."""
    for (holder, lon, lat), owner in UN_REASSIGNED.items():
        if holder == iso3 and polygon.contains(Point(projection.project_point(lon, lat))):
            return owner
    return ""


def _label(polygon: Polygon) -> tuple[tuple[float, float], float]:
    point = polylabel(polygon, tolerance=0.5)
    room = polygon.exterior.distance(point)
    for hole in polygon.interiors:
        room = min(room, hole.distance(point))
    return (round(point.x, 1), round(point.y, 1)), round(room, 1)


def _boundaries(features: list, arcs: dict[int, Coords], mode: str, frame: Polygon) -> tuple:
    """Shared arcs drawn apart: dashed under "un", else the de facto lines of merged parts."""
    arc_ids: dict[str, set[int]] = {}
    for iso3, feature in features:
        key = iso3 if feature.iso3 else f"{iso3}:{feature.name}"
        arc_ids.setdefault(key, set()).update(_arc_ids(feature.polygons))
    pairs: list[tuple[tuple[str, str], str]]
    if mode == "un":
        pairs = [(pair, "disputed") for pair in DISPUTED_PAIRS]
    else:
        pairs = [
            ((state, f"{state}:{name}"), "de-facto") for name, state in FEATURES_OF_STATES.items()
        ]
    found = []
    for (first, second), kind in pairs:
        shared = sorted(arc_ids.get(first, set()) & arc_ids.get(second, set()))
        lines = [LineString(arcs[i]) for i in shared if len(arcs[i]) >= 2]
        if not lines:
            continue
        clipped = MultiLineString(lines).intersection(frame)
        if clipped.is_empty:
            continue
        pair = (first, second.split(":")[0])
        found.append(Boundary(pair=pair, kind=kind, d=line_path(clipped), arcs=tuple(shared)))
    return tuple(found)
