"""The five routes the map draws, as schematic paths of (longitude, latitude) waypoints.

Schematic: the waypoints follow the usual departure coasts, crossings and arrival areas the
publishers describe (Frontex's route definitions), not any traced journey. Each route carries
the statistics ``Geo`` code of its Frontex detections and the code of IOM's Missing Migrants
Project route for the same crossing, "" when IOM has none.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RouteLine:
    code: str  # Geo code of Frontex's route (statistics.importers.shipped_codes.route_code)
    label: Promise
    iom_code: str  # Geo code of IOM's route (its dead and missing by route)
    points: tuple[tuple[float, float], ...]  # (lon, lat), from departure to arrival


ROUTES = (
    RouteLine(
        "route-western-african",
        _("Atlantic route (Western African)"),
        "route-western-african-atlantic",
        ((-17.4, 14.7), (-17.6, 18.1), (-17.2, 21.0), (-16.2, 24.4), (-15.4, 27.9)),
    ),
    RouteLine(
        "route-western-mediterranean",
        _("Western Mediterranean route"),
        "route-western-mediterranean",
        ((-1.9, 34.7), (-2.9, 35.3), (-3.1, 36.0), (-2.5, 36.8)),
    ),
    RouteLine(
        "route-central-mediterranean",
        _("Central Mediterranean route"),
        "route-central-mediterranean",
        ((8.0, 17.0), (14.4, 27.0), (13.2, 32.9), (12.6, 35.5), (14.6, 37.2)),
    ),
    RouteLine(
        "route-eastern-mediterranean",
        _("Eastern Mediterranean route"),
        "route-eastern-mediterranean",
        ((35.3, 37.0), (30.7, 36.9), (27.3, 38.4), (26.3, 39.1), (23.7, 38.0)),
    ),
    RouteLine(
        "route-western-balkan",
        _("Western Balkan route"),
        "",
        ((22.9, 40.6), (21.4, 42.0), (20.5, 44.8), (19.7, 46.1), (19.0, 47.5)),
    ),
)
# The map's extent (west, south, east, north): Europe, Africa and the Middle East.
MAP_EXTENT = (-32.0, -38.0, 62.0, 72.0)
