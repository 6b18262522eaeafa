"""Meetings in the API (published meetings only).

Every text in English and French; times in ISO 8601 (``starts_at`` in UTC, ``starts_local``
in the meeting's own time zone with its offset); countries as ISO 3166 alpha-3 codes. Only
public documents are listed, and participation only when the meeting makes it public.
Delegates (people) are never served.
"""

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from rabatnet.meetings import selectors
from rabatnet.meetings.display import local_bounds
from rabatnet.meetings.models import Meeting, MeetingKind

from .pagination import BoundedLimitOffset
from .schemas import ErrorOut

router = Router(tags=["meetings"])

MAX_LIMIT = 100


class MeetingFilterIn(Schema):
    kind: str | None = Field(
        None, description="One of: " + ", ".join(MeetingKind.values), examples=["thematic"]
    )
    year: str | None = Field(None, description="The year it starts (YYYY).", examples=["2013"])
    country: str | None = Field(
        None,
        description="A host or co-chair country (ISO 3166-1 alpha-3).",
        examples=["SEN"],
    )


class MeetingOut(Schema):
    slug: str
    kind: str
    status: str = Field(description="scheduled, tentative (to be confirmed) or cancelled")
    title_en: str
    title_fr: str
    summary_en: str
    summary_fr: str
    starts_at: datetime = Field(description="UTC")
    ends_at: datetime = Field(description="UTC")
    starts_local: str = Field(description="ISO 8601 in the meeting's time zone, with offset")
    ends_local: str
    timezone: str = Field(description="IANA name of the venue's time zone")
    date_precision: str = Field(
        description="day, or month when only the month is known (dates span the month)"
    )
    venue_en: str
    venue_fr: str
    city_en: str
    city_fr: str
    host_country: str | None
    co_chairs: list[str]
    theme: str | None
    objectives: list[int]
    page: str


class ItemOut(Schema):
    number: int
    title_en: str
    title_fr: str


class SessionOut(ItemOut):
    items: list[ItemOut]


class FileOut(Schema):
    language: str
    url: str
    content_type: str
    size_bytes: int
    sha256: str


class DocumentOut(Schema):
    kind: str
    title_en: str
    title_fr: str
    agenda_item: int | None = Field(description="The agenda item's number within its session")
    files: list[FileOut]


class ConclusionOut(Schema):
    number: int
    text_en: str
    text_fr: str


class ParticipationOut(Schema):
    country: str | None = Field(description="ISO alpha-3, or null for an organisation")
    organisation: str | None
    delegates: int = Field(description="People in the delegation, as counted by the secretariat")


class MeetingDetailOut(MeetingOut):
    sessions: list[SessionOut]
    documents: list[DocumentOut]
    conclusions: list[ConclusionOut]
    participation: list[ParticipationOut] | None = Field(
        description="null when the meeting keeps its participation for members"
    )


def _meeting(m: Meeting) -> dict:
    start, end = local_bounds(m)
    return {
        "slug": m.slug,
        "kind": m.kind,
        "status": m.status,
        "title_en": m.title_en or "",
        "title_fr": m.title_fr or "",
        "summary_en": m.summary_en or "",
        "summary_fr": m.summary_fr or "",
        "starts_at": m.starts_at,
        "ends_at": m.ends_at,
        "starts_local": start.isoformat(),
        "ends_local": end.isoformat(),
        "timezone": m.timezone,
        "date_precision": m.date_precision,
        "venue_en": m.venue_en or "",
        "venue_fr": m.venue_fr or "",
        "city_en": m.city_en or "",
        "city_fr": m.city_fr or "",
        "host_country": m.host_country.iso3 if m.host_country else None,
        "co_chairs": sorted(c.iso3 for c in m.co_chairs.all()),
        "theme": m.theme.slug if m.theme else None,
        "objectives": sorted(o.number for o in m.objectives.all()),
        "page": reverse("meetings:detail", kwargs={"slug": m.slug}),
    }


def _filters(filters: MeetingFilterIn) -> selectors.MeetingFilters:
    parsed = selectors.parse_filters(filters.kind, filters.year, filters.country)
    if parsed.problems:
        raise HttpError(400, " ".join(parsed.problems))
    return parsed


@router.get(
    "/meetings",
    response={200: list[MeetingOut], 400: ErrorOut},
    url_name="list_meetings",
)
@paginate(BoundedLimitOffset, max_limit=MAX_LIMIT)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilterIn]) -> list[dict]:
    """Published meetings, newest first, filtered by kind, year and country (host or
    co-chair); a bad filter value answers 400 saying why. `limit` is at most 100."""
    rows: QuerySet[Meeting] = selectors.published_meetings(_filters(filters)).prefetch_related(
        "objectives"
    )
    return [_meeting(m) for m in rows]


@router.get(
    "/meetings/{slug}",
    response={200: MeetingDetailOut, 404: ErrorOut},
    url_name="get_meeting",
)
def get_meeting(request: HttpRequest, slug: str) -> dict:
    """A published meeting with its agenda, public documents (with download addresses),
    conclusions and, when public, participation counts."""
    meeting = (
        selectors.meeting_detail_rows().filter(slug=slug[:80], published=True).first()
        if len(slug) <= 80
        else None
    )
    if meeting is None:
        raise HttpError(404, "No published meeting with this identifier.")
    items = {}
    sessions = []
    for session in meeting.sessions.all():
        session_items = []
        for item in session.items.all():
            items[item.pk] = item.number
            session_items.append(
                {
                    "number": item.number,
                    "title_en": item.title_en or "",
                    "title_fr": item.title_fr or "",
                }
            )
        sessions.append(
            {
                "number": session.number,
                "title_en": session.title_en or "",
                "title_fr": session.title_fr or "",
                "items": session_items,
            }
        )
    documents = [
        {
            "kind": d.kind,
            "title_en": d.title_en or "",
            "title_fr": d.title_fr or "",
            "agenda_item": items.get(d.agenda_item_id) if d.agenda_item_id else None,
            "files": [
                {
                    "language": f.language,
                    "url": request.build_absolute_uri(
                        reverse(
                            "meetings:document",
                            kwargs={"slug": meeting.slug, "pk": d.pk, "language": f.language},
                        )
                    ),
                    "content_type": f.content_type,
                    "size_bytes": f.size,
                    "sha256": f.sha256,
                }
                for f in d.files.all()
            ],
        }
        for d in meeting.documents.all()
        if not d.restricted
    ]
    participation = (
        None
        if meeting.participants_restricted
        else [
            {
                "country": p.country.iso3 if p.country else None,
                "organisation": str(p.organisation) if p.organisation else None,
                "delegates": p.delegates,
            }
            for p in meeting.participations.all()
        ]
    )
    return {
        **_meeting(meeting),
        "sessions": sessions,
        "documents": documents,
        "conclusions": [
            {"number": c.number, "text_en": c.text_en or "", "text_fr": c.text_fr or ""}
            for c in meeting.conclusions.all()
        ],
        "participation": participation,
    }
