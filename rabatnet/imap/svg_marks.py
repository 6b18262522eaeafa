"""The marks over the countries: flows between countries, routes, incidents."""

import math
from collections.abc import Sequence
from html import escape

from .geometry import PreparedMap
from .paths import number
from .projection import in_view, project
from .types import Flow, Point, RoutePath

FLOW_WIDTH = (1.0, 14.0)  # stroke width of the smallest and of the largest flow
ROUTE_WIDTH = (2.0, 14.0)
POINT_MAX_RADIUS = 14.0
POINT_MIN_RADIUS = 0.8  # so that the smallest incident stays visible


def _n(value: float) -> str:
    return number(round(value * 10))


def _width(value: float, largest: float, bounds: tuple[float, float]) -> float:
    low, high = bounds
    if largest <= 0:
        return low
    return low + (high - low) * max(value, 0) / largest


def flows(items: Sequence[Flow], prepared: PreparedMap) -> str:
    """Quadratic curves between label points, widest first; partners out of view skipped."""
    shown = [f for f in items if f.origin in prepared.shapes and f.destination in prepared.shapes]
    if not shown:
        return ""
    largest = float(max(f.value for f in shown))
    out = ['<g class="flows">']
    for flow in sorted(shown, key=lambda f: f.value, reverse=True):
        (x1, y1) = prepared.shapes[flow.origin].label
        (x2, y2) = prepared.shapes[flow.destination].label
        # The control point sits off the chord's middle, to the left of the direction.
        cx, cy = (x1 + x2) / 2 + (y2 - y1) * 0.25, (y1 + y2) / 2 - (x2 - x1) * 0.25
        width = _width(float(flow.value), largest, FLOW_WIDTH)
        out.append(
            f'<path class="flow" data-origin="{flow.origin}" data-destination="{flow.destination}"'
            f' stroke-width="{_n(width)}" '
            f'd="M{_n(x1)} {_n(y1)}Q{_n(cx)} {_n(cy)} {_n(x2)} {_n(y2)}">'
            f"<title>{escape(flow.label)}</title></path>"
        )
    out.append("</g>")
    return "".join(out)


def smooth_path(points: Sequence[tuple[float, float]]) -> str:
    """A Catmull–Rom curve through ``points`` (view units) as cubic Bézier segments."""
    if len(points) < 2:
        return ""
    d = [f"M{_n(points[0][0])} {_n(points[0][1])}"]
    for i in range(len(points) - 1):
        p0 = points[max(i - 1, 0)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(i + 2, len(points) - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d.append(f"C{_n(c1[0])} {_n(c1[1])} {_n(c2[0])} {_n(c2[1])} {_n(p2[0])} {_n(p2[1])}")
    return "".join(d)


def routes(items: Sequence[RoutePath]) -> str:
    """Each route a smoothed path, its width following its detections, its name beside it."""
    drawn = [r for r in items if len(r.points) >= 2]
    if not drawn:
        return ""
    largest = float(max((r.value for r in drawn if r.value is not None), default=0))
    out = ['<g class="routes">']
    for route in drawn:
        points = project(route.points)
        value = float(route.value) if route.value is not None else 0.0
        width = _width(value, largest, ROUTE_WIDTH)
        kind = "route-partial" if route.partial else "route"
        middle = points[len(points) // 2]
        out.append(
            f'<g data-route="{escape(route.code, quote=True)}">'
            f'<path class="{kind}" stroke-width="{_n(width)}" d="{smooth_path(points)}">'
            f"<title>{escape(route.label)}</title></path>"
            f'<text class="route-label" aria-hidden="true" x="{_n(middle[0])}" '
            f'y="{_n(middle[1] - width / 2 - 3)}">{escape(route.label)}</text></g>'
        )
    out.append("</g>")
    return "".join(out)


def point_radius(value: float, largest: float) -> float:
    """The radius whose circle's AREA is proportional to ``value``."""
    if largest <= 0:
        return POINT_MIN_RADIUS
    return max(POINT_MAX_RADIUS * math.sqrt(max(value, 0) / largest), POINT_MIN_RADIUS)


def points(items: Sequence[Point]) -> str:
    """Circles of area following the value, biggest first so small ones stay on top (in view)."""
    ordered = sorted(items, key=lambda p: p.value, reverse=True)
    places = project([(item.lon, item.lat) for item in ordered])
    shown = [(i, xy) for i, xy in zip(ordered, places, strict=True) if in_view([xy])]
    if not shown:
        return ""
    largest = float(max(item.value for item, _ in shown))
    out = ['<g class="incidents">']
    for item, (x, y) in shown:
        r = point_radius(float(item.value), largest)
        out.append(
            f'<circle class="incident" cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}">'
            f"<title>{escape(item.label)}</title></circle>"
        )
    out.append("</g>")
    return "".join(out)
