"""Reads for the data catalogue: datasets with their freshness and coverage, the indicators.

Coverage (observations, countries, years per indicator) is an aggregate over every
observation of a dataset; it is cached by the dataset's import (files digest and time),
so a new import is seen at once and an unchanged dataset costs no query.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .freshness import Freshness, freshness, next_update_due
from .models import Dataset, Geo, Indicator, Observation


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


def _datasets() -> QuerySet[Dataset]:
    return Dataset.objects.select_related("publisher")


def _compute_coverage(dataset_id: int) -> tuple[Coverage, list[Coverage]]:
    observations = Observation.objects.filter(dataset_id=dataset_id).order_by()
    countries = Count("geo", distinct=True, filter=Q(geo__kind=Geo.Kind.COUNTRY))
    per_indicator = [
        Coverage(row["indicator__code"], row["n"], row["c"], row["y0"], row["y1"])
        for row in observations.values("indicator__code")
        .annotate(n=Count("pk"), c=countries, y0=Min("year"), y1=Max("year"))
        .order_by("indicator__code")
    ]
    total = observations.aggregate(c=countries)["c"]
    return (
        Coverage(
            "",
            sum(c.observations for c in per_indicator),
            total,
            min((c.first_year for c in per_indicator if c.first_year), default=None),
            max((c.last_year for c in per_indicator if c.last_year), default=None),
        ),
        per_indicator,
    )


def dataset_coverage(dataset: Dataset) -> tuple[Coverage, list[Coverage]]:
    """(all indicators, per indicator); cached while the dataset's import is the same."""
    if not dataset.files_sha256 or dataset.imported_at is None:
        return _compute_coverage(dataset.pk)  # not from an import: nothing to key a cache on
    imported = dataset.imported_at.isoformat()
    key = f"statistics:coverage:{dataset.pk}:{dataset.files_sha256}:{imported}"
    cached = cache.get(key)
    if cached is None:
        cached = _compute_coverage(dataset.pk)
        cache.set(key, cached, timeout=None)
    return cached


def _entry(dataset: Dataset, indicators: dict[str, Indicator], today: date) -> DatasetEntry:
    total, per_indicator = dataset_coverage(dataset)
    return DatasetEntry(
        dataset=dataset,
        freshness=freshness(dataset.released_on, dataset.update_frequency, today),
        next_update_due=next_update_due(dataset.released_on, dataset.update_frequency),
        total=total,
        indicators=[IndicatorCoverage(indicators[c.indicator], c) for c in per_indicator],
    )


def _indicators_by_code() -> dict[str, Indicator]:
    return {i.code: i for i in Indicator.objects.all()}


def catalogue(*, today: date) -> list[DatasetEntry]:
    """Every dataset with its freshness on ``today`` and its coverage."""
    indicators = _indicators_by_code()
    return [_entry(d, indicators, today) for d in _datasets()]


def dataset_entry(*, slug: str, today: date) -> DatasetEntry:
    """One dataset by its identifier (404 if unknown)."""
    if not _queryable(slug):
        raise Http404
    return _entry(get_object_or_404(_datasets(), slug=slug), _indicators_by_code(), today)


def _queryable(text: str) -> bool:
    """PostgreSQL refuses a NUL character in a parameter: such a code matches nothing."""
    return "\x00" not in text


def indicator_by_code(code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code).first() if _queryable(code) else None


def dataset_by_slug(slug: str) -> Dataset | None:
    return Dataset.objects.filter(slug=slug).first() if _queryable(slug) else None


def late_entries(entries: list[DatasetEntry]) -> list[DatasetEntry]:
    """The overdue and delinquent datasets, the most late first."""
    late = [e for e in entries if e.freshness.late]
    return sorted(late, key=lambda e: e.next_update_due)


def indicator_table(entries: list[DatasetEntry]) -> list[IndicatorEntry]:
    """Every indicator (theme, code order) with the datasets that hold observations of it."""
    holders: dict[str, list[Dataset]] = defaultdict(list)
    for entry in entries:
        for item in entry.indicators:
            holders[item.indicator.code].append(entry.dataset)
    return [IndicatorEntry(i, holders.get(i.code, [])) for i in Indicator.objects.all()]


def observation_values(
    *,
    indicator: Indicator,
    countries: list[str],
    partners: list[str],
    national_only: bool = False,
    years: list[int],
    dataset: Dataset | None = None,
) -> QuerySet:
    """Observations of ``indicator`` as plain values, in a stable order (for paging).

    Empty lists filter nothing; ``national_only`` keeps the rows without a partner.
    """
    qs = Observation.objects.filter(indicator=indicator)
    if countries:
        qs = qs.filter(geo__code__in=countries)
    if national_only:
        qs = qs.filter(partner__isnull=True)
    elif partners:
        qs = qs.filter(partner__code__in=partners)
    if years:
        qs = qs.filter(year__in=years)
    if dataset is not None:
        qs = qs.filter(dataset=dataset)
    return qs.order_by("geo__code", "partner__code", "period", "pk").values(
        "period",
        "value_text",
        "flags",
        indicator_code=F("indicator__code"),
        country_code=F("geo__code"),
        partner_code=F("partner__code"),
        dataset_slug=F("dataset__slug"),
    )


def geo_codes_resolve(codes: list[str]) -> tuple[list[str], list[str]]:
    """(known codes, unknown codes) among ``codes``; ISO codes may come in lower case."""
    candidates = {c for c in codes if _queryable(c)}
    candidates |= {c.upper() for c in candidates}
    known = set(Geo.objects.filter(code__in=candidates).values_list("code", flat=True))
    resolved, unknown = [], []
    for code in codes:
        if code in known:
            resolved.append(code)
        elif code.upper() in known:
            resolved.append(code.upper())
        else:
            unknown.append(code)
    return resolved, unknown
