"""A country's migration profile, one function per section, as plain data.

Every figure carries its provenance (dataset, publisher, revision, licence), its year, and
whether it is published or derived (with the formula); values keep the digits the publisher
wrote (``text``); ``value``, the same digits as a Decimal, is only for drawing and sorting.
Each indicator is read from the latest revision that holds it (latest ``released_on``, then
``imported_at``), whatever the dataset's slug. ``ProfileData`` runs each selector once, when
a section first needs it: one query for the datasets and what they hold, one for the
national series, one per bilateral view (and one for the formulas, when a figure is derived).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from functools import cached_property

from django.utils.translation import get_language

from rabatnet.countries.models import Country

from . import profile_selectors
from .models import Dataset, Geo
from .profile_types import (
    EUROPE_SUM,
    STATES_COUNT,
    Note,
    Point,
    Provenance,
    Ranked,
    Ranking,
    Series,
    exact_sum,
)

__all__ = ["Point", "Provenance", "Ranked", "Ranking", "Series"]

NATIONAL = (
    "migrant_stock_total",
    "migrant_stock_female_pct",
    "migrant_stock_pct_population",
    "emigrant_stock_total",
    "remittances_received_usd",
    "remittances_received_pct_gdp",
    "population",
    "net_migration",
    "refugees_hosted",
    "asylum_seekers_hosted",
    "refugees_originating",
)
STOCK_BILATERAL = "migrant_stock_bilateral"
ASYLUM_EUROPE = "asylum_applicants"  # by receiving state (geo) and citizenship (partner)
# Every indicator the page shows -> whether it is bilateral.
INDICATORS = {code: False for code in NATIONAL} | {STOCK_BILATERAL: True, ASYLUM_EUROPE: True}
TOP = 10
NEVER = datetime.min.replace(tzinfo=UTC)


def _newest(dataset: Dataset) -> tuple:
    """The order of revisions: released last, then imported last (then created last)."""
    return (dataset.released_on, dataset.imported_at or NEVER, dataset.pk)


@dataclass(frozen=True)
class MigrantStock:
    total: Series
    women_pct: Series
    population_pct: Series
    emigrants: Series


@dataclass(frozen=True)
class Remittances:
    usd: Series
    pct_gdp: Series


@dataclass(frozen=True)
class Displacement:
    refugees_hosted: Series
    asylum_seekers_hosted: Series
    refugees_originating: Series


@dataclass(frozen=True)
class AsylumInEurope:
    total: Series  # summed here over the receiving states, the EU27 aggregate left out
    states_reporting: Series  # how many receiving states reported, per year (counted here)
    eu27: Series  # Eurostat's own EU27 aggregate
    states: Ranking  # receiving states, latest whole year


@dataclass(frozen=True)
class Population:
    population: Series
    net_migration: Series


@dataclass
class CountryProfile:
    country: Country
    migrant_stock: MigrantStock
    origins: Ranking
    destinations: Ranking
    remittances: Remittances
    displacement: Displacement
    asylum_in_europe: AsylumInEurope
    population: Population
    sources: dict[str, Provenance] = field(default_factory=dict)


def _name_columns(prefix: str) -> tuple[str, str]:
    """The translated name column in the active language and the English fallback."""
    language = (get_language() or "en").split("-")[0]
    return f"{prefix}__name_{language}", f"{prefix}__name_en"


class ProfileData:
    """The reads behind a profile (``profile_selectors``), each run once, only when needed."""

    def __init__(self, country: Country) -> None:
        self.country = country

    @cached_property
    def chosen(self) -> dict[str, Dataset]:
        """Indicator code -> the latest revision that holds it, whatever its slug."""
        best: dict[str, Dataset] = {}
        for dataset, held in profile_selectors.datasets_holding(INDICATORS):
            for code in held:
                if code not in best or _newest(dataset) > _newest(best[code]):
                    best[code] = dataset
        return best

    @cached_property
    def datasets(self) -> dict[str, Dataset]:
        """The datasets the page reads, by slug (in slug order)."""
        return {d.slug: d for d in sorted(self.chosen.values(), key=lambda d: d.slug)}

    def source(self, code: str) -> Provenance | None:
        dataset = self.chosen.get(code)
        return Provenance.of(dataset) if dataset else None

    @cached_property
    def notes(self) -> dict[tuple[int, str], Note]:
        """(dataset id, indicator code) -> how its derived figures were made; one query."""
        pairs = {code: dataset.pk for code, dataset in self.chosen.items()}
        return {
            (derivation.dataset_id, derivation.indicator.code): Note(
                derivation.formula or derivation.formula_en or "", derivation.derived_by
            )
            for derivation in profile_selectors.derivations(datasets_by_indicator=pairs)
        }

    def note(self, code: str, points: list[Point] | list[Ranked]) -> Note | None:
        """The formula of the indicator's derived figures (None when all are published)."""
        dataset = self.chosen.get(code)
        if dataset is None or not any(p.derived for p in points):
            return None
        return self.notes.get((dataset.pk, code)) or Note("", dataset.publisher.name)

    @cached_property
    def national(self) -> dict[str, tuple[str, list[Point]]]:
        """Indicator code -> (unit, points) of every national series of the country."""
        series: dict[str, tuple[str, list[Point]]] = {}
        own = {code: self.chosen[code].pk for code in NATIONAL if code in self.chosen}
        if not own:
            return series
        rows = profile_selectors.national_rows(iso3=self.country.iso3, datasets_by_indicator=own)
        for code, _dataset_id, year, period, text, derived, covers, unit in rows:
            point = Point(year, period, Decimal(text), text, derived, covers)
            series.setdefault(code, (unit, []))[1].append(point)
        return series

    def series(self, code: str) -> Series:
        unit, points = self.national.get(code, ("", []))
        return Series(code, points, self.source(code), unit, self.note(code, points))

    def bilateral(self, side: str, code: str) -> list[tuple]:
        """Rows of a bilateral indicator in its latest whole year with the country on ``side``.

        ``side`` is "geo" (the country receives: partners are the other side) or "partner".
        Returns (year, other code, other kind, name, fallback name, text, derived, unit),
        largest first.
        """
        dataset = self.chosen.get(code)
        if dataset is None:
            return []
        names = _name_columns("partner" if side == "geo" else "geo")
        return profile_selectors.bilateral_rows(
            iso3=self.country.iso3, side=side, code=code, dataset=dataset, names=names
        )

    @cached_property
    def europe(self) -> list[tuple]:
        """Asylum applicants who are citizens of the country, every year and receiving state."""
        dataset = self.chosen.get(ASYLUM_EUROPE)
        if dataset is None:
            return []
        return profile_selectors.asylum_applicant_rows(
            iso3=self.country.iso3, dataset=dataset, names=_name_columns("geo")
        )


