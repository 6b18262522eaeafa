"""The confirmation through a real SMTP server on loopback (aiosmtpd): each recipient in
their language, the date, time and time zone, the place, the ``.ics`` that parses back."""

import email
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage

import pytest
from icalendar import Calendar

from rabatnet.meetings import registration_services as services
from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f

from .registration_samples import (  # noqa: F401
    delegate,
    open_meeting,
    prop,
    registration,
)

pytestmark = pytest.mark.django_db


def _ics(message: EmailMessage) -> tuple[EmailMessage, bytes]:
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return part, payload


def _text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def test_the_confirmation_crosses_a_real_smtp_server(
    smtp_inbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(
        starts_at=datetime(2027, 1, 11, 9, 0, tzinfo=UTC),  # 09:00 in Dakar (UTC+0)
        ends_at=datetime(2027, 1, 12, 17, 0, tzinfo=UTC),
        venue_en="King Fahd Palace",
    )
    focal_point = f.focal_point("SEN")
    colleague = Person.objects.get(user=f.workgroup_member("SEN"))
    colleague.language = "fr"
    colleague.save()
    submitted = registration(meeting, status="submitted", submitted_by=focal_point)
    delegate(submitted, "Awa Diop", email="awa@example.org", head_of_delegation=True)
    delegate(submitted, colleague.full_name, email=colleague.email.upper(), person=None)
    delegate(submitted, "No Address")

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=submitted, by=f.secretariat())

    received = {
        rcpt[0].lower(): email.message_from_bytes(raw, policy=policy.default)
        for rcpt, raw in smtp_inbox.messages
    }
    assert set(received) == {focal_point.email, "awa@example.org", colleague.email.lower()}
    english = received[focal_point.email]
    assert english["Subject"] == f"Registration confirmed: {meeting.title_en}"
    assert english["To"] == focal_point.email and english["Message-ID"] and english["Date"]
    text = _text(english)
    assert "11 January 2027" in text or "Jan. 11, 2027" in text
    assert "9 a.m." in text and "Africa/Dakar" in text
    assert "King Fahd Palace, Dakar, Senegal" in text
    assert "Awa Diop" in text and "No Address" in text  # the focal point sees the delegation
    french = received[colleague.email.lower()]
    french_text = _text(french)
    assert "https://testserver/fr/private/meetings/" in french_text  # built in French
    assert "https://testserver/en/private/meetings/" in text
    assert "Awa Diop" not in french_text  # a delegate is not sent the others' names

    part, ics = _ics(english)
    assert part.get_param("method") == "PUBLISH"
    assert part.get_content_charset() == "utf-8"
    assert part.get_filename() == f"{meeting.slug}.ics"
    assert b"\r\n" in ics and b"\n" not in ics.replace(b"\r\n", b"")
    calendar = Calendar.from_ical(ics)
    assert str(prop(calendar, "METHOD")) == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert str(prop(event, "UID")) == f"{meeting.uid}@testserver"
    assert prop(event, "DTSTART").dt.astimezone(UTC) == datetime(2027, 1, 11, 9, 0, tzinfo=UTC)
    # Dakar keeps UTC all year: the library writes its times in UTC ("Z"), no VTIMEZONE.
    assert b"DTSTART:20270111T090000Z\r\n" in ics


def test_a_withdrawn_registration_mails_nobody(mailoutbox):
    from rabatnet.meetings.registration_tasks import send_registration_confirmation

    withdrawn = registration(open_meeting(), status="withdrawn")
    delegate(withdrawn, email="awa@example.org")
    assert send_registration_confirmation.call(registration_id=withdrawn.pk) == 0
    assert mailoutbox == []
