"""Reads of statistics: every query behind the catalogue, the profile, downloads and the API.

Each selector owns its joins; the modules that shape the pages (``catalogue``, ``profile``,
``downloads``) and the views read the database only through these.
"""

import operator
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import reduce
from typing import Any

from django.core.cache import cache
from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    Min,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import NullIf
from django.http import Http404

from . import catalogue
from .catalogue import Coverage, DatasetEntry, IndicatorEntry
from .models import Dataset, Derivation, Geo, Indicator, Observation

CHUNK = 2000  # rows fetched at a time by a download


def _queryable(text: str) -> bool:
    """PostgreSQL refuses a NUL character in a parameter: such a code matches nothing."""
    return "\x00" not in text


# --- Datasets, indicators, codes -------------------------------------------------------------


def datasets() -> QuerySet[Dataset]:
    """Every dataset with its publisher, in slug order."""
    return Dataset.objects.select_related("publisher")


def datasets_by_pk() -> dict[int, Dataset]:
    return {d.pk: d for d in datasets()}


def dataset_by_slug(slug: str) -> Dataset | None:
    return Dataset.objects.filter(slug=slug).first() if _queryable(slug) else None


def indicators() -> QuerySet[Indicator]:
    """Every indicator, in theme and code order."""
    return Indicator.objects.all()


def indicator_by_code(code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code).first() if _queryable(code) else None


def known_geo_codes(codes: Iterable[str]) -> set[str]:
    """Those of ``codes`` that are geographic codes."""
    return set(
        Geo.objects.filter(code__in=[c for c in codes if _queryable(c)]).values_list(
            "code", flat=True
        )
    )


def geo_codes_resolve(codes: list[str]) -> tuple[list[str], list[str]]:
    """(known codes, unknown codes) among ``codes``; ISO codes may come in lower case."""
    known = known_geo_codes({c for c in codes} | {c.upper() for c in codes})
    resolved, unknown = [], []
    for code in codes:
        if code in known:
            resolved.append(code)
        elif code.upper() in known:
            resolved.append(code.upper())
        else:
            unknown.append(code)
    return resolved, unknown


# --- Coverage and the catalogue --------------------------------------------------------------


def _compute_coverage(dataset_id: int) -> tuple[Coverage, list[Coverage]]:
    observations = Observation.objects.filter(dataset_id=dataset_id).order_by()
    countries = Count("geo", distinct=True, filter=Q(geo__kind=Geo.Kind.COUNTRY))
    per_indicator = [
        Coverage(row["indicator__code"], row["n"], row["c"], row["y0"], row["y1"])
        for row in observations.values("indicator__code")
        .annotate(n=Count("pk"), c=countries, y0=Min("year"), y1=Max("year"))
        .order_by("indicator__code")
    ]
    return catalogue.total_coverage(per_indicator, observations.aggregate(c=countries)["c"])


def dataset_coverage(dataset: Dataset) -> tuple[Coverage, list[Coverage]]:
    """(all indicators, per indicator); cached while the dataset's import is the same.

    An aggregate over every observation of the dataset, keyed by the import (files digest
    and time): a new import is seen at once and an unchanged dataset costs no query.
    """
    if not dataset.files_sha256 or dataset.imported_at is None:
        return _compute_coverage(dataset.pk)  # not from an import: nothing to key a cache on
    imported = dataset.imported_at.isoformat()
    key = f"statistics:coverage:{dataset.pk}:{dataset.files_sha256}:{imported}"
    cached = cache.get(key)
    if cached is None:
        cached = _compute_coverage(dataset.pk)
        cache.set(key, cached, timeout=None)
    return cached


def catalogue_entries(*, today: date) -> list[DatasetEntry]:
    """Every dataset with its freshness on ``today`` and its coverage."""
    by_code = {i.code: i for i in indicators()}
    return [catalogue.entry(d, dataset_coverage(d), by_code, today) for d in datasets()]


def dataset_entry(*, slug: str, today: date) -> DatasetEntry:
    """One dataset by its identifier (404 if unknown)."""
    dataset = datasets().filter(slug=slug).first() if _queryable(slug) else None
    if dataset is None:
        raise Http404
    by_code = {i.code: i for i in indicators()}
    return catalogue.entry(dataset, dataset_coverage(dataset), by_code, today)


def indicator_table(entries: list[DatasetEntry]) -> list[IndicatorEntry]:
    """Every indicator (theme, code order) with the datasets that hold observations of it."""
    return catalogue.indicator_table(entries, list(indicators()))


# --- Observations ----------------------------------------------------------------------------

NO_PARTNER = "none"  # a partner selection: the rows without a partner (national totals)
ANY_PARTNER = "all"  # a partner selection: every row with a partner (the breakdown)


def partner_condition(
    *, indicator: Indicator, partners: list[str], dataset: Dataset | None = None
) -> Q:
    """The rows a partner selection asks for, the same for the API and the downloads.

    ``partners`` may hold ``"none"`` (the rows without a partner), ``"all"`` (every row with
    a partner) and partner codes; the rows of each are given together. Empty, it is
    ``"none"`` when the indicator (in ``dataset``, if given) has rows without a partner, else
    ``"all"``: a total (a route's, a country's) never comes with its breakdown unless both
    are asked for, and a sum of what is returned counts nobody twice.
    """
    if not partners:  # one subquery in the same query, not a query of its own
        national = Observation.objects.filter(indicator=indicator, partner__isnull=True)
        if dataset is not None:
            national = national.filter(dataset=dataset)
        return Q(partner__isnull=True) | Q(~Exists(national))
    codes = [p for p in partners if p not in (NO_PARTNER, ANY_PARTNER)]
    asked = [Q(partner__isnull=True)] if NO_PARTNER in partners else []
    if ANY_PARTNER in partners:
        asked.append(Q(partner__isnull=False))
    elif codes:
        asked.append(Q(partner__code__in=codes))
    return reduce(operator.or_, asked)


