"""schema.org ``Event`` for a meeting page, as JSON-LD safe inside a <script> element."""

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from rabatnet.core.selectors import dialogue_name

from .display import local_bounds
from .models import Meeting

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event(meeting: Meeting, url: str) -> dict[str, Any]:
    start, end = local_bounds(meeting)
    month = meeting.date_precision == Meeting.DatePrecision.MONTH
    status = (
        "https://schema.org/EventCancelled"
        if meeting.status == Meeting.Status.CANCELLED
        else "https://schema.org/EventScheduled"
    )
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if meeting.city:
        address["addressLocality"] = meeting.city
    if meeting.host_country is not None:
        address["addressCountry"] = meeting.host_country.iso3
    place: dict[str, Any] = {"@type": "Place", "address": address}
    place["name"] = (
        meeting.venue or meeting.city or (meeting.host_country.name if meeting.host_country else "")
    )
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "url": url,
        # A month-only date stays a month (ISO 8601 YYYY-MM): no invented day or hour.
        "startDate": start.strftime("%Y-%m") if month else start.isoformat(),
        "endDate": end.strftime("%Y-%m") if month else end.isoformat(),
        "eventStatus": status,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "organizer": {"@type": "Organization", "name": dialogue_name()},
    }


def as_script_text(data: dict[str, Any]) -> SafeString:
    """JSON that cannot close the script element it sits in."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))  # noqa: S308
