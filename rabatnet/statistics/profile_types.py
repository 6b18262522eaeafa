"""What a country profile shows, as plain data: figures with their year, provenance and kind.

A figure is *published* (the digits the publisher released) or *derived* (summed, divided
or converted, by rabatnet or by an intermediary): ``Point.derived``, with the formula in the
``Note`` of its series. A figure of a *partial* year (``Point.covers``, "2025-01/2025-04") is
never the "latest" one, never ranked and never added to a whole year.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy

from .models import Dataset, Indicator

MONTHS = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?/(\d{4})-(\d{2})(?:-\d{2})?$")
KOSOVO_WITH = "SRB"  # the profile whose figures may or may not count Kosovo (UNSCR 1244)


def covers_label(covers: str) -> str:
    """ "Jan–Apr" for "2025-01/2025-04", in the active language; the interval itself if odd."""
    match = MONTHS.match(covers)
    if not match:
        return covers
    start = date(int(match[1]), int(match[2]), 1)
    end = date(int(match[3]), int(match[4]), 1)
    first, last = date_format(start, "M"), date_format(end, "M")
    if not (get_language() or "en").startswith("en"):  # "jan–avr": months in lower case
        first, last = first.lower(), last.lower()
    if start.year != end.year:
        first, last = f"{first} {start.year}", f"{last} {end.year}"
    return first if start == end else f"{first}–{last}"


def unit_label(unit: str) -> str:
    """The indicator's unit in words ("persons", "cases (one case may cover…)")."""
    return str(Indicator.Unit(unit).label) if unit in Indicator.Unit.values else unit


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
    kosovo_in_serbia: bool = False

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
            kosovo_in_serbia=dataset.kosovo_in_serbia,
        )


@dataclass(frozen=True)
class Note:
    """How derived figures were made: the formula, and who derived them."""

    formula: str | Promise  # a rabatnet formula is translated when shown
    derived_by: str


@dataclass(frozen=True)
class Point:
    year: int
    period: str
    value: Decimal
    text: str  # as published, or the exact digits of a derivation
    derived: bool = False
    covers: str = ""  # the part of a partial year, "2025-01/2025-04"; empty when whole

    @property
    def partial(self) -> str:
        """ "Jan–Apr" when the figure covers part of its year only, else ""."""
        return covers_label(self.covers) if self.covers else ""


@dataclass(frozen=True)
class Series:
    code: str
    points: list[Point]
    source: Provenance | None
    unit: str = ""
    note: Note | None = None  # the formula of its derived points
    computed: bool = False  # True: derived here, by rabatnet, from the dataset's figures

    @property
    def whole(self) -> list[Point]:
        return [p for p in self.points if not p.covers]

    @property
    def latest(self) -> Point | None:
        """The latest figure of a whole year: a partial year is never "the latest"."""
        whole = self.whole
        return whole[-1] if whole else None

    @property
    def latest_partial(self) -> Point | None:
        """A figure of a partial year after the latest whole one, if any (said apart)."""
        latest = self.latest
        later = [p for p in self.points if p.covers and (latest is None or p.year > latest.year)]
        return later[-1] if later else None

    @property
    def first(self) -> Point | None:
        whole = self.whole
        return whole[0] if whole else None

    @property
    def derived(self) -> bool:
        return self.computed or any(p.derived for p in self.points)

    @property
    def unit_label(self) -> str:
        return unit_label(self.unit)

    @property
    def latest_only(self) -> "Series":
        """The same series with its latest whole figure only (what a sentence quotes)."""
        latest = self.latest
        return replace(self, points=[latest] if latest else [])

    def __bool__(self) -> bool:
        return bool(self.points)


@dataclass(frozen=True)
class Ranked:
    code: str
    name: str
    value: Decimal
    text: str
    derived: bool = False


