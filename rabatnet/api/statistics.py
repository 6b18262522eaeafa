"""Migration statistics in the API: datasets, indicators, observations.

Every value is served as a JSON number with the publisher's digits (see ``renderers``).
"""

import json
from collections.abc import Mapping
from typing import Annotated, Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from rabatnet.statistics import selectors
from rabatnet.statistics.catalogue import DatasetEntry
from rabatnet.statistics.models import Observation

from .pagination import BoundedLimitOffset
from .schemas import (
    CoverageOut,
    DatasetDetailOut,
    DatasetOut,
    DerivationOut,
    ErrorOut,
    IndicatorOut,
    ObservationOut,
    PublisherOut,
    first_text,
)

router = Router(tags=["statistics"])

MAX_LIMIT = 1000
NATIONAL = selectors.NO_PARTNER
EVERY_PARTNER = selectors.ANY_PARTNER
PARTNER_RULE = (
    f"`{NATIONAL}` gives the rows without a partner (national totals, a route's total), "
    f"`{EVERY_PARTNER}` every row with a partner (the breakdown); with several values, the "
    "rows of each. Omitted: the rows without a partner when the indicator (in `dataset`, if "
    f"given) has any, else every row (as `{EVERY_PARTNER}`). So a total never comes with its "
    "breakdown unless both are asked for (`partner=none&partner=all`), and a sum of the rows "
    "returned counts nobody twice."
)


def _indicator_codes_table() -> str:
    """The indicator codes, documented in the OpenAPI from the shipped list."""
    path = settings.DATA_DIR / "statistics" / "indicators.json"
    specs = json.loads(path.read_text(encoding="utf-8"))
    lines = [
        f"- `{s['code']}`: {s['name']['en']} ({s['unit']}"
        + (f"; partner = {s['partner']}" if s["partner"] else "")
        + ")"
        for s in specs
    ]
    return "\n".join(lines)


INDICATOR_CODES = _indicator_codes_table()


class ObservationFilters(Schema):
    indicator: str = Field(
        description="The indicator's code (required). Codes are stable and lower case:\n\n"
        + INDICATOR_CODES,
        examples=["migrant_stock_total"],
    )
    country: list[str] | None = Field(
        None,
        description="Country codes (ISO 3166-1 alpha-3), repeatable; for bilateral indicators "
        "the country where the people are. Other codes the data uses (aggregates, routes) "
        "are accepted too. Omitted: every country.",
        examples=[["SEN"]],
    )
    partner: list[str] | None = Field(
        None,
        description="Partner codes, repeatable (origin, citizenship, nationality). " + PARTNER_RULE,
    )
    year: list[Annotated[int, Field(ge=1000, le=9999)]] | None = Field(
        None, description="Years (YYYY), repeatable.", examples=[[2024]]
    )
    dataset: str | None = Field(
        None, description="A dataset's identifier, when an indicator comes from several."
    )


def _dataset_out(entry: DatasetEntry) -> dict:
    dataset = entry.dataset
    return {
        "slug": dataset.slug,
        "title_en": first_text(dataset.title_en, dataset.slug),
        "title_fr": first_text(dataset.title_fr, dataset.title_en, dataset.slug),
        "publisher": PublisherOut(name=dataset.publisher.name, acronym=dataset.publisher.acronym),
        "revision": dataset.revision,
        "licence": dataset.licence,
        "licence_url": dataset.licence_url,
        "source_url": dataset.source_url,
        "retrieved_on": dataset.retrieved_on,
        "released_on": dataset.released_on,
        "update_frequency_days": dataset.update_frequency,
        "next_update_due": entry.next_update_due,
        "freshness": entry.freshness.value,
        "caveats_en": dataset.caveats_en or "",
        "caveats_fr": dataset.caveats_fr or "",
        "indicators": [item.indicator.code for item in entry.indicators],
        "page": reverse("statistics:dataset", kwargs={"slug": dataset.slug}),
        "kosovo_in_serbia": dataset.kosovo_in_serbia,
    }


@router.get("/datasets", response=list[DatasetOut])
def list_datasets(request: HttpRequest) -> list[DatasetOut]:
    """Every dataset, with its publisher, revision, licence, dates and freshness."""
    entries = selectors.catalogue_entries(today=timezone.localdate())
    return [DatasetOut(**_dataset_out(e)) for e in entries]


