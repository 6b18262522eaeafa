"""Layer ``routes``: five routes as schematic paths with Frontex's detections of the year, and
IOM's Missing Migrants incidents of the year within the map's extent, sized by dead and missing.
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rabatnet.statistics import map_selectors
from rabatnet.statistics.map_selectors import Value
from rabatnet.statistics.profile_types import covers_label

from ..routes import MAP_EXTENT, ROUTES
from ..types import Layer, LegendEntry, MapState, Point, RoutePath, Row
from .common import choose_year, derived_note, printed, source_of


def _by_route(values: list[Value], year: int | None) -> dict[str, Value]:
    return {v.code: v for v in values if v.year == year}


def _cell(value: Value | None) -> str:
    if value is None:
        return _("no data")
    return printed(value.text) if not value.covers else year_label_cell(value)


def year_label_cell(value: Value) -> str:
    """A partial year's figure: "3,447 (Jan–Apr)"."""
    return f"{printed(value.text)} ({covers_label(value.covers)})"


def _covers(values: list[Value]) -> str:
    """The part of the latest year covered, if that year is partial."""
    latest = max((v.year for v in values), default=None)
    return next((v.covers for v in values if v.year == latest and v.covers), "")


def build(state: MapState) -> Layer:
    frontex, detections = map_selectors.route_totals(map_selectors.DETECTIONS)
    iom, dead = map_selectors.route_totals(map_selectors.DEAD_AND_MISSING)
    incidents_dataset = map_selectors.incidents_dataset()
    incident_years = map_selectors.incident_years(incidents_dataset) if incidents_dataset else []
    drawn = {line.code for line in ROUTES}
    detection_years = sorted({v.year for v in detections if v.code in drawn})
    years = sorted(set(detection_years) | set(incident_years))
    year, message = choose_year(state.year, years)
    if year is None:
        message = _("No figures of the routes are loaded.")
    layer = Layer(
        state=state,
        title=_("Migration routes (%(year)s)") % {"year": year} if year else _("Migration routes"),
        columns=(_("Detections (Frontex)"), _("Dead and missing (IOM)")),
        years=years,
        year=year,
        message=message,
    )
    frontex_source = source_of(frontex, detection_years, _covers(detections)) if frontex else None
    iom_source = source_of(iom, incident_years, _covers(dead)) if iom else None
    layer.sources = [s for s in (frontex_source, iom_source) if s is not None]
    detected, died = _by_route(detections, year), _by_route(dead, year)
    derived = False
    for line in ROUTES:
        figure = detected.get(line.code)
        partial = bool(figure and figure.covers)
        derived = derived or bool(figure and figure.derived)
        layer.routes.append(
            RoutePath(
                code=line.code,
                label=str(line.label),
                points=line.points,
                value=figure.value if figure else None,
                partial=partial,
            )
        )
        layer.rows.append(
            Row(
                key=line.code,
                label=str(line.label),
                cells=(_cell(figure), _cell(died.get(line.iom_code)) if line.iom_code else "—"),
                value=figure.value if figure else None,
                unit=_("detections"),
                derived=bool(figure and figure.derived),
                partial=partial,
                source=frontex_source,
            )
        )
    if incidents_dataset and year is not None:
        found = map_selectors.incidents(dataset=incidents_dataset, year=year, bbox=MAP_EXTENT)
        for incident in found:
            count = incident.dead_and_missing
            label = ngettext(
                "%(date)s, %(route)s: %(count)s dead or missing",
                "%(date)s, %(route)s: %(count)s dead and missing",
                count,
            ) % {
                "date": incident.date.isoformat(),
                "route": incident.route,
                "count": printed(count),
            }
            layer.points.append(Point(incident.lon, incident.lat, Decimal(count), label))
    partial_routes = sum(1 for r in layer.routes if r.partial)
    layer.legend = [
        LegendEntry(
            "route", _("route (schematic path), detections of the year"), len(ROUTES), "line"
        ),
    ]
    if partial_routes:
        layer.legend.append(
            LegendEntry(
                "route-partial", _("partial year (months so far)"), partial_routes, "dashed"
            )
        )
    layer.legend.append(
        LegendEntry(
            "incident", _("incident, area by dead and missing"), len(layer.points), "circle"
        )
    )
    layer.legend_note = _(
        "Paths are schematic. Incidents: IOM Missing Migrants Project, within the map's extent."
    )
    if derived:
        formula = (
            map_selectors.derivation_formula(code=map_selectors.DETECTIONS, dataset=frontex)
            if frontex
            else ""
        )
        layer.legend_note += " " + derived_note(formula)
    return layer
