"""Reads behind the i-Map: indicators a country map can show, their values per country and
year with provenance, bilateral top partners, route detections and IOM incidents.

Each read is one or two queries. An indicator is read from the latest revision that holds it
(latest ``released_on``, then ``imported_at``), the profile's rule (``profile._newest``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language

from rabatnet.core import revisions

from .models import Dataset, Derivation, Geo, Incident, Indicator, Observation
from .profile import _name_columns
from .profile import _newest as newest
from .profile_selectors import datasets_holding

BILATERAL_STOCK = "migrant_stock_bilateral"  # UN DESA: geo = destination, partner = origin
DETECTIONS = "border_detections"  # Frontex: geo = route
DEAD_AND_MISSING = "dead_and_missing"  # IOM: geo = route


@dataclass(frozen=True)
class IndicatorChoice:
    code: str
    name_en: str
    name_fr: str
    unit: str
    allows_negative: bool

    @property
    def name(self) -> str:
        """The name in the active language (English when there is no French)."""
        french = (get_language() or "en").startswith("fr")
        return (self.name_fr or self.name_en) if french else self.name_en


@dataclass(frozen=True)
class Value:
    """One published (or derived) figure of a country, route or partner, with its place."""

    code: str  # ISO3, route code, partner code
    name: str  # in the active language
    year: int
    text: str  # the digits as published
    derived: bool
    covers: str  # "" = the whole year; else the part covered ("2025-01/2025-04")
    kind: str = Geo.Kind.COUNTRY

    @property
    def value(self) -> Decimal:
        return Decimal(self.text)


@dataclass(frozen=True)
class IncidentPoint:
    date: date
    route: str
    country_iso3: str
    lat: float
    lon: float
    dead_and_missing: int


def _latest(held: Iterable[tuple[Dataset, str]]) -> dict[str, Dataset]:
    """Indicator code -> the latest revision among the (dataset, code) pairs that hold it."""
    best: dict[str, Dataset] = {}
    for dataset, code in held:
        if code not in best or newest(dataset) > newest(best[code]):
            best[code] = dataset
    return best


def _latest_holders(codes: dict[str, bool]) -> dict[str, Dataset]:
    """Indicator code -> the latest revision holding it (national or bilateral rows); 1 query."""
    return _latest((dataset, code) for dataset, held in datasets_holding(codes) for code in held)


HOLDERS_SECONDS = 60 * 60 * 24 * 7  # an old revision's entry is never read again


def _country_holders() -> dict[str, Dataset]:
    """Code -> the latest revision holding a country's national figure of it; two queries.

    The (dataset, indicator) pairs of national rows whose geo is a country (routes' totals,
    Frontex and IOM, are national rows too, but of a route), read in one pass: about 80 ms on
    the shipped data, where an EXISTS probe per pair took a second (SQLite chose the
    indicator's index and read every dataset's rows of it).
    """
    pairs = (
        Observation.objects.filter(partner__isnull=True, geo__kind=Geo.Kind.COUNTRY)
        .values_list("dataset_id", "indicator__code")
        .order_by()
        .distinct()
    )
    datasets = {d.pk: d for d in Dataset.objects.select_related("publisher")}
    return _latest((datasets[dataset_id], code) for dataset_id, code in pairs)


def country_holders() -> dict[str, Dataset]:
    """Every indicator's code -> the latest revision holding its national figures.

    Kept in the cache per statistics revision (an import makes a new one): every indicator
    page and picker asks.
    """
    key = f"statistics:country-holders:{revisions.token(revisions.STATISTICS)}"
    found = cache.get(key)
    if not isinstance(found, dict):
        found = _country_holders()
        cache.set(key, found, HOLDERS_SECONDS)
    return found


def indicator_choices() -> list[IndicatorChoice]:
    """Indicators with a country's national figure (no partner), by name."""
    indicators = list(Indicator.objects.all())
    held = country_holders()
    choices = [
        IndicatorChoice(i.code, i.name_en or i.name, i.name_fr or "", i.unit, i.allows_negative)
        for i in indicators
        if i.code in held
    ]
    return sorted(choices, key=lambda c: c.name.casefold())


def indicator_dataset(code: str) -> tuple[Indicator, Dataset] | None:
    """The country-level indicator and the dataset it is read from, or None."""
    indicator = Indicator.objects.filter(code=code).first()
    dataset = country_holders().get(code) if indicator else None
    return (indicator, dataset) if indicator and dataset else None


def country_years(*, indicator: Indicator, dataset: Dataset) -> list[int]:
    """Every year with a country's national figure of the indicator in the dataset."""
    rows = (
        Observation.objects.filter(
            dataset=dataset, indicator=indicator, partner__isnull=True, geo__kind=Geo.Kind.COUNTRY
        )
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(rows))


