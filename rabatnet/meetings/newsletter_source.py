"""The newsletter's "meetings" source: one item per published meeting of the quarter."""

from django.urls import reverse
from django.utils import translation

from rabatnet.newsletter.composition import ItemDraft, quarter_bounds, register_source
from rabatnet.newsletter.models import Item

from .display import dates_text
from .models import Meeting
from .selectors import meetings_in


def _line(meeting: Meeting, language: str) -> str:
    with translation.override(language):
        parts = [str(meeting.get_kind_display()).capitalize(), dates_text(meeting)]
        city = getattr(meeting, f"city_{language}") or meeting.city_en
        if city:
            parts.append(city)
        if meeting.host_country is not None:
            parts.append(str(getattr(meeting.host_country, f"name_{language}") or ""))
        chairs = [str(getattr(c, f"name_{language}") or c.iso3) for c in meeting.co_chairs.all()]
        if chairs:
            label = "co-chaired with" if language == "en" else "coprésidée avec"
            parts.append(f"{label} {', '.join(chairs)}")
        if meeting.status == Meeting.Status.CANCELLED:
            parts.append("CANCELLED" if language == "en" else "ANNULÉE")
    return " · ".join(p for p in parts if p)


def meeting_drafts(year: int, quarter: int) -> list[ItemDraft]:
    """Published meetings that start in the quarter, soonest first."""
    start, end = quarter_bounds(year, quarter)
    drafts = []
    for meeting in meetings_in(start, end):
        with translation.override("en"):
            link = reverse("meetings:detail", kwargs={"slug": meeting.slug})
        drafts.append(
            ItemDraft(
                kind=Item.Kind.MEETING,
                source=f"meetings.Meeting:{meeting.pk}:{meeting.version}"[:100],
                title_en=meeting.title_en or "",
                title_fr=meeting.title_fr or "",
                body_en=_line(meeting, "en"),
                body_fr=_line(meeting, "fr"),
                link=link.removeprefix("/en"),
            )
        )
    return drafts


register_source(Item.Kind.MEETING, meeting_drafts)
