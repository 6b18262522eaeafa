"""Reads of statistics: every query behind the catalogue, the profile, downloads and the API.

Each selector owns its joins; the modules that shape the pages (``catalogue``, ``profile``,
``downloads``) and the views read the database only through these.
"""

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db.models import BooleanField, Count, F, Max, Min, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404

from . import catalogue
from .catalogue import Coverage, DatasetEntry, IndicatorEntry
from .models import Dataset, Derivation, Geo, Indicator, Observation

CHUNK = 2000  # rows fetched at a time by a download
DATASETS = Dataset._meta.db_table
INDICATORS = Indicator._meta.db_table
OBSERVATIONS = Observation._meta.db_table


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


def observation_values(
    *,
    indicator: Indicator,
    countries: list[str],
    partners: list[str],
    national_only: bool = False,
    years: list[int],
    dataset: Dataset | None = None,
) -> QuerySet[Observation, Mapping[str, Any]]:
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

    Each row: country code, its two names (``name_columns`` for geo then partner), the
    partner's code and two names, period, value as published, flags, dataset id.
    """
    qs = Observation.objects.filter(indicator=indicator)
    if countries:
        qs = qs.filter(geo__code__in=countries)
    if partners:
        qs = qs.filter(partner__code__in=partners)
    if year_from is not None:
        qs = qs.filter(year__gte=year_from)
    if year_to is not None:
        qs = qs.filter(year__lte=year_to)
    geo_en, geo_local, partner_en, partner_local = name_columns
    rows = qs.order_by("geo__code", "partner__code", "period", "dataset_id").values_list(
        "geo__code",
        geo_en,
        geo_local,
        "partner__code",
        partner_en,
        partner_local,
        "period",
        "value_text",
        "flags",
        "dataset_id",
    )
    return rows.iterator(chunk_size=CHUNK)


# --- A country's profile ---------------------------------------------------------------------


def datasets_holding(indicators: Mapping[str, bool]) -> list[tuple[Dataset, set[str]]]:
    """Every dataset (with its publisher) holding any of ``indicators``, with those it holds.

    One query. ``indicators`` maps a code to whether it is bilateral: each "holds" column is
    an EXISTS probe of the unique (dataset, indicator, ...) index of national or bilateral
    rows, written in SQL: the ORM's thirteen EXISTS subqueries took ~40 ms to compile for a
    ~2 ms query.
    """
    probe = (
        f"EXISTS (SELECT 1 FROM {OBSERVATIONS} o WHERE o.dataset_id = {DATASETS}.id "  # noqa: S608
        f"AND o.indicator_id = (SELECT i.id FROM {INDICATORS} i WHERE i.code = %s) "
        "AND o.partner_id IS {partner})"
    )
    codes = list(indicators)
    holds = {
        f"holds_{n}": RawSQL(  # noqa: S611 - our table names, the code as a parameter
            probe.replace("{partner}", "NOT NULL" if indicators[code] else "NULL"),
            [code],
            output_field=BooleanField(),
        )
        for n, code in enumerate(codes)
    }
    found = []
    for dataset in datasets().annotate(**holds):
        held = {code for n, code in enumerate(codes) if getattr(dataset, f"holds_{n}")}
        if held:
            found.append((dataset, held))
    return found


def derivations(*, datasets_by_indicator: Mapping[str, int]) -> list[Derivation]:
    """How the derived figures of each (indicator, dataset) were made; one query."""
    if not datasets_by_indicator:
        return []
    wanted = Q()
    for code, dataset_id in datasets_by_indicator.items():
        wanted |= Q(indicator__code=code, dataset_id=dataset_id)
    return list(Derivation.objects.filter(wanted).select_related("indicator"))


def national_rows(*, iso3: str, datasets_by_indicator: Mapping[str, int]) -> list[tuple]:
    """(indicator code, dataset id, year, period, text, derived, covers, unit) of the country.

    One query. Filtered with subqueries and IN lists, so that SQLite walks the unique
    (dataset, indicator, geo) index (joins made it scan every country's rows of an
    indicator); rows of another dataset than the indicator's own are left out.
    """
    rows = (
        Observation.objects.filter(
            geo__in=Geo.objects.filter(code=iso3).values("pk"),
            partner__isnull=True,
            indicator__in=Indicator.objects.filter(code__in=list(datasets_by_indicator)).values(
                "pk"
            ),
            dataset_id__in=set(datasets_by_indicator.values()),
        )
        .order_by("indicator__code", "period")
        .values_list(
            "indicator__code",
            "dataset_id",
            "year",
            "period",
            "value_text",
            "derived",
            "covers",
            "indicator__unit",
        )
    )
    return [row for row in rows if datasets_by_indicator[row[0]] == row[1]]


def bilateral_rows(
    *, iso3: str, side: str, code: str, dataset: Dataset, names: tuple[str, str]
) -> list[tuple]:
    """Rows of a bilateral indicator in its latest whole year with the country on ``side``.

    ``side`` is "geo" (the country receives: partners are the other side) or "partner".
    Figures of a partial year (``covers``) are never ranked with whole ones: left out.
    Returns (year, other code, other kind, name, fallback name, text, derived, unit),
    largest first.
    """
    other = "partner" if side == "geo" else "geo"
    mine = {f"{side}__code": iso3, "indicator__code": code, "dataset": dataset, "covers": ""}
    latest = Observation.objects.filter(**mine).order_by("-year").values("year")
    return list(
        Observation.objects.filter(**mine, year=latest[:1])
        .order_by("-value", f"{other}__code")
        .values_list(
            "year",
            f"{other}__code",
            f"{other}__kind",
            *names,
            "value_text",
            "derived",
            "indicator__unit",
        )
    )


def asylum_applicant_rows(*, iso3: str, dataset: Dataset, names: tuple[str, str]) -> list[tuple]:
    """Asylum applicants who are citizens of the country, every year and receiving state.

    (year, state code, kind, name, fallback name, text, derived, covers, unit), by year then
    largest first.
    """
    return list(
        Observation.objects.filter(
            partner__code=iso3, indicator__code="asylum_applicants", dataset=dataset
        )
        .order_by("year", "-value", "geo__code")
        .values_list(
            "year",
            "geo__code",
            "geo__kind",
            *names,
            "value_text",
            "derived",
            "covers",
            "indicator__unit",
        )
    )
