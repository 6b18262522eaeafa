"""Meetings, registrations and delegates to test registration and the calendars with."""

from datetime import UTC, datetime, timedelta
from typing import Any

from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.meetings.models import CalendarToken, Delegate, Meeting, MeetingKind, Registration
from rabatnet.network.models import Person


def meeting(slug: str = "madrid-2013", **fields: Any) -> Meeting:
    """A published meeting in Madrid across the end of summer time (27 October 2013)."""
    values: dict[str, Any] = {
        "slug": slug,
        "kind": MeetingKind.THEMATIC,
        "title_en": "Border management at the operational level",
        "title_fr": "La gestion des frontières au niveau opérationnel",
        "published": True,
        # 10:00 CEST on Saturday = 08:00 UTC; 17:00 CET on Monday = 16:00 UTC.
        "starts_at": datetime(2013, 10, 26, 8, 0, tzinfo=UTC),
        "ends_at": datetime(2013, 10, 28, 16, 0, tzinfo=UTC),
        "timezone": "Europe/Madrid",
        "venue_en": "Ministry of the Interior",
        "city_en": "Madrid",
        "city_fr": "Madrid",
        "host_country": Country.objects.get(iso3="ESP"),
    }
    values.update(fields)
    return Meeting.objects.create(**values)


def open_meeting(slug: str = "dakar-2027", **fields: Any) -> Meeting:
    """A published meeting next month whose registration is open now."""
    now = timezone.now()
    values: dict[str, Any] = {
        "title_en": "Strengthening evidence-based policy making",
        "title_fr": "Renforcer l'élaboration de politiques fondées sur des données",
        "starts_at": now + timedelta(days=30),
        "ends_at": now + timedelta(days=32),
        "timezone": "Africa/Dakar",
        "city_en": "Dakar",
        "host_country": Country.objects.get(iso3="SEN"),
        "registration_opens_at": now - timedelta(days=1),
        "registration_closes_at": now + timedelta(days=20),
        "delegation_size": 3,
    }
    values.update(fields)
    return meeting(slug, **values)


def registration(
    on: Meeting, iso3: str = "SEN", status: str = Registration.Status.DRAFT, **fields: Any
) -> Registration:
    return Registration.objects.create(
        meeting=on, country=Country.objects.get(iso3=iso3), status=status, **fields
    )


def delegate(of: Registration, name: str = "Awa Diop", **fields: Any) -> Delegate:
    values: dict[str, Any] = {"full_name": name, "function": "Director", "email": ""}
    values.update(fields)
    return Delegate.objects.create(registration=of, **values)


def walk_samples() -> dict[str, dict[str, object]]:
    """The URL walk's arguments for registration and the calendars (test_url_walk.py): an
    open meeting with Senegal's submitted delegation, and a calendar address."""
    now = timezone.now()
    walk = Meeting.objects.create(
        slug="walk-meeting",
        kind=MeetingKind.THEMATIC,
        title="Walk meeting",
        title_en="Walk meeting",
        published=True,
        starts_at=now + timedelta(days=30),
        ends_at=now + timedelta(days=31),
        timezone="Europe/Madrid",
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=20),
    )
    sen = registration(walk, status=Registration.Status.SUBMITTED)
    delegate(sen)
    person = Person.objects.create(full_name="Walk Calendar", email="walk-calendar@example.org")
    token = CalendarToken.objects.create(person=person)
    slug: dict[str, object] = {"slug": walk.slug}
    country: dict[str, object] = {"slug": walk.slug, "iso3": "SEN"}
    return {
        "registrations:calendar_kind": {"kind": "thematic"},
        "registrations:calendar_country": {"iso3": "SEN"},
        "registrations:meeting_ics": slug,
        "registrations:personal_calendar": {"token": token.token},
        "registrations:meeting_registrations": slug,
        "registrations:participants": slug,
        "registrations:registration": country,
        "registrations:registration_submit": country,
        "registrations:registration_withdraw": country,
        "registrations:registration_confirm": country,
    }


def prop(component: Any, name: str) -> Any:
    """A property of an icalendar component, untyped (its value types are a wide union)."""
    return component[name]
