from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import WithJsonSchema


def first_text(*texts: str | None) -> str:
    """The first of ``texts`` that is not empty: a translation, then its fallbacks."""
    return next((text for text in texts if text), "")


class MembershipOut(Schema):
    status: str
    side: str
    group: str
    since: int | None
    until: int | None
    note: str


class CountryOut(Schema):
    iso3: str
    iso2: str
    iso_numeric: str
    name_en: str
    name_fr: str
    name_pt: str
    region: str
    subregion: str
    status: str | None
    memberships: list[MembershipOut]


class ObjectiveOut(Schema):
    number: int
    pillar: int | None
    title_en: str
    title_fr: str


class ThemeOut(Schema):
    slug: str
    title_en: str
    title_fr: str
    objective: int | None
    cross_cutting: bool
    first_year: int | None
    last_year: int | None


class ErrorOut(Schema):
    detail: str


class EndpointOut(Schema):
    method: str
    path: str
    summary: str
    description: str


class IndexOut(Schema):
    title: str
    version: str
    openapi: str
    endpoints: list[EndpointOut]


# --- Statistics ---------------------------------------------------------------------------

# A value with its exact digits: a JSON number, never rounded nor converted through a float.
ExactNumber = Annotated[
    Decimal,
    WithJsonSchema(
        {
            "type": "number",
            "description": "The value with its exact digits (no rounding, no float "
            "conversion): when `derived` is false, the digits are the publisher's, as "
            "published; when true, the result of the dataset's derivation.",
        }
    ),
]
GEO_KINDS = "`country`, `aggregate` (world, region, group), `route`, `unknown`, `stateless`"
Freshness = Literal["up_to_date", "due", "overdue", "delinquent"]


class PublisherOut(Schema):
    name: str
    acronym: str


class CoverageOut(Schema):
    indicator: str
    observations: int
    countries: int = Field(description="Countries and territories (aggregates and routes apart).")
    first_year: int | None
    last_year: int | None


class DatasetOut(Schema):
    slug: str
    title_en: str
    title_fr: str
    publisher: PublisherOut
    revision: str
    licence: str
    licence_url: str
    source_url: str
    retrieved_on: date
    released_on: date
    update_frequency_days: int = Field(description="Expected days between releases.")
    next_update_due: date
    freshness: Freshness = Field(
        description="As HDX computes it, from the release date and the expected frequency."
    )
    caveats_en: str
    caveats_fr: str
    indicators: list[str] = Field(description="Codes of the indicators it holds.")
    page: str = Field(description="Address of the dataset's page.")
    kosovo_in_serbia: bool = Field(
        description="True when the publisher counts Kosovo (UNSCR 1244) inside Serbia."
    )


class DerivationOut(Schema):
    indicator: str = Field(description="The indicator whose derived values this explains.")
    derived_by: str = Field(
        description="Who computed them: rabatnet, or the intermediary that converted the "
        "publisher's file."
    )
    formula_en: str
    formula_fr: str
    inputs_en: str = Field(description="The published figures the formula starts from.")
    inputs_fr: str


class DatasetDetailOut(DatasetOut):
    observations: int
    countries: int
    first_year: int | None
    last_year: int | None
    coverage: list[CoverageOut]
    import_options: dict = Field(
        description="How the files were read when imported (format, sheet, dimensions, "
        "filters, exclusions); empty for the shipped adapters that take no option."
    )
    derivations: list[DerivationOut] = Field(
        description="How the derived values (`derived: true` in /api/v1/observations) of "
        "each indicator were made; the other values are as published."
    )


class IndicatorOut(Schema):
    code: str
    name_en: str
    name_fr: str
    unit: str
    theme: str
    definition_en: str
    definition_fr: str
    partner: str | None = Field(
        description="For bilateral indicators, what the partner is (origin, citizenship, "
        "nationality); null otherwise."
    )
    datasets: list[str]


class ObservationOut(Schema):
    indicator: str = Field(validation_alias="indicator_code")
    country: str = Field(
        validation_alias="country_code",
        description="ISO 3166-1 alpha-3 for a country; other codes for aggregates "
        "(M49-…, EU27), unknown origins (UNK, OOO), stateless people (XXA, STL) and routes "
        "(route-…).",
    )
    partner: str | None = Field(
        validation_alias="partner_code",
        description="The other country of a bilateral indicator; null when not bilateral.",
    )
    country_kind: str = Field(description=f"What the country code is: {GEO_KINDS}.")
    partner_kind: str | None = Field(
        description=f"What the partner code is: {GEO_KINDS}; null without a partner."
    )
    period: str = Field(description="2024, 2024-03 or 2024-Q1.")
    value: ExactNumber = Field(validation_alias="value_text")
    unit: str = Field(
        description="The indicator's unit (`persons`, `cases`, `usd`, `percent`, `events`); "
        "`cases` counts applications or decisions, one of "
        "which may cover several persons: never add cases to persons."
    )
    derived: bool = Field(
        description="False: the value as published. True: derived (summed, divided, "
        "converted) by rabatnet or an intermediary; see the dataset's `derivations`."
    )
    covers: str | None = Field(
        validation_alias="covered",
        description="The part of a partial period the value covers, as an ISO 8601 interval "
        '("2025-01/2025-04"); null when it covers the whole period. Never compare a partial '
        "period with whole ones.",
    )
    flags: str
    dataset: str = Field(validation_alias="dataset_slug")
