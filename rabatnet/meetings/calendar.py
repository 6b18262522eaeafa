"""Meetings as iCalendar (RFC 5545) with the ``icalendar`` library.

One ``VEVENT`` per meeting:

- ``UID`` is ``<meeting.uid>@<host of SITE_URL>``: the meeting's UUID never changes, so a
  calendar that subscribed to one feed, or imported a meeting's file from a confirmation
  e-mail, updates the same event on every later export.
- ``SEQUENCE`` is ``meeting.version``: every save of the meeting raises it.
- ``DTSTAMP`` is the moment the file is made (UTC), ``LAST-MODIFIED`` and ``CREATED`` the
  meeting's own times (UTC).
- A meeting whose dates are known to the day has ``DTSTART``/``DTEND`` in its time zone
  (``TZID=`` the IANA name) and the calendar carries the matching ``VTIMEZONE`` components
  (``Calendar.add_missing_timezones``, limited to the years of the meetings). A zone that
  is UTC all year (Africa/Dakar) is written by the library in UTC (``...Z``), no TZID.
- A meeting known to the month only (``date_precision`` "month") is an all-day event:
  ``DTSTART;VALUE=DATE`` is the first day of the month, ``DTEND;VALUE=DATE`` the day after
  the last day (RFC 5545's end is exclusive), both read in the meeting's time zone; its
  description says that the dates are known to the month only.
- ``STATUS`` is ``CANCELLED``, ``TENTATIVE`` or ``CONFIRMED`` from ``meeting.status``.
- ``SUMMARY``, ``LOCATION``, ``DESCRIPTION`` and ``URL`` are in the active language (the
  feed's ``/en/`` or ``/fr/`` prefix), English where a translation is missing.

The library writes CRLF line ends and folds lines at 75 octets without splitting a UTF-8
character (tests/test_calendar_format.py proves both).
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from rabatnet.core.middleware import PRIVATE

from .models import Meeting

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//Rabat Process//rabatnet meetings//EN"
STATUS: dict[str, str] = {
    Meeting.Status.CANCELLED: "CANCELLED",
    Meeting.Status.TENTATIVE: "TENTATIVE",
    Meeting.Status.SCHEDULED: "CONFIRMED",
}


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def event_uid(meeting: Meeting) -> str:
    """The meeting's UID in every calendar: its UUID at the site's host."""
    return f"{meeting.uid}@{site_host()}"


def meeting_zone(meeting: Meeting) -> ZoneInfo:
    """The meeting's time zone; UTC if the stored name is not a known IANA zone."""
    try:
        return ZoneInfo(meeting.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def meeting_url(meeting: Meeting) -> str:
    """The meeting's public page (helper A's ``meetings:detail``), in the active language."""
    try:
        path = reverse("meetings:detail", kwargs={"slug": meeting.slug})
    except NoReverseMatch:
        path = f"/{translation.get_language() or 'en'}/meetings/{meeting.slug}/"
    return absolute(path)


def location_of(meeting: Meeting) -> str:
    country = meeting.host_country.name if meeting.host_country else ""
    return ", ".join(part for part in (meeting.venue, meeting.city, country) if part)


def description_of(meeting: Meeting) -> str:
    lines = [meeting.get_kind_display().capitalize()]
    co_chairs = [c.name for c in meeting.co_chairs.all()]
    if co_chairs:
        lines.append(_("Co-chairs: %(names)s") % {"names": ", ".join(co_chairs)})
    if meeting.date_precision == Meeting.DatePrecision.MONTH:
        lines.append(_("The dates are known to the month only."))
    if meeting.status == Meeting.Status.CANCELLED:
        lines.append(_("This meeting is cancelled."))
    if meeting.summary:
        lines.extend(["", meeting.summary])
    return "\n".join(lines)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _add_dates(event: Event, meeting: Meeting) -> None:
    zone = meeting_zone(meeting)
    starts = meeting.starts_at.astimezone(zone)
    ends = meeting.ends_at.astimezone(zone)
    if meeting.date_precision == Meeting.DatePrecision.MONTH:
        event.add("dtstart", starts.date())
        event.add("dtend", ends.date() + timedelta(days=1))
    else:
        event.add("dtstart", starts)
        event.add("dtend", ends)


def meeting_event(meeting: Meeting, *, stamp: datetime) -> Event:
    """The VEVENT of ``meeting`` (see the module's docstring), texts in the active language."""
    event = Event()
    event.add("uid", event_uid(meeting))
    event.add("dtstamp", _utc(stamp))
    event.add("sequence", meeting.version)
    _add_dates(event, meeting)
    event.add("status", STATUS.get(meeting.status, "CONFIRMED"))
    event.add("summary", meeting.title)
    location = location_of(meeting)
    if location:
        event.add("location", location)
    event.add("description", description_of(meeting))
    event.add("url", meeting_url(meeting))
    event.add("created", _utc(meeting.created_at))
    event.add("last-modified", _utc(meeting.updated_at))
    return event


def build_calendar(
    meetings: Iterable[Meeting], *, name: str, stamp: datetime | None = None
) -> Calendar:
    """A VCALENDAR (METHOD:PUBLISH) holding ``meetings``, with their time zones."""
    stamp = stamp or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    years: list[int] = []
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, stamp=stamp))
        years += [meeting.starts_at.year, meeting.ends_at.year]
    if years:
        # Only the years of the meetings: 1970–2038 would be kilobytes of rules per zone.
        calendar.add_missing_timezones(
            first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 1, 12, 31)
        )
    return calendar


def calendar_response(calendar: Calendar, *, filename: str, private: bool = False) -> HttpResponse:
    """The calendar as ``text/calendar; charset=utf-8``; ``private`` for a personal feed
    (never kept by a shared cache, never indexed)."""
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        response["Cache-Control"] = PRIVATE
        response["X-Robots-Tag"] = "noindex"
    return response


def with_related(meetings: QuerySet[Meeting]) -> list[Meeting]:
    """The meetings with what an event reads (host country, co-chairs) in two queries."""
    return list(meetings.select_related("host_country").prefetch_related("co_chairs"))
