"""Reads for guides."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from rabatnet.countries.models import Country

from .models import Edition, Guide, GuideEvent, Stage

if TYPE_CHECKING:
    from .forms import Part


def country_guides(country: Country) -> list[Guide]:
    return list(Guide.objects.filter(country=country).select_related("country").order_by("pk"))


def guide_for(country: Country, language: str | None, preferred: str | None = None) -> Guide:
    """The guide in ``language``; else the one in ``preferred`` (the reader's), else the first."""
    return choose_guide(country_guides(country), language, preferred)


def choose_guide(guides: list[Guide], language: str | None, preferred: str | None) -> Guide:
    """As ``guide_for``, among a country's ``guides``; 404 if none fits."""
    if not guides:
        raise Http404("This country has no guide yet.")
    by_language = {g.language: g for g in guides}
    if language:
        if language not in by_language:
            raise Http404("No guide in this language.")
        return by_language[language]
    return by_language.get(preferred or "", guides[0])


def published_edition(guide: Guide) -> Edition | None:
    return guide.editions.filter(status=Edition.Status.PUBLISHED).order_by("-number").first()


def published_guides(country: Country) -> list[Guide]:
    return [g for g in country_guides(country) if published_edition(g)]


def edition(guide: Guide, number: int) -> Edition:
    return get_object_or_404(
        Edition.objects.select_related("guide__country"), guide=guide, number=number
    )


def editions(guide: Guide, *, published_only: bool) -> list[Edition]:
    qs = guide.editions.order_by("-number")
    if published_only:
        qs = qs.filter(status=Edition.Status.PUBLISHED)
    return list(qs.select_related("submitted_by", "decided_by", "published_by"))


def timeline() -> list[dict[str, object]]:
    """Every guide with the date each stage was first reached (the secretariat's overview)."""
    guides = Guide.objects.select_related("country").order_by("country__name", "language")
    reached: dict[int, dict[str, object]] = {}
    for event in GuideEvent.objects.order_by("at"):
        reached.setdefault(event.guide_id, {}).setdefault(event.stage, event.at)
    return [
        {"guide": g, "reached": reached.get(g.pk, {}), "position": Stage.position(g.stage)}
        for g in guides
    ]


def guide_events(guide: Guide) -> list[GuideEvent]:
    return list(guide.events.select_related("actor"))


def _with_related(records: QuerySet[Model], fields: Iterable[str]) -> QuerySet[Model]:
    """The records with the rows their form's foreign keys point to (their names show them)."""
    model = records.model
    related = [
        name
        for name in fields
        if (field := model._meta.get_field(name)).many_to_one and field.name != "guide"
    ]
    return records.select_related(*related)


def workspace_parts(guide: Guide, parts: Iterable["Part"]) -> list[tuple["Part", list[Model]]]:
    """Each part with its records, in a query per part whatever the number of records."""
    return [(part, list(_with_related(part.records(guide), part.fields))) for part in parts]
