"""A country's migration profile, one function per section, as plain data.

Every figure carries its provenance (dataset, publisher, revision, licence) and its year;
values keep the digits the publisher wrote (``text``); ``value``, the same digits as a
Decimal (made from the text, cheaper than the column's converter), is only for drawing and
sorting. ``ProfileData`` runs each selector once, when a section first needs it: the whole
page costs one query for the datasets, one for the national series, one per bilateral view.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.utils.translation import get_language

from rabatnet.countries.models import Country

from . import selectors
from .models import Dataset, Geo

# The dataset each figure is read from: the shipped ones, by slug (datasets.json). Other
# datasets may carry the same indicator (a file import); the profile does not mix them.
STOCK_DESTINATION = "undesa-ims-2024-destination"
STOCK_ORIGIN = "undesa-ims-2024-origin"
STOCK_BILATERAL = "undesa-ims-2024-bilateral"
WDI = "worldbank-wdi"
UNHCR = "unhcr-population"
EUROSTAT = "eurostat-asylum-applicants"
DATASETS = (STOCK_DESTINATION, STOCK_ORIGIN, STOCK_BILATERAL, WDI, UNHCR, EUROSTAT)

NATIONAL = {
    "migrant_stock_total": STOCK_DESTINATION,
    "migrant_stock_female_pct": STOCK_DESTINATION,
    "migrant_stock_pct_population": STOCK_DESTINATION,
    "emigrant_stock_total": STOCK_ORIGIN,
    "remittances_received_usd": WDI,
    "remittances_received_pct_gdp": WDI,
    "population": WDI,
    "net_migration": WDI,
    "refugees_hosted": UNHCR,
    "asylum_seekers_hosted": UNHCR,
    "refugees_originating": UNHCR,
}
TOP = 10


@dataclass(frozen=True)
class Provenance:
    slug: str
    title: str
    publisher: str
    publisher_acronym: str
    revision: str
    licence: str
    licence_url: str
    source_url: str
    retrieved_on: date
    files_sha256: str

    @classmethod
    def of(cls, dataset: Dataset) -> "Provenance":
        return cls(
            slug=dataset.slug,
            title=dataset.title,
            publisher=dataset.publisher.name,
            publisher_acronym=dataset.publisher.acronym,
            revision=dataset.revision,
            licence=dataset.licence,
            licence_url=dataset.licence_url,
            source_url=dataset.source_url,
            retrieved_on=dataset.retrieved_on,
            files_sha256=dataset.files_sha256,
        )


@dataclass(frozen=True)
class Point:
    year: int
    period: str
    value: Decimal
    text: str  # as published, or an exact sum of published integers


@dataclass(frozen=True)
class Series:
    code: str
    points: list[Point]
    source: Provenance | None
    computed: bool = False  # True: summed here from published figures

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def first(self) -> Point | None:
        return self.points[0] if self.points else None

    @property
    def span(self) -> str:
        """The years covered, "1990–2024" (or one year)."""
        if not self.points:
            return ""
        first, last = self.points[0].year, self.points[-1].year
        return str(last) if first == last else f"{first}–{last}"

    def at(self, year: int) -> Point | None:
        return next((p for p in self.points if p.year == year), None)

    def __bool__(self) -> bool:
        return bool(self.points)


@dataclass(frozen=True)
class Ranked:
    code: str
    name: str
    value: Decimal
    text: str


@dataclass(frozen=True)
class Ranking:
    """The largest partners that are countries; other codes apart, with their labels."""

    year: int | None
    rows: list[Ranked]
    others: list[Ranked]  # countries after the first TOP
    not_countries: list[Ranked]  # unknown, other, stateless, aggregates: never ranked
    source: Provenance | None

    @property
    def others_total(self) -> str:
        return _exact_sum(r.text for r in self.others)

    @property
    def not_countries_names(self) -> str:
        return ", ".join(r.name for r in self.not_countries)

    @property
    def not_countries_total(self) -> str:
        return _exact_sum(r.text for r in self.not_countries)

    def __bool__(self) -> bool:
        return bool(self.rows or self.not_countries)


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
    total: Series  # summed over the receiving states, the EU27 aggregate left out
    states_reporting: Series  # how many receiving states reported, per year (counted here)
    eu27: Series  # Eurostat's own EU27 aggregate, as published
    states: Ranking  # receiving states, latest year


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


def _exact_sum(texts: Iterable[str]) -> str:
    """Sum of published figures, exact (decimal arithmetic), as text."""
    return str(sum((Decimal(t) for t in texts), Decimal(0)))


def _name_columns(prefix: str) -> tuple[str, str]:
    """The translated name column in the active language and the English fallback."""
    language = (get_language() or "en").split("-")[0]
    return f"{prefix}__name_{language}", f"{prefix}__name_en"


class ProfileData:
    """The reads behind a profile (``selectors``), each run at most once and only when needed."""

    def __init__(self, country: Country) -> None:
        self.country = country

    @cached_property
    def datasets(self) -> dict[str, Dataset]:
        return selectors.datasets_by_slug(DATASETS)

    def source(self, slug: str) -> Provenance | None:
        dataset = self.datasets.get(slug)
        return Provenance.of(dataset) if dataset else None

    @cached_property
    def national(self) -> dict[str, list[Point]]:
        """Every national series of the country, each from its indicator's own dataset."""
        series: dict[str, list[Point]] = defaultdict(list)
        own = {
            code: self.datasets[slug].pk for code, slug in NATIONAL.items() if slug in self.datasets
        }
        if not own:
            return series
        rows = selectors.national_rows(iso3=self.country.iso3, datasets_by_indicator=own)
        for code, _dataset_id, year, period, text in rows:
            series[code].append(Point(year, period, Decimal(text), text))
        return series

    def series(self, code: str) -> Series:
        return Series(code, self.national.get(code, []), self.source(NATIONAL[code]))

    def bilateral(self, side: str, code: str, slug: str) -> list[tuple]:
        """Rows of a bilateral indicator in its latest year with the country on ``side``.

        ``side`` is "geo" (the country receives: partners are the other side) or "partner".
        Returns (year, other code, other kind, name, fallback name, text), largest first.
        """
        dataset = self.datasets.get(slug)
        if dataset is None:
            return []
        names = _name_columns("partner" if side == "geo" else "geo")
        return selectors.bilateral_rows(
            iso3=self.country.iso3, side=side, code=code, dataset=dataset, names=names
        )

    @cached_property
    def europe(self) -> list[tuple]:
        """Eurostat asylum applicants who are citizens of the country, every year and state."""
        dataset = self.datasets.get(EUROSTAT)
        if dataset is None:
            return []
        return selectors.asylum_applicant_rows(
            iso3=self.country.iso3, dataset=dataset, names=_name_columns("geo")
        )


