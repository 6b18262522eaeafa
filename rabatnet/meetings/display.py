"""How a meeting is shown: its dates in its own time zone, its documents by language."""

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rabatnet.core.access import AnyUser

from .models import Document, DocumentFile, Meeting
from .permissions import can_view_restricted_documents


def zone_of(meeting: Meeting) -> ZoneInfo:
    try:
        return ZoneInfo(meeting.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def utc_offset(moment: datetime) -> str:
    """``UTC+01:00``: the offset of ``moment`` (aware) from UTC."""
    raw = moment.strftime("%z") or "+0000"
    return f"UTC{raw[:3]}:{raw[3:5]}"


def local_bounds(meeting: Meeting) -> tuple[datetime, datetime]:
    zone = zone_of(meeting)
    return meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)


def is_all_day(meeting: Meeting) -> bool:
    start, end = local_bounds(meeting)
    return start.time() == time.min and end.time() >= time(23, 59)


def dates_text(meeting: Meeting) -> str:
    """ "11 September 2013 (Africa/Dakar, UTC+00:00)", "March 2014 (to be confirmed)"."""
    start, end = local_bounds(meeting)
    if meeting.date_precision == Meeting.DatePrecision.MONTH:
        if (start.year, start.month) == (end.year, end.month):
            text = date_format(start, "F Y")
        else:
            text = f"{date_format(start, 'F')} – {date_format(end, 'F Y')}"
        if meeting.status == Meeting.Status.TENTATIVE:
            text += " (" + _("to be confirmed") + ")"
        return text
    if start.date() == end.date():
        text = date_format(start, "j F Y")
    else:
        text = f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"
    if not is_all_day(meeting):
        text += f", {date_format(start, 'H:i')} – {date_format(end, 'H:i')}"
    text += f" ({meeting.timezone}, {utc_offset(start)})"
    if meeting.status == Meeting.Status.TENTATIVE:
        text += " (" + _("to be confirmed") + ")"
    return text


@dataclass
class DocumentView:
    """A document with its language versions together, and whether the visitor may have it."""

    document: Document
    files: list[DocumentFile]
    downloadable: bool

    def links(self) -> list[tuple[str, str, DocumentFile]]:
        return [
            (
                f.language,
                reverse(
                    "meetings:document",
                    kwargs={
                        "slug": self.document.meeting.slug,
                        "pk": self.document.pk,
                        "language": f.language,
                    },
                ),
                f,
            )
            for f in self.files
        ]


def document_views(
    user: AnyUser, meeting: Meeting, documents: list[Document]
) -> list[DocumentView]:
    """The documents the visitor may see listed: restricted ones only for members."""
    members = can_view_restricted_documents(user, meeting)
    return [
        DocumentView(document=d, files=list(d.files.all()), downloadable=True)
        for d in documents
        if members or not d.restricted
    ]