def _ranking(data: ProfileData, code: str, rows: list[tuple]) -> Ranking:
    countries: list[Ranked] = []
    not_countries: list[Ranked] = []
    for _year, other, kind, name, fallback, text, derived, _unit in rows:
        ranked = Ranked(other, name or fallback, Decimal(text), text, derived)
        (countries if kind == Geo.Kind.COUNTRY else not_countries).append(ranked)
    return Ranking(
        year=rows[0][0] if rows else None,
        rows=countries[:TOP],
        others=countries[TOP:],
        not_countries=not_countries,
        source=data.source(code),
        unit=rows[0][7] if rows else "",
        note=data.note(code, countries + not_countries),
    )


# --- Sections ----------------------------------------------------------------------------------


def migrant_stock(data: ProfileData) -> MigrantStock:
    """International migrants living in the country (UN DESA), and its emigrants abroad."""
    return MigrantStock(
        total=data.series("migrant_stock_total"),
        women_pct=data.series("migrant_stock_female_pct"),
        population_pct=data.series("migrant_stock_pct_population"),
        emigrants=data.series("emigrant_stock_total"),
    )


def immigrant_origins(data: ProfileData) -> Ranking:
    """Where the country's immigrants were born, latest year (UN DESA bilateral)."""
    return _ranking(data, STOCK_BILATERAL, data.bilateral("geo", STOCK_BILATERAL))