def observation_values(
    *,
    indicator: Indicator,
    countries: list[str],
    partners: list[str],
    years: list[int],
    dataset: Dataset | None = None,
) -> QuerySet[Observation, Mapping[str, Any]]:
    """Observations of ``indicator`` as plain values, in a stable order (for paging).

    Empty lists of countries and years filter nothing; ``partners`` is read by
    ``partner_condition``. Each row says its unit, whether it is derived, the part of a
    partial period it covers, and what kind of code its country and partner are.
    """
    qs = Observation.objects.filter(
        partner_condition(indicator=indicator, partners=partners, dataset=dataset),
        indicator=indicator,
    )
    if countries:
        qs = qs.filter(geo__code__in=countries)
    if years:
        qs = qs.filter(year__in=years)
    if dataset is not None:
        qs = qs.filter(dataset=dataset)
    return qs.order_by("geo__code", "partner__code", "period", "pk").values(
        "period",
        "value_text",
        "flags",
        "derived",
        indicator_code=F("indicator__code"),
        unit=F("indicator__unit"),
        country_code=F("geo__code"),
        country_kind=F("geo__kind"),
        partner_code=F("partner__code"),
        partner_kind=F("partner__kind"),
        dataset_slug=F("dataset__slug"),
        covered=NullIf(F("covers"), Value("")),
    )


def _download_queryset(
    *,
    indicator: Indicator,
    countries: list[str],
    partners: list[str],
    year_from: int | None,
    year_to: int | None,
) -> QuerySet[Observation]:
    qs = Observation.objects.filter(
        partner_condition(indicator=indicator, partners=partners), indicator=indicator
    )
    if countries:
        qs = qs.filter(geo__code__in=countries)
    if year_from is not None:
        qs = qs.filter(year__gte=year_from)
    if year_to is not None:
        qs = qs.filter(year__lte=year_to)
    return qs


def download_count(
    *,
    indicator: Indicator,
    countries: list[str],
    partners: list[str],
    year_from: int | None,
    year_to: int | None,
) -> int:
    """How many rows a download holds (to tell a small one from a large one)."""
    return _download_queryset(
        indicator=indicator,
        countries=countries,
        partners=partners,
        year_from=year_from,
        year_to=year_to,
    ).count()


def download_rows(
    *,
    indicator: Indicator,
    countries: list[str],
    partners: list[str],
    year_from: int | None,
    year_to: int | None,
    name_columns: tuple[str, str, str, str],
) -> Iterator[tuple]:
    """Rows of a download, by country, partner, period and dataset, read in chunks.

    ``partners`` is read by ``partner_condition``. Each row: country code, its two names
    (``name_columns`` for geo then partner) and kind, the partner's code, two names and
    kind, period, the part of it covered, value text, flags, derived, dataset id.
    """
    qs = _download_queryset(
        indicator=indicator,
        countries=countries,
        partners=partners,
        year_from=year_from,
        year_to=year_to,
    )
    geo_en, geo_local, partner_en, partner_local = name_columns
    rows = qs.order_by("geo__code", "partner__code", "period", "dataset_id").values_list(
        "geo__code",
        geo_en,
        geo_local,
        "geo__kind",
        "partner__code",
        partner_en,
        partner_local,
        "partner__kind",
        "period",
        "covers",
        "value_text",
        "flags",
        "derived",
        "dataset_id",
    )
    return rows.iterator(chunk_size=CHUNK)


def derivations_of(*, indicator: Indicator, dataset_ids: Iterable[int]) -> dict[int, Derivation]:
    """The derivation of ``indicator`` in each of the datasets, by dataset id."""
    found = Derivation.objects.filter(indicator=indicator, dataset_id__in=list(dataset_ids))
    return {d.dataset_id: d for d in found}


def dataset_derivations(dataset: Dataset) -> list[Derivation]:
    """The derivations of a dataset, with their indicator, in indicator code order."""
    return list(dataset.derivations.select_related("indicator").order_by("indicator__code"))


# --- A dataset's derived values and partial periods (the dataset page, the catalogue) --------


def _compute_provenance(dataset: Dataset) -> catalogue.Provenance:
    derivations = list(dataset.derivations.select_related("indicator").order_by("indicator__code"))
    groups = (
        Observation.objects.filter(dataset=dataset)
        .filter(Q(derived=True) | ~Q(covers=""))
        .values_list("indicator__code", "derived", "period", "covers")
        .annotate(n=Count("pk"))
        .order_by("indicator__code", "period", "covers", "derived")
    )
    return catalogue.provenance(derivations, list(groups))


def dataset_provenance(dataset: Dataset) -> catalogue.Provenance:
    """Its derivations, derived observations per indicator and partial periods; two queries,
    cached while the dataset's import is the same (as ``dataset_coverage``)."""
    if not dataset.files_sha256 or dataset.imported_at is None:
        return _compute_provenance(dataset)
    imported = dataset.imported_at.isoformat()
    key = f"statistics:provenance:{dataset.pk}:{dataset.files_sha256}:{imported}"
    cached = cache.get(key)
    if cached is None:
        cached = _compute_provenance(dataset)
        cache.set(key, cached, timeout=None)
    return cached
