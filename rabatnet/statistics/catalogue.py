"""The data catalogue as pages show it: datasets with their freshness and coverage, the
indicators with the datasets that hold them, and on a dataset's page which values are
derived, which periods partial and how the file was read. The reads are in ``selectors``."""

import re
import shlex
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from .freshness import Freshness, freshness, next_update_due
from .models import Dataset, Derivation, Indicator


@dataclass(frozen=True)
class Coverage:
    """What a dataset holds for one indicator (or, with ``indicator=""``, in all)."""

    indicator: str
    observations: int
    countries: int
    first_year: int | None
    last_year: int | None


@dataclass
class IndicatorCoverage:
    indicator: Indicator
    coverage: Coverage


@dataclass
class DatasetEntry:
    dataset: Dataset
    freshness: Freshness
    next_update_due: date
    total: Coverage
    indicators: list[IndicatorCoverage] = field(default_factory=list)


@dataclass
class IndicatorEntry:
    indicator: Indicator
    datasets: list[Dataset] = field(default_factory=list)


def total_coverage(
    per_indicator: list[Coverage], countries: int
) -> tuple[Coverage, list[Coverage]]:
    """(all indicators, per indicator) from the per-indicator figures and the country count."""
    return (
        Coverage(
            "",
            sum(c.observations for c in per_indicator),
            countries,
            min((c.first_year for c in per_indicator if c.first_year), default=None),
            max((c.last_year for c in per_indicator if c.last_year), default=None),
        ),
        per_indicator,
    )


def entry(
    dataset: Dataset,
    coverage: tuple[Coverage, list[Coverage]],
    indicators: dict[str, Indicator],
    today: date,
) -> DatasetEntry:
    """A dataset as the catalogue shows it, with its freshness on ``today``."""
    total, per_indicator = coverage
    return DatasetEntry(
        dataset=dataset,
        freshness=freshness(dataset.released_on, dataset.update_frequency, today),
        next_update_due=next_update_due(dataset.released_on, dataset.update_frequency),
        total=total,
        indicators=[IndicatorCoverage(indicators[c.indicator], c) for c in per_indicator],
    )


def late_entries(entries: list[DatasetEntry]) -> list[DatasetEntry]:
    """The overdue and delinquent datasets, the most late first."""
    late = [e for e in entries if e.freshness.late]
    return sorted(late, key=lambda e: e.next_update_due)


def indicator_table(
    entries: list[DatasetEntry], indicators: list[Indicator]
) -> list[IndicatorEntry]:
    """Each of ``indicators`` with the datasets that hold observations of it."""
    holders: dict[str, list[Dataset]] = defaultdict(list)
    for item in entries:
        for held in item.indicators:
            holders[held.indicator.code].append(item.dataset)
    return [IndicatorEntry(i, holders.get(i.code, [])) for i in indicators]


# --- What a dataset's page says of its values: derived or published, partial periods, how the
# file was read.

PUBLISHED, DERIVED, PARTLY_DERIVED = "published", "derived", "partly_derived"
COVERS_PART = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class PartialPeriod:
    """Observations of a period that cover only part of it (``Observation.covers``)."""

    indicator: str
    period: str
    covers: str  # ISO 8601 interval, "2025-01/2025-04"
    observations: int
    start: date | None = None  # the interval's ends, when they read as dates
    end: date | None = None
    precision: str = ""  # "year", "month" or "day": how the ends are shown


@dataclass(frozen=True)
class Provenance:
    """The derivations of a dataset and what its observations say of themselves."""

    derivations: list[Derivation]
    derived: dict[str, int]  # indicator code -> derived observations
    partial: list[PartialPeriod]


@dataclass
class IndicatorValues:
    """An indicator of the dataset page: its coverage and whether its values are derived."""

    item: IndicatorCoverage
    status: str  # PUBLISHED, DERIVED or PARTLY_DERIVED
    derived: int


