"""Reads behind a country's migration profile: which dataset holds each indicator, the
country's national series, its bilateral rankings and its citizens' asylum applications.

Each selector owns its joins; ``profile`` shapes the page from these rows.
"""

from collections.abc import Mapping

from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from .models import Dataset, Derivation, Geo, Indicator, Observation
from .selectors import datasets

DATASETS = Dataset._meta.db_table
INDICATORS = Indicator._meta.db_table
OBSERVATIONS = Observation._meta.db_table


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
