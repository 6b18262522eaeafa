"""The confirmation of a delegation, by e-mail, with the meeting's ``.ics`` attached.

The attachment is ``text/calendar; method=PUBLISH`` (and the calendar's ``METHOD:PUBLISH``):
the secretariat informs, it does not invite. ``REQUEST`` (RFC 5546, iTIP) would need an
``ORGANIZER`` and ``ATTENDEE`` lines and makes mail clients offer accept/decline buttons
whose replies would go to a mailbox nobody reads; with ``PUBLISH`` the client adds the
event, and later exports with the same ``UID`` and a higher ``SEQUENCE`` update it.
"""

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from rabatnet.network.models import Person

from .calendar import absolute, build_calendar, location_of, meeting_zone
from .models import Meeting, Registration


def meeting_when(meeting: Meeting) -> str:
    """The dates (and times) in the meeting's time zone, named, in the active language."""
    zone = meeting_zone(meeting)
    starts, ends = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
    if meeting.date_precision == Meeting.DatePrecision.MONTH:
        return _("%(month)s (exact dates to be confirmed)") % {
            "month": formats.date_format(starts, "YEAR_MONTH_FORMAT")
        }
    return _("from %(start)s to %(end)s (time zone %(zone)s)") % {
        "start": formats.date_format(starts, "DATETIME_FORMAT"),
        "end": formats.date_format(ends, "DATETIME_FORMAT"),
        "zone": zone.key,
    }


def ics_part(meeting: Meeting) -> MIMEText:
    """The meeting as an attached ``.ics`` file (base64: its CRLF line ends stay)."""
    calendar = build_calendar([meeting], name=meeting.title)
    part = MIMEText(calendar.to_ical().decode(), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename=f"{meeting.slug}.ics")
    return part


def _recipients(registration: Registration) -> list[tuple[str, str, bool]]:
    """(address, language, is the focal point) for each recipient, once per address."""
    wanted: list[tuple[str, Person | None, bool]] = []
    if registration.submitted_by is not None:
        submitter = registration.submitted_by
        wanted.append((submitter.email, getattr(submitter, "person", None), True))
    for delegate in registration.delegates.all():
        if delegate.email:
            wanted.append((delegate.email, delegate.person, False))
    addresses = [address.lower() for address, _person, _fp in wanted]
    known = Person.objects.annotate(address=Lower("email")).filter(address__in=addresses)
    people = {p.email.lower(): p for p in known}
    seen: set[str] = set()
    found = []
    for address, person, is_focal_point in wanted:
        if address.lower() in seen:
            continue
        seen.add(address.lower())
        person = person or people.get(address.lower())
        language = person.language if person is not None else settings.LANGUAGE_CODE
        found.append((address, language, is_focal_point))
    return found


def confirmation_messages(registration: Registration) -> list[EmailMultiAlternatives]:
    """One mail per recipient, each in the recipient's language."""
    meeting = registration.meeting
    messages = []
    for address, language, is_focal_point in _recipients(registration):
        with translation.override(language):
            context = {
                "meeting": meeting,
                "country": registration.country,
                "when": meeting_when(meeting),
                "where": location_of(meeting),
                "delegates": list(registration.delegates.all()) if is_focal_point else [],
                "is_focal_point": is_focal_point,
                "registration_url": absolute(
                    reverse(
                        "registrations:registration",
                        kwargs={"slug": meeting.slug, "iso3": registration.country.iso3},
                    )
                ),
            }
            subject = _("Registration confirmed: %(meeting)s") % {"meeting": meeting.title}
            message = EmailMultiAlternatives(
                subject=" ".join(subject.split()),
                body=render_to_string("meetings/mail/registration_confirmed.txt", context),
                to=[address],
            )
            message.attach_alternative(
                render_to_string("meetings/mail/registration_confirmed.html", context),
                "text/html",
            )
            message.attach(ics_part(meeting))
        messages.append(message)
    return messages
