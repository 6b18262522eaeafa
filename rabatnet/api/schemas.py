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

# A value exactly as published: a JSON number whose digits are the publisher's.
ExactNumber = Annotated[
    Decimal,
    WithJsonSchema(
        {
            "type": "number",
            "description": "The value exactly as published: the digits are the publisher's "
            "(no rounding, no float conversion).",
        }
    ),
]
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


class DatasetDetailOut(DatasetOut):
    observations: int
    countries: int
    first_year: int | None
    last_year: int | None
    coverage: list[CoverageOut]


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
    period: str = Field(description="2024, 2024-03 or 2024-Q1.")
    value: ExactNumber = Field(validation_alias="value_text")
    flags: str
    dataset: str = Field(validation_alias="dataset_slug")
