"""SVG path data, short: an absolute start then relative steps, in tenths of a view unit."""

from collections.abc import Iterable, Sequence

from shapely.geometry.base import BaseGeometry


def number(tenths: int) -> str:
    """12 -> "1.2", -5 -> "-.5", 30 -> "3"."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _pair(x: int, y: int) -> str:
    first, second = number(x), number(y)
    return f"{first}{'' if second.startswith('-') else ' '}{second}"


def points_path(points: Sequence[tuple[float, float]], *, close: bool) -> str:
    """One subpath "M x y l dx dy … z" through ``points`` (rounded to a tenth)."""
    tenths = [(round(x * 10), round(y * 10)) for x, y in points]
    if close and len(tenths) > 1 and tenths[0] == tenths[-1]:
        tenths.pop()
    if not tenths:
        return ""
    x0, y0 = tenths[0]
    steps: list[str] = []
    for (xa, ya), (xb, yb) in zip(tenths, tenths[1:], strict=False):
        if (xa, ya) != (xb, yb):
            step = _pair(xb - xa, yb - ya)
            steps.append(step if not steps or step.startswith("-") else f" {step}")
    body = "".join(steps)
    return f"M{_pair(x0, y0)}" + (f"l{body}" if body else "") + ("z" if close else "")


def polygon_path(polygon: BaseGeometry) -> str:
    """The rings of a shapely Polygon (exterior then holes) as closed subpaths."""
    rings: Iterable = [polygon.exterior, *polygon.interiors]
    return "".join(points_path(list(ring.coords), close=True) for ring in rings)


def line_path(lines: BaseGeometry) -> str:
    """A LineString or MultiLineString (or a collection holding them) as open subpaths."""
    parts = getattr(lines, "geoms", [lines])
    out = []
    for part in parts:
        if part.geom_type in ("LineString", "LinearRing"):
            out.append(points_path(list(part.coords), close=False))
        elif hasattr(part, "geoms"):
            out.append(line_path(part))
    return "".join(out)
