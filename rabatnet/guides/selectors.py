"""Reads for guides."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from rabatnet.countries.models import Country

from .models import Edition, Guide, GuideEvent, Stage


def country_guides(country: Country) -> list[Guide]:
    return list(Guide.objects.filter(country=country).order_by("pk"))


def guide_for(country: Country, language: str | None, preferred: str | None = None) -> Guide:
    """The guide in ``language``; else the one in ``preferred`` (the reader's), else the first."""
    guides = country_guides(country)
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
