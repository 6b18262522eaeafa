"""The data catalogue as pages show it: datasets with their freshness and coverage, the
indicators with the datasets that hold them. The reads are in ``selectors``."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .freshness import Freshness, freshness, next_update_due
from .models import Dataset, Indicator


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