@router.get("/datasets/{slug}", response={200: DatasetDetailOut, 404: ErrorOut})
def get_dataset(request: HttpRequest, slug: str) -> DatasetDetailOut:
    """One dataset, with its coverage per indicator (observations, countries, years), the
    options its files were read with and the derivation of its derived values."""
    try:
        entry = selectors.dataset_entry(slug=slug, today=timezone.localdate())
    except Http404 as exc:
        raise HttpError(404, f"Unknown dataset {slug!r}: see /api/v1/datasets.") from exc
    total = entry.total
    return DatasetDetailOut(
        **_dataset_out(entry),
        observations=total.observations,
        countries=total.countries,
        first_year=total.first_year,
        last_year=total.last_year,
        coverage=[
            CoverageOut(
                indicator=item.indicator.code,
                observations=item.coverage.observations,
                countries=item.coverage.countries,
                first_year=item.coverage.first_year,
                last_year=item.coverage.last_year,
            )
            for item in entry.indicators
        ],
        import_options=entry.dataset.import_options,
        derivations=[
            DerivationOut(
                indicator=d.indicator.code,
                derived_by=d.derived_by,
                formula_en=first_text(d.formula_en, d.formula),
                formula_fr=first_text(d.formula_fr, d.formula_en, d.formula),
                inputs_en=first_text(d.inputs_en, d.inputs),
                inputs_fr=first_text(d.inputs_fr, d.inputs_en, d.inputs),
            )
            for d in selectors.dataset_derivations(entry.dataset)
        ],
    )


@router.get("/indicators", response=list[IndicatorOut])
def list_indicators(request: HttpRequest) -> list[IndicatorOut]:
    """Every indicator, with its stable code, names, unit, definition and datasets."""
    entries = selectors.indicator_table(selectors.catalogue_entries(today=timezone.localdate()))
    return [
        IndicatorOut(
            code=e.indicator.code,
            name_en=first_text(e.indicator.name_en, e.indicator.code),
            name_fr=first_text(e.indicator.name_fr, e.indicator.name_en, e.indicator.code),
            unit=e.indicator.unit,
            theme=e.indicator.theme,
            definition_en=first_text(e.indicator.definition_en),
            definition_fr=first_text(e.indicator.definition_fr, e.indicator.definition_en),
            partner=e.indicator.partner_meaning or None,
            datasets=[d.slug for d in e.datasets],
        )
        for e in entries
    ]


def _geo_codes(codes: list[str] | None, what: str) -> list[str]:
    resolved, unknown = selectors.geo_codes_resolve(codes or [])
    if unknown:
        raise HttpError(404, f"Unknown {what} code(s): {', '.join(unknown)}.")
    return resolved


@router.get("/observations", response={200: list[ObservationOut], 404: ErrorOut})
@paginate(BoundedLimitOffset, max_limit=MAX_LIMIT)
def list_observations(
    request: HttpRequest, filters: Query[ObservationFilters]
) -> QuerySet[Observation, Mapping[str, Any]]:
    """Observations of one indicator, by country, partner and period, paginated.

    Each row gives its unit, whether its value is published or derived (`derived`; the
    formula is in the dataset's `derivations`, /api/v1/datasets/{slug}), the part of a
    partial period it covers (`covers`), and what kind of code its country and partner are.
    `limit` is at most 1000. An unknown indicator, country, partner or dataset answers 404
    naming it.
    """
    indicator = selectors.indicator_by_code(filters.indicator)
    if indicator is None:
        raise HttpError(
            404,
            f"Unknown indicator {filters.indicator!r}: see /api/v1/indicators for the codes.",
        )
    partners = filters.partner or []
    keywords = [p for p in partners if p in (NATIONAL, EVERY_PARTNER)]
    codes = [p for p in partners if p not in keywords]
    dataset = None
    if filters.dataset is not None:
        dataset = selectors.dataset_by_slug(filters.dataset)
        if dataset is None:
            raise HttpError(404, f"Unknown dataset {filters.dataset!r}.")
    return selectors.observation_values(
        indicator=indicator,
        countries=_geo_codes(filters.country, "country"),
        partners=keywords + _geo_codes(codes, "partner"),
        years=filters.year or [],
        dataset=dataset,
    )