@dataclass(frozen=True)
class Ranking:
    """The largest partners that are countries; other codes apart, with their labels."""

    year: int | None
    rows: list[Ranked]
    others: list[Ranked]  # countries after the first TOP
    not_countries: list[Ranked]  # unknown, other, stateless, aggregates: never ranked
    source: Provenance | None
    unit: str = ""
    note: Note | None = None

    @property
    def others_total(self) -> str:
        return exact_sum(r.text for r in self.others)

    @property
    def not_countries_names(self) -> str:
        return ", ".join(r.name for r in self.not_countries)

    @property
    def not_countries_total(self) -> str:
        return exact_sum(r.text for r in self.not_countries)

    @property
    def not_countries_sum(self) -> Ranked:
        """The figures that are not countries together: derived here when more than one."""
        text = self.not_countries_total
        derived = len(self.not_countries) > 1 or any(r.derived for r in self.not_countries)
        return Ranked("", self.not_countries_names, Decimal(text), text, derived)

    @property
    def derived(self) -> bool:
        return any(r.derived for r in (*self.rows, *self.others, *self.not_countries))

    @property
    def published(self) -> bool:
        return any(not r.derived for r in (*self.rows, *self.others, *self.not_countries))

    @property
    def unit_label(self) -> str:
        return unit_label(self.unit)

    def __bool__(self) -> bool:
        return bool(self.rows or self.not_countries)


def exact_sum(texts: Iterable[str]) -> str:
    """Sum of figures, exact (decimal arithmetic), as text."""
    return str(sum((Decimal(t) for t in texts), Decimal(0)))


# --- Source lines ------------------------------------------------------------------------------


@dataclass
class SourceLine:
    """One dataset's line under a figure block: the years of every figure beside it."""

    source: Provenance
    years: set[int] = field(default_factory=set)
    units: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    published: bool = False  # some figures beside it are exactly as published
    partial: list[str] = field(default_factory=list)  # "2025 (Jan–Apr)"
    kosovo: str = ""  # on Serbia's profile: "in" (Kosovo counted in Serbia) or "apart"

    @property
    def years_text(self) -> str:
        """ "1990–2024", or one year: the range covers every figure beside the line."""
        if not self.years:
            return ""
        first, last = min(self.years), max(self.years)
        return str(first) if first == last else f"{first}–{last}"

    @property
    def derived(self) -> bool:
        return bool(self.notes)

    def add(self, unit: str, note: Note | None, derived: bool, published: bool) -> None:
        label = unit_label(unit) if unit else ""
        if label and label not in self.units:
            self.units.append(label)
        if derived and note is not None and note not in self.notes:
            self.notes.append(note)
        self.published = self.published or published


# What the page computes itself (derived by rabatnet), translated when shown.
EUROPE_SUM = Note(
    formula=gettext_lazy(
        "sum of the figures of the receiving states that reported that year, Eurostat's EU27 "
        "aggregate left out"
    ),
    derived_by="rabatnet",
)
STATES_COUNT = Note(
    formula=gettext_lazy("count of the receiving states that reported that year"),
    derived_by="rabatnet",
)
RANKING_TOTALS = Note(
    formula=gettext_lazy(
        "the totals of the other countries and of the codes that are not countries are sums "
        "of that year's figures"
    ),
    derived_by="rabatnet",
)


def source_lines(iso3: str, *shown: Series | Ranking | None) -> list[SourceLine]:
    """The source lines of a figure block, one per dataset, from the figures it shows."""
    lines: dict[str, SourceLine] = {}
    for figures in shown:
        if not figures or figures.source is None:
            continue
        line = lines.setdefault(figures.source.slug, SourceLine(figures.source))
        if isinstance(figures, Series):
            line.years.update(p.year for p in figures.points)
            for point in figures.points:
                if point.covers:
                    label = f"{point.year} ({point.partial})"
                    if label not in line.partial:
                        line.partial.append(label)
            derived = figures.derived
            published = any(not p.derived for p in figures.points) and not figures.computed
            line.add(figures.unit, figures.note, derived, published)
        else:
            if figures.year is not None:
                line.years.add(figures.year)
            line.add(figures.unit, figures.note, figures.derived, figures.published)
            if figures.others or len(figures.not_countries) > 1:
                line.add("", RANKING_TOTALS, True, False)
    if iso3 == KOSOVO_WITH:
        for line in lines.values():
            line.kosovo = "in" if line.source.kosovo_in_serbia else "apart"
    return list(lines.values())