def country_values(*, indicator: Indicator, dataset: Dataset, year: int) -> dict[str, Value]:
    """ISO3 -> the country's national figure of the year (the annual period only); one query."""
    names = _name_columns("geo")
    rows = Observation.objects.filter(
        dataset=dataset,
        indicator=indicator,
        partner__isnull=True,
        geo__kind=Geo.Kind.COUNTRY,
        year=year,
        period=str(year),
    ).values_list("geo__code", *names, "value_text", "derived", "covers")
    return {
        code: Value(code, name or fallback, year, text, derived, covers)
        for code, name, fallback, text, derived, covers in rows
    }


def derivation_formula(*, code: str, dataset: Dataset) -> str:
    """How the dataset's derived figures of the indicator were made ("" if it does not say)."""
    found = Derivation.objects.filter(indicator__code=code, dataset=dataset).first()
    return (found.formula or found.formula_en or "") if found else ""


def bilateral_dataset() -> Dataset | None:
    """The latest revision holding the bilateral migrant stock."""
    return _latest_holders({BILATERAL_STOCK: True}).get(BILATERAL_STOCK)


def _bilateral_side(iso3: str, direction: str) -> tuple[Q, str]:
    """(the filter placing the country, the other side) for origins or destinations."""
    if direction == "origins":  # migrants living in the country, by their country of birth
        return Q(geo__code=iso3), "partner"
    return Q(partner__code=iso3), "geo"  # people born in the country, by where they live


def bilateral_years(*, dataset: Dataset, iso3: str, direction: str) -> list[int]:
    """Years with whole-year bilateral figures for the country on that side; one query."""
    where, _other = _bilateral_side(iso3, direction)
    rows = (
        Observation.objects.filter(where, dataset=dataset, indicator__code=BILATERAL_STOCK)
        .filter(covers="")
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(rows))


def bilateral_top(
    *, dataset: Dataset, iso3: str, direction: str, year: int, top: int
) -> list[Value]:
    """The ``top`` largest partners that are countries (largest first, then by code)."""
    where, other = _bilateral_side(iso3, direction)
    rows = (
        Observation.objects.filter(
            where,
            dataset=dataset,
            indicator__code=BILATERAL_STOCK,
            year=year,
            covers="",
            **{f"{other}__kind": Geo.Kind.COUNTRY},
        )
        .order_by("-value", f"{other}__code")
        .values_list(f"{other}__code", *_name_columns(other), "value_text", "derived")[:top]
    )
    return [
        Value(code, name or fallback, year, text, derived, "")
        for code, name, fallback, text, derived in rows
    ]


def route_totals(code: str) -> tuple[Dataset | None, list[Value]]:
    """Totals of every route and year (Frontex's detections, IOM's dead and missing), from
    the latest revision holding them; two queries."""
    dataset = _latest_holders({code: False}).get(code)
    if dataset is None:
        return None, []
    rows = (
        Observation.objects.filter(
            dataset=dataset,
            indicator__code=code,
            partner__isnull=True,
            geo__kind=Geo.Kind.ROUTE,
        )
        .order_by("geo__code", "year")
        .values_list("geo__code", *_name_columns("geo"), "year", "value_text", "derived", "covers")
    )
    return dataset, [
        Value(code, name or fallback, year, text, derived, covers, Geo.Kind.ROUTE)
        for code, name, fallback, year, text, derived, covers in rows
    ]


def incidents_dataset() -> Dataset | None:
    """The latest revision that holds incidents (IOM's Missing Migrants Project)."""
    holders = Dataset.objects.filter(incidents__isnull=False).distinct().select_related("publisher")
    return max(holders, key=newest, default=None)


def incident_years(dataset: Dataset) -> list[int]:
    """Every year with an incident in the dataset."""
    dates = Incident.objects.filter(dataset=dataset).dates("date", "year")
    return [d.year for d in dates]


def incidents(
    *, dataset: Dataset, year: int, bbox: tuple[float, float, float, float]
) -> list[IncidentPoint]:
    """Incidents of the year within (west, south, east, north), largest first; one query."""
    west, south, east, north = bbox
    rows = (
        Incident.objects.filter(
            dataset=dataset,
            date__gte=date(year, 1, 1),
            date__lte=date(year, 12, 31),
            lon__gte=west,
            lon__lte=east,
            lat__gte=south,
            lat__lte=north,
        )
        .order_by("-dead_and_missing", "date", "line")
        .values_list("date", "route", "country_iso3", "lat", "lon", "dead_and_missing")
    )
    return [IncidentPoint(*row) for row in rows]
