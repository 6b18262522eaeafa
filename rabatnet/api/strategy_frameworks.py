"""The strategy frameworks and their roadmap actions in the API (reference data)."""

from django.http import HttpRequest
from ninja import Router, Schema

from rabatnet.strategy.models import Framework, RoadmapAction

from .schemas import first_text

router = Router(tags=["strategy"])


class FrameworkOut(Schema):
    slug: str
    name_en: str
    name_fr: str
    version: str
    adopted_year: int | None
    predecessor: str | None  # the slug of the framework this one follows


class RoadmapActionOut(Schema):
    framework: str  # the framework's slug
    number: int  # the action's order in the framework file, not an official numbering
    objective: int | None  # the objective's number in its framework; null if none
    title_en: str
    title_fr: str


@router.get("/strategy/frameworks", response=list[FrameworkOut])
def list_frameworks(request: HttpRequest) -> list[FrameworkOut]:
    """The strategy frameworks, oldest first, each with the one it follows."""
    return [
        FrameworkOut(
            slug=f.slug,
            name_en=first_text(f.name_en),
            name_fr=first_text(f.name_fr, f.name_en),
            version=f.version,
            adopted_year=f.adopted_year,
            predecessor=f.predecessor.slug if f.predecessor else None,
        )
        for f in Framework.objects.select_related("predecessor").order_by("adopted_year", "pk")
    ]


@router.get("/strategy/roadmap-actions", response=list[RoadmapActionOut])
def list_roadmap_actions(request: HttpRequest) -> list[RoadmapActionOut]:
    """The roadmap actions of every framework (only those its sources give are loaded)."""
    actions = RoadmapAction.objects.select_related("framework", "objective").order_by(
        "framework__adopted_year", "framework__pk", "number"
    )
    return [
        RoadmapActionOut(
            framework=a.framework.slug,
            number=a.number,
            objective=a.objective.number if a.objective else None,
            title_en=first_text(a.title_en),
            title_fr=first_text(a.title_fr, a.title_en),
        )
        for a in actions
    ]