def emigrant_destinations(data: ProfileData) -> Ranking:
    """Where the people born in the country live, latest year (UN DESA bilateral)."""
    return _ranking(data, STOCK_BILATERAL, data.bilateral("partner", STOCK_BILATERAL))


def remittances(data: ProfileData) -> Remittances:
    """Personal remittances received, US$ and % of GDP (World Bank)."""
    return Remittances(
        usd=data.series("remittances_received_usd"),
        pct_gdp=data.series("remittances_received_pct_gdp"),
    )


def displacement(data: ProfileData) -> Displacement:
    """Refugees and asylum seekers hosted, refugees from the country (UNHCR)."""
    return Displacement(
        refugees_hosted=data.series("refugees_hosted"),
        asylum_seekers_hosted=data.series("asylum_seekers_hosted"),
        refugees_originating=data.series("refugees_originating"),
    )


def asylum_in_europe(data: ProfileData) -> AsylumInEurope:
    """The country's citizens applying for asylum in Europe (Eurostat), summed over states.

    A year's total adds figures of one coverage only: a year where some states reported a
    part of it and others the whole has no total (a partial total is marked partial).
    """
    source = data.source(ASYLUM_EUROPE)
    by_year: dict[int, list[tuple]] = defaultdict(list)
    eu27: list[Point] = []
    unit = ""
    for row in data.europe:
        year, code, kind, _name, _fallback, text, derived, covers, unit = row
        if kind == Geo.Kind.COUNTRY:
            by_year[year].append(row)
        elif code == "EU27":
            eu27.append(Point(year, str(year), Decimal(text), text, derived, covers))
    totals: list[Point] = []
    states: list[Point] = []
    for year, rows in sorted(by_year.items()):
        coverage = {row[7] for row in rows}
        if len(coverage) != 1:
            continue  # whole and partial figures of one year are never added
        covers = coverage.pop()
        total = exact_sum(row[5] for row in rows)
        totals.append(Point(year, str(year), Decimal(total), total, True, covers))
        states.append(Point(year, str(year), Decimal(len(rows)), str(len(rows)), True, covers))
    whole_years = [year for year, rows in by_year.items() if all(not row[7] for row in rows)]
    latest = max(whole_years, default=None)
    ranked = [row[:6] + (row[6], row[8]) for row in by_year[latest]] if latest else []
    return AsylumInEurope(
        total=Series(ASYLUM_EUROPE, totals, source, unit, EUROPE_SUM, computed=True),
        states_reporting=Series(
            "states_reporting", states, source, "", STATES_COUNT, computed=True
        ),
        eu27=Series(ASYLUM_EUROPE, eu27, source, unit, data.note(ASYLUM_EUROPE, eu27)),
        states=_ranking(data, ASYLUM_EUROPE, ranked),
    )


def population(data: ProfileData) -> Population:
    """Population and net migration (World Bank)."""
    return Population(
        population=data.series("population"), net_migration=data.series("net_migration")
    )


def country_profile(data: ProfileData) -> CountryProfile:
    """Every section of the page."""
    return CountryProfile(
        country=data.country,
        migrant_stock=migrant_stock(data),
        origins=immigrant_origins(data),
        destinations=emigrant_destinations(data),
        remittances=remittances(data),
        displacement=displacement(data),
        asylum_in_europe=asylum_in_europe(data),
        population=population(data),
        sources={slug: Provenance.of(d) for slug, d in data.datasets.items()},
    )
