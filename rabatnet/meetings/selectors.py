"""Reading meetings: the public list and its filters, one meeting with all it holds."""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country

from .models import Document, DocumentFile, Meeting, MeetingKind, Session

MIN_YEAR, MAX_YEAR = 1990, 2100


@dataclass
class MeetingFilters:
    """What a list, the CSV or the API was asked to show; ``problems`` says what was refused."""

    kind: str | None = None
    year: int | None = None
    country: Country | None = None
    problems: list[str] = field(default_factory=list)

    def as_query(self) -> dict[str, str]:
        query = {}
        if self.kind:
            query["kind"] = self.kind
        if self.year:
            query["year"] = str(self.year)
        if self.country:
            query["country"] = self.country.iso3
        return query


def parse_filters(kind: str | None, year: str | None, country: str | None) -> MeetingFilters:
    """The filters from text as typed; each bad value is left out and named in ``problems``."""
    filters = MeetingFilters()
    if kind:
        if kind in MeetingKind.values:
            filters.kind = kind
        else:
            filters.problems.append(
                _("“%(value)s” is not a kind of meeting.") % {"value": kind[:40]}
            )
    if year:
        if re.fullmatch(r"\d{4}", year) and MIN_YEAR <= int(year) <= MAX_YEAR:
            filters.year = int(year)
        else:
            filters.problems.append(
                _("“%(value)s” is not a year between %(min)s and %(max)s.")
                % {"value": year[:40], "min": MIN_YEAR, "max": MAX_YEAR}
            )
    if country:
        found = None
        if re.fullmatch(r"[A-Za-z]{3}", country):
            found = Country.objects.filter(iso3=country.upper()).first()
        if found is None:
            filters.problems.append(
                _("“%(value)s” is not a country code (ISO 3166 alpha-3, such as SEN).")
                % {"value": country[:40]}
            )
        filters.country = found
    return filters


def published_meetings(filters: MeetingFilters | None = None) -> QuerySet[Meeting]:
    """Published meetings, newest first, with what a list shows."""
    rows = (
        Meeting.objects.published()
        .select_related("host_country", "theme")
        .prefetch_related("co_chairs")
    )
    if filters is not None:
        if filters.kind:
            rows = rows.filter(kind=filters.kind)
        if filters.year:
            rows = rows.filter(starts_at__year=filters.year)
        if filters.country:
            rows = rows.filter(
                Q(host_country=filters.country) | Q(co_chairs=filters.country)
            ).distinct()
    return rows.order_by("-starts_at", "slug")


def split_upcoming(
    meetings: list[Meeting], now: datetime | None = None
) -> tuple[list[Meeting], list[Meeting]]:
    """Upcoming (not yet ended; soonest first) and past (latest first)."""
    now = now or timezone.now()
    upcoming = sorted((m for m in meetings if m.ends_at >= now), key=lambda m: m.starts_at)
    past = [m for m in meetings if m.ends_at < now]
    return upcoming, past


def meeting_detail_rows() -> QuerySet[Meeting]:
    """Meetings with everything the detail page shows, in few queries."""
    files = Prefetch("files", queryset=DocumentFile.objects.order_by("language"))
    documents = Document.objects.prefetch_related(files).order_by("kind", "pk")
    return Meeting.objects.select_related("host_country", "theme").prefetch_related(
        "co_chairs",
        "objectives",
        Prefetch("sessions", queryset=Session.objects.prefetch_related("items")),
        Prefetch("documents", queryset=documents),
        "conclusions",
        "participations__country",
        "participations__organisation",
    )


def meetings_in(starts: datetime, ends: datetime) -> QuerySet[Meeting]:
    """Published meetings that start in [starts, ends)."""
    return (
        published_meetings().filter(starts_at__gte=starts, starts_at__lt=ends).order_by("starts_at")
    )
