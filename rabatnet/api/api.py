"""The public JSON API, version 1, described by OpenAPI at /api/v1/openapi.json."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import NinjaAPI, Query
from ninja.pagination import paginate

from rabatnet.core.selectors import dialogue_name
from rabatnet.countries.models import Country, Membership
from rabatnet.countries.selectors import country_by_iso3, member_countries
from rabatnet.strategy.models import Objective, Theme

from .guides import router as guides_router
from .initiatives import router as initiatives_router
from .meetings import router as meetings_router
from .pagination import BoundedLimitOffset
from .renderers import ExactJSONRenderer
from .schemas import (
    CountryOut,
    EndpointOut,
    ErrorOut,
    IndexOut,
    MembershipOut,
    ObjectiveOut,
    ThemeOut,
    first_text,
)
from .statistics import router as statistics_router
from .strategy_frameworks import router as strategy_frameworks_router
from .strategy_progress import router as strategy_progress_router
from .support import router as support_router

api = NinjaAPI(
    title=f"rabatnet — {dialogue_name('en')} open data API",
    version="1",
    description=(
        "Public data of the dialogue: member countries and their membership, the strategy "
        "framework, migration statistics (datasets with their provenance and freshness, "
        "indicators, observations with the publishers' exact values). Everything here is "
        "open data; nothing personal is served."
    ),
    docs_url=None,
    urls_namespace="api",
    renderer=ExactJSONRenderer(),
)


@api.get("/", response=IndexOut, url_name="index", tags=["index"])
def index(request: HttpRequest) -> IndexOut:
    """What this API serves, and where its OpenAPI description is."""
    root = reverse("api:index")
    paths = api.get_openapi_schema()["paths"]
    endpoints = [
        EndpointOut(
            method=method.upper(),
            path=path,
            summary=operation.get("summary", ""),
            description=operation.get("description", ""),
        )
        for path, operations in paths.items()
        if path != root
        for method, operation in operations.items()
    ]
    return IndexOut(
        title=api.title,
        version=api.version,
        openapi=reverse("api:openapi-json"),
        endpoints=endpoints,
    )


def _membership(m: Membership) -> MembershipOut:
    return MembershipOut(
        status=m.status,
        side=m.side,
        group=m.group,
        since=m.started_year,
        until=m.ended_year,
        note=m.note,
    )


def _country(country: Country) -> CountryOut:
    current = country.current_membership()
    return CountryOut(
        iso3=country.iso3,
        iso2=country.iso2,
        iso_numeric=country.iso_numeric,
        name_en=first_text(country.name_en, country.iso3),
        name_fr=first_text(country.name_fr, country.name_en, country.iso3),
        name_pt=first_text(country.name_pt, country.name_en, country.iso3),
        region=country.region,
        subregion=country.subregion,
        status=current.status if current else None,
        memberships=[_membership(m) for m in country.memberships.all()],
    )


@api.get("/countries", response=list[CountryOut], tags=["countries"])
@paginate(BoundedLimitOffset)
def list_countries(
    request: HttpRequest, status: Query[Membership.Status | None] = None
) -> list[CountryOut]:
    """The dialogue's member countries (all statuses, including former partners)."""
    countries = [_country(c) for c in member_countries()]
    return [c for c in countries if status is None or c.status == status]


@api.get("/countries/{iso3}", response={200: CountryOut, 404: ErrorOut}, tags=["countries"])
def get_country(request: HttpRequest, iso3: str) -> CountryOut:
    """One country by ISO 3166-1 alpha-3 code, with its membership periods."""
    return _country(country_by_iso3(iso3))


@api.get("/strategy/objectives", response=list[ObjectiveOut], tags=["strategy"])
def list_objectives(request: HttpRequest) -> list[ObjectiveOut]:
    """The objectives of the strategy framework, with their pillar."""
    return [
        ObjectiveOut(
            number=o.number,
            pillar=o.pillar.number if o.pillar else None,
            title_en=first_text(o.title_en),
            title_fr=first_text(o.title_fr, o.title_en),
        )
        for o in Objective.objects.select_related("pillar")
    ]


@api.get("/strategy/themes", response=list[ThemeOut], tags=["strategy"])
def list_themes(request: HttpRequest) -> list[ThemeOut]:
    """The priority themes, with the objective each is linked to."""
    return [
        ThemeOut(
            slug=t.slug,
            title_en=first_text(t.title_en),
            title_fr=first_text(t.title_fr, t.title_en),
            objective=t.objective.number if t.objective else None,
            cross_cutting=t.cross_cutting,
            first_year=t.first_year,
            last_year=t.last_year,
        )
        for t in Theme.objects.select_related("objective")
    ]


api.add_router("/", statistics_router)
api.add_router("/", guides_router)
api.add_router("/", meetings_router)
api.add_router("/", initiatives_router)
api.add_router("/", strategy_progress_router)
api.add_router("/", strategy_frameworks_router)
api.add_router("/", support_router)
