"""The map's projection: Lambert azimuthal equal-area centred on 15° E, 22° N, scaled to the view.

Equal-area, so a country's size on the map is its size on the ground (a choropleth does not
inflate the north as Mercator would), and azimuthal about a centre in the Sahara, so Europe,
Africa and the Middle East keep their shapes within a few degrees of tilt. The view box goes
from Cabo Verde and Iceland in the west to Iran in the east, from the North Cape to the Cape of
Good Hope. See docs/decisions/0024-map-projection-and-disputed-boundaries.md.
"""

from collections.abc import Iterable, Sequence
from functools import cache

from pyproj import CRS, Transformer

PROJECTION = "+proj=laea +lat_0=22 +lon_0=15 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
VIEW_WIDTH = 1000.0
# Places the view must show (longitude, latitude): Cabo Verde, Iceland, the North Cape, the
# Cape of Good Hope and Cape Agulhas, Iran's far east and the Strait of Hormuz.
EXTENT_POINTS = (
    (-25.4, 14.8),
    (-25.4, 17.3),
    (-24.6, 63.3),
    (-13.4, 66.6),
    (25.8, 71.2),
    (31.6, 70.3),
    (18.4, -34.9),
    (20.0, -34.9),
    (32.9, -26.9),
    (63.4, 36.5),
    (61.7, 25.1),
    (44.8, 39.7),
)
MARGIN = 0.02  # of the extent's width, on every side


@cache
def _transformer() -> Transformer:
    return Transformer.from_crs("EPSG:4326", CRS.from_proj4(PROJECTION), always_xy=True)


@cache
def view_frame() -> tuple[float, float, float, float]:
    """(west in metres, north in metres, view units per metre, view height)."""
    lons, lats = zip(*EXTENT_POINTS, strict=True)
    xs, ys = _transformer().transform(lons, lats)
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    pad = (east - west) * MARGIN
    west, east, south, north = west - pad, east + pad, south - pad, north + pad
    scale = VIEW_WIDTH / (east - west)
    return west, north, scale, round((north - south) * scale)


def view_height() -> float:
    return view_frame()[3]


def project(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """(longitude, latitude) points to view units: x right, y down, 0..VIEW_WIDTH wide."""
    if not points:
        return []
    west, north, scale, _ = view_frame()
    lons, lats = zip(*points, strict=True)
    xs, ys = _transformer().transform(lons, lats)
    return [((x - west) * scale, (north - y) * scale) for x, y in zip(xs, ys, strict=True)]


def project_point(lon: float, lat: float) -> tuple[float, float]:
    return project([(lon, lat)])[0]


def in_view(points: Iterable[tuple[float, float]], margin: float = 0.0) -> bool:
    """Whether any of the view-unit ``points`` lies within the view (plus ``margin``)."""
    height = view_height()
    return any(
        -margin <= x <= VIEW_WIDTH + margin and -margin <= y <= height + margin for x, y in points
    )
