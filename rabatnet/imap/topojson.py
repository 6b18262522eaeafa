"""Natural Earth's TopoJSON decoded: arcs in longitude/latitude, each country's rings of arcs."""

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

COUNTRIES_FILE = Path("data/geography/natural-earth/countries-50m-iso3.json.gz")

Ring = tuple[int, ...]  # arc indexes; ~i is arc i walked backwards
PolygonArcs = tuple[Ring, ...]  # exterior ring first, then holes


@dataclass(frozen=True)
class Feature:
    """One geometry of the file: its ISO3 ("" for Northern Cyprus, Somaliland, …) and polygons."""

    iso3: str
    name: str
    polygons: tuple[PolygonArcs, ...]


@dataclass(frozen=True)
class Topology:
    arcs: tuple[tuple[tuple[float, float], ...], ...]  # (longitude, latitude) points
    features: tuple[Feature, ...]


def countries_path() -> Path:
    return Path(settings.BASE_DIR) / COUNTRIES_FILE


@cache
def countries_sha256() -> str:
    """The digest of the shipped file (the prepared geometry is cached under it)."""
    return hashlib.sha256(countries_path().read_bytes()).hexdigest()


def decode(document: dict) -> Topology:
    """Arcs un-delta-encoded and un-quantized; the ``countries`` object as features."""
    transform = document.get("transform")
    arcs = []
    for arc in document["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(px, py) for px, py, *_ in arc]
        arcs.append(tuple(points))
    features = []
    for geometry in document["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        properties = geometry.get("properties", {})
        features.append(
            Feature(
                iso3=properties.get("iso3", ""),
                name=properties.get("name", ""),
                polygons=tuple(tuple(tuple(ring) for ring in polygon) for polygon in polygons),
            )
        )
    return Topology(arcs=tuple(arcs), features=tuple(features))


def read_countries() -> Topology:
    """The shipped file, decoded (a few hundred milliseconds: callers cache what they build)."""
    with gzip.open(countries_path(), "rb") as handle:
        return decode(json.load(handle))