def _ranking(rows: list[tuple], source: Provenance | None) -> Ranking:
    countries: list[Ranked] = []
    not_countries: list[Ranked] = []
    for _year, code, kind, name, fallback, text in rows:
        ranked = Ranked(code, name or fallback, Decimal(text), text)
        (countries if kind == Geo.Kind.COUNTRY else not_countries).append(ranked)
    return Ranking(
        year=rows[0][0] if rows else None,
        rows=countries[:TOP],
        others=countries[TOP:],
        not_countries=not_countries,
        source=source,
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
    rows = data.bilateral("geo", "migrant_stock_bilateral", STOCK_BILATERAL)
    return _ranking(rows, data.source(STOCK_BILATERAL))


def emigrant_destinations(data: ProfileData) -> Ranking:
    """Where the people born in the country live, latest year (UN DESA bilateral)."""
    rows = data.bilateral("partner", "migrant_stock_bilateral", STOCK_BILATERAL)
    return _ranking(rows, data.source(STOCK_BILATERAL))


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
    """The country's citizens applying for asylum in Europe (Eurostat), summed over states."""
    source = data.source(EUROSTAT)
    totals: dict[int, list[str]] = defaultdict(list)
    states: dict[int, int] = defaultdict(int)
    eu27: list[Point] = []
    by_year: dict[int, list[tuple]] = defaultdict(list)
    for row in data.europe:
        year, code, kind, _name, _fallback, text = row
        if kind == Geo.Kind.COUNTRY:
            totals[year].append(text)
            states[year] += 1
            by_year[year].append(row)
        elif code == "EU27":
            eu27.append(Point(year, str(year), Decimal(text), text))
    sums = {year: _exact_sum(texts) for year, texts in sorted(totals.items())}
    points = [Point(year, str(year), Decimal(text), text) for year, text in sums.items()]
    latest = max(by_year, default=None)
    return AsylumInEurope(
        total=Series("asylum_applicants", points, source, computed=True),
        states_reporting=Series(
            "states_reporting",
            [Point(y, str(y), Decimal(n), str(n)) for y, n in sorted(states.items())],
            None,
            computed=True,
        ),
        eu27=Series("asylum_applicants", eu27, source),
        states=_ranking(by_year[latest] if latest else [], source),
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