@dataclass
class DatasetPage:
    """What a dataset's page shows beyond its catalogue entry."""

    entry: DatasetEntry
    provenance: Provenance
    indicators: list[IndicatorValues]
    published: list[Indicator]  # every value as the publisher released it
    import_options: list[tuple[str, list[str]]]  # (label, values) of a file import
    command_line: str  # the same options as import_dataset takes them


def _interval_end(text: str) -> tuple[date, str] | None:
    match = COVERS_PART.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        return date(year or 1, month or 1, day or 1), (
            "day" if day else "month" if month else "year"
        )
    except ValueError:
        return None


def partial_period(indicator: str, period: str, covers: str, observations: int) -> PartialPeriod:
    """A partial period, with the ends of its interval as dates where they read as such."""
    first, _, last = covers.partition("/")
    start, end = _interval_end(first), _interval_end(last)
    if start is None or end is None or start[1] != end[1]:
        return PartialPeriod(indicator, period, covers, observations)
    return PartialPeriod(indicator, period, covers, observations, start[0], end[0], start[1])


def provenance(
    derivations: list[Derivation], rows: list[tuple[str, bool, str, str, int]]
) -> Provenance:
    """From the derivations and the (indicator, derived, period, covers, count) groups of the
    observations that are derived or partial."""
    derived: dict[str, int] = defaultdict(int)
    partial: dict[tuple[str, str, str], int] = defaultdict(int)
    for indicator, is_derived, period, covers, count in rows:
        if is_derived:
            derived[indicator] += count
        if covers:
            partial[(indicator, period, covers)] += count
    return Provenance(
        derivations=derivations,
        derived=dict(derived),
        partial=[partial_period(*key, count) for key, count in sorted(partial.items())],
    )


OPTION_LABELS = {
    "format": _("Format"),
    "sheet": _("Sheet"),
    "indicator": _("Indicator the values feed"),
    "country_dim": _("Dimension holding the country"),
    "partner_dim": _("Dimension holding the partner"),
    "filter": _("Rows kept only with"),
    "exclude": _("Rows left out"),
}
FORMAT_NAMES = {"tidy": _("tidy CSV"), "xlsx": "XLSX", "sdmx-csv": "SDMX-CSV"}


def import_option_rows(options: dict) -> tuple[list[tuple[str, list[str]]], str]:
    """(label, values) of each option of a file import, and the options as a command line."""
    rows, words = [], []
    order = list(OPTION_LABELS)  # the command's order (PostgreSQL's JSON keeps no order)
    for key in sorted(options, key=lambda k: (order.index(k) if k in order else len(order), k)):
        value = options[key]
        values = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        shown = [str(FORMAT_NAMES.get(v, v)) for v in values] if key == "format" else values
        rows.append((str(OPTION_LABELS.get(key, key)), shown))
        words += [f"--{key.replace('_', '-')} {shlex.quote(v)}" for v in values]
    return rows, " ".join(words)


def derived_codes(found: Provenance) -> set[str]:
    """The indicators of which the dataset holds derived values."""
    return {code for code, count in found.derived.items() if count} | {
        d.indicator.code for d in found.derivations
    }


def dataset_page(entry: DatasetEntry, found: Provenance) -> DatasetPage:
    """The dataset page: each indicator published or derived, partial periods, options."""
    derivation_of = {d.indicator.code for d in found.derivations}
    indicators: list[IndicatorValues] = []
    for item in entry.indicators:
        code, total = item.indicator.code, item.coverage.observations
        count = found.derived.get(code, 0)
        if count == 0 and code not in derivation_of:
            status = PUBLISHED
        elif count in (0, total):
            status = DERIVED
        else:
            status = PARTLY_DERIVED
        indicators.append(IndicatorValues(item, status, count))
    rows, command_line = import_option_rows(entry.dataset.import_options or {})
    return DatasetPage(
        entry=entry,
        provenance=found,
        indicators=indicators,
        published=[i.item.indicator for i in indicators if i.status == PUBLISHED],
        import_options=rows,
        command_line=command_line,
    )
