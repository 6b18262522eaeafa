"""Initiatives in the API (verified initiatives only): the list with filters, and one.

Budgets are exact decimals as the country entered them, each with its ISO 4217 currency;
they are never converted nor summed here.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import WithJsonSchema

from rabatnet.countries.models import Country
from rabatnet.followup import initiative_selectors as selectors
from rabatnet.followup.models import Initiative

from .pagination import BoundedLimitOffset
from .schemas import ErrorOut

router = Router(tags=["strategy"])

ExactBudget = Annotated[
    Decimal,
    WithJsonSchema(
        {
            "type": "number",
            "description": "The budget with its exact digits, as the country entered it, in "
            "`currency`; never converted, and never to be added up across currencies.",
        }
    ),
]


class SourceOut(Schema):
    title: str
    url: str


class PartnerOut(Schema):
    name: str
    acronym: str


class InitiativeOut(Schema):
    id: int
    title_en: str
    title_fr: str
    summary_en: str
    summary_fr: str
    kind: Initiative.Kind
    status: Initiative.Status = Field(description="Implementation status, as the country says.")
    country: str = Field(description="ISO 3166-1 alpha-3 code of the country that entered it.")
    countries: list[str] = Field(description="Other countries concerned (ISO alpha-3).")
    objectives: list[int] = Field(description="Numbers of the objectives of its framework.")
    framework: str = Field(description="Identifier of the framework of those objectives.")
    partners: list[PartnerOut]
    starts_on: date | None
    ends_on: date | None
    budget: ExactBudget | None
    currency: str = Field(description="ISO 4217 code of the budget; empty without a budget.")
    sources: list[SourceOut]
    verified_at: datetime | None = Field(description="When the secretariat verified it.")
    example: bool = Field(description="True for example content (the demo).")
    page: str = Field(description="Address of its public page.")


def _out(initiative: Initiative) -> InitiativeOut:
    objectives = list(initiative.objectives.all())
    with translation.override("en"):
        page = reverse("initiatives:detail", kwargs={"pk": initiative.pk})
    return InitiativeOut(
        id=initiative.pk,
        title_en=initiative.title_en or "",
        title_fr=initiative.title_fr or "",
        summary_en=initiative.summary_en or "",
        summary_fr=initiative.summary_fr or "",
        kind=Initiative.Kind(initiative.kind),
        status=Initiative.Status(initiative.status),
        country=initiative.country.iso3,
        countries=sorted(c.iso3 for c in initiative.countries.all()),
        objectives=[o.number for o in objectives],
        framework=objectives[0].framework.slug if objectives else "",
        partners=[PartnerOut(name=p.name, acronym=p.acronym) for p in initiative.partners.all()],
        starts_on=initiative.starts_on,
        ends_on=initiative.ends_on,
        budget=initiative.budget,
        currency=initiative.currency if initiative.budget is not None else "",
        sources=[SourceOut(title=s.title, url=s.url) for s in initiative.sources.all()],
        verified_at=initiative.verified_at,
        example=initiative.example,
        page=page,
    )


class InitiativeFilters(Schema):
    country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3.")
    objective: int | None = Field(
        None, ge=1, le=32767, description="Objective number (current framework)."
    )
    kind: Initiative.Kind | None = None
    status: Initiative.Status | None = None


@router.get(
    "/initiatives",
    response={200: list[InitiativeOut], 404: ErrorOut},
    url_name="list_initiatives",
)
@paginate(BoundedLimitOffset)
def list_initiatives(
    request: HttpRequest, filters: Query[InitiativeFilters]
) -> list[InitiativeOut]:
    """Initiatives the secretariat verified, newest verification first; filter by
    ``country`` (entering or concerned), ``objective`` number, ``kind``, ``status``."""
    country = None
    if filters.country:
        country = Country.objects.filter(iso3=filters.country.upper()).first()
        if country is None:
            raise Http404("No such country.")
    objective = None
    if filters.objective is not None:
        objective = selectors.current_objectives().filter(number=filters.objective).first()
        if objective is None:
            raise Http404("No such objective.")
    queryset = selectors.published(
        selectors.Filters(
            country=country,
            objective=objective,
            kind=filters.kind or "",
            status=filters.status or "",
        )
    )
    return [_out(i) for i in queryset]


@router.get(
    "/initiatives/{initiative_id}",
    response={200: InitiativeOut, 404: ErrorOut},
    url_name="get_initiative",
)
def get_initiative(
    request: HttpRequest, initiative_id: Annotated[int, Field(ge=1, le=2**31 - 1)]
) -> InitiativeOut:
    """One verified initiative (404 for any other)."""
    initiative = selectors.published_one(initiative_id)
    if initiative is None:
        raise Http404("No such published initiative.")
    return _out(initiative)
