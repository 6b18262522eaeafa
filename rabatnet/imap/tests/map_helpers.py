"""Helpers of the map's tests: hand-made layers and the drawn SVG read back."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from rabatnet.imap.types import Flow, Layer, LegendEntry, MapState, Point, RoutePath, Source

SVG = "{http://www.w3.org/2000/svg}"
SMALL_STATES = ("CPV", "STP", "MLT", "GMB", "LUX")


def membership_layer(fills: dict[str, str], **extra: object) -> Layer:
    """A layer as B's membership layer would give it, with ``fills`` and any ``extra`` field."""
    layer = Layer(
        state=MapState(layer="membership"),
        title="Members of the Rabat Process",
        fills=dict(fills),
        legend=[
            LegendEntry("m-partner", "Partner", count=2),
            LegendEntry("m-observer", "Observer"),
            LegendEntry("m-former", "Former partner"),
        ],
        sources=[Source("", "Memberships", "Rabat Process secretariat", "r1", "2006–2025")],
    )
    for name, value in extra.items():
        setattr(layer, name, value)
    return layer


def sample_marks() -> dict[str, object]:
    return {
        "flows": [
            Flow("SEN", "FRA", Decimal(120000), "France: 120,000"),
            Flow("SEN", "ITA", Decimal(60000), "Italy: 60,000"),
            Flow("SEN", "USA", Decimal(90000), "United States: 90,000"),
        ],
        "routes": [
            RoutePath(
                "ATL",
                "Atlantic",
                ((-17.0, 14.7), (-17.0, 21.0), (-15.5, 28.0)),
                value=Decimal(40000),
                partial=True,
            ),
            RoutePath(
                "CMED",
                "Central Mediterranean",
                ((13.0, 32.9), (12.6, 35.5), (12.5, 38.0)),
                value=Decimal(80000),
            ),
        ],
        "points": [
            Point(12.6, 35.0, Decimal(9), "9 dead and missing"),
            Point(-15.0, 27.0, Decimal(36), "36 dead and missing"),
            Point(-111.7, 31.6, Decimal(400), "Arizona: out of view"),
        ],
    }


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (the renderer's own output)


def by_iso3(root: ET.Element) -> dict[str, ET.Element]:
    """The element (link or group) of each country."""
    return {el.get("data-iso3", ""): el for el in root.iter() if el.get("data-iso3")}


def rings(d: str) -> list[list[tuple[float, float]]]:
    """The closed rings of a path written as the renderer writes them (M … l … z)."""
    out = []
    for sub in re.findall(r"M[^M]*", d):
        absolute, _, relative = sub.rstrip("z").partition("l")
        x, y = (float(v) for v in re.findall(r"-?\d*\.?\d+", absolute))
        points = [(x, y)]
        steps = [float(v) for v in re.findall(r"-?\d*\.?\d+", relative)]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = round(x + dx, 1), round(y + dy, 1)
            points.append((x, y))
        out.append(points)
    return out


def shape_of(d: str) -> BaseGeometry:
    """The area a path covers (even-odd, as holes are drawn)."""
    area: BaseGeometry = Polygon()
    for ring in rings(d):
        if len(ring) >= 3:
            area = shapely.symmetric_difference(area, Polygon(ring).buffer(0))
    return area
