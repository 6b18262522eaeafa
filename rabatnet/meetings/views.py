"""Anybody: the list of meetings (and its CSV), a meeting's page."""

import csv
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rabatnet.network.exports import safe_cell

from . import selectors
from .display import DocumentView, dates_text, document_views, local_bounds, utc_offset
from .jsonld import as_script_text, event
from .models import Meeting, MeetingKind
from .permissions import access_meeting, can_edit_meeting, can_view_participation


def _filters(request: HttpRequest) -> selectors.MeetingFilters:
    return selectors.parse_filters(
        request.GET.get("kind"), request.GET.get("year"), request.GET.get("country")
    )


@login_not_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Upcoming and past meetings, filtered by ``kind``, ``year`` and ``country`` (host or
    co-chair); a bad value is left out and said so."""
    filters = _filters(request)
    meetings = list(selectors.published_meetings(filters))
    upcoming, past = selectors.split_upcoming(meetings)
    rows = {m.pk: dates_text(m) for m in meetings}
    return render(
        request,
        "meetings/list.html",
        {
            "upcoming": [(m, rows[m.pk]) for m in upcoming],
            "past": [(m, rows[m.pk]) for m in past],
            "filters": filters,
            "kinds": MeetingKind.choices,
            "csv_query": "&".join(f"{k}={v}" for k, v in filters.as_query().items()),
            "can_create": can_edit_meeting(request.user, None),
        },
    )


CSV_COLUMNS = [
    "slug",
    "kind",
    "status",
    "title_en",
    "title_fr",
    "starts_at_utc",
    "ends_at_utc",
    "timezone",
    "date_precision",
    "city_en",
    "city_fr",
    "host_country_iso3",
    "co_chairs_iso3",
    "theme",
    "url",
]


@login_not_required
@require_GET
def meetings_csv(request: HttpRequest) -> HttpResponse:
    """The published meetings (same filters as the list) as CSV; a bad filter is a 400."""
    filters = _filters(request)
    if filters.problems:
        return HttpResponse(
            " ".join(filters.problems), status=400, content_type="text/plain; charset=utf-8"
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meetings.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for m in selectors.published_meetings(filters):
        writer.writerow(
            safe_cell(value)
            for value in [
                m.slug,
                m.kind,
                m.status,
                m.title_en or "",
                m.title_fr or "",
                m.starts_at.isoformat(),
                m.ends_at.isoformat(),
                m.timezone,
                m.date_precision,
                m.city_en or "",
                m.city_fr or "",
                m.host_country.iso3 if m.host_country else "",
                " ".join(sorted(c.iso3 for c in m.co_chairs.all())),
                m.theme.slug if m.theme else "",
                request.build_absolute_uri(reverse("meetings:detail", kwargs={"slug": m.slug})),
            ]
        )
    return response


def _ics_url(meeting: Meeting) -> str | None:
    """The meeting's calendar file, once the calendars are built (registrations app)."""
    try:
        return reverse("registrations:meeting_ics", kwargs={"slug": meeting.slug})
    except NoReverseMatch:
        return None


@login_not_required
@require_GET
def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A meeting with its agenda, documents, conclusions and (unless restricted) who came."""
    meeting = access_meeting(request, slug, "view", selectors.meeting_detail_rows())
    views = document_views(request.user, meeting, list(meeting.documents.all()))
    start, _end = local_bounds(meeting)
    url = request.build_absolute_uri(meeting_url(meeting))
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "dates": dates_text(meeting),
            "offset": utc_offset(start),
            "documents": views,
            "agenda": _agenda(meeting, views),
            "participation": (
                list(meeting.participations.all())
                if can_view_participation(request.user, meeting)
                else None
            ),
            "ics_url": _ics_url(meeting),
            "jsonld": as_script_text(event(meeting, url)),
            "can_edit": can_edit_meeting(request.user, meeting),
            "cancelled": meeting.status == Meeting.Status.CANCELLED,
            "no_value": _("not given"),
        },
    )


def _agenda(meeting: Meeting, views: list[DocumentView]) -> list[tuple[Any, list[Any]]]:
    """Sessions, each with its items and each item with the documents the visitor sees."""
    by_item: dict[int, list[DocumentView]] = {}
    for view in views:
        if view.document.agenda_item_id is not None:
            by_item.setdefault(view.document.agenda_item_id, []).append(view)
    return [
        (session, [(item, by_item.get(item.pk, [])) for item in session.items.all()])
        for session in meeting.sessions.all()
    ]


def meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", kwargs={"slug": meeting.slug})
