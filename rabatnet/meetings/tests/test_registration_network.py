"""Registration in the network's pages and signals: "my data", the welcome pack, erasure
and handover."""

import pytest
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.meetings.models import CalendarToken, Delegate
from rabatnet.network.erasure import person_erase
from rabatnet.network.handover import handover
from rabatnet.network.models import Appointment, Person, Role
from rabatnet.network.personal_data import collect_personal_data
from rabatnet.network.tests import factories as f
from rabatnet.network.welcome import welcome_sections

from .registration_samples import (  # noqa: F401
    delegate,
    open_meeting,
    registration,
)

pytestmark = pytest.mark.django_db


def test_my_data_lists_my_delegations_never_the_calendar_secret():
    person = Person.objects.get(user=f.focal_point("SEN"))
    delegate(registration(open_meeting()), person=person, travel_details="AF 718")
    token = CalendarToken.objects.create(person=person)
    data = collect_personal_data(person)["meetings"]
    [delegation] = data["delegations"]
    assert delegation["country"] == "SEN" and delegation["travel_details"] == "AF 718"
    assert data["calendar_address_created_at"]
    assert token.token not in str(data)


def test_the_welcome_pack_shows_the_countrys_upcoming_meetings():
    person = Person.objects.get(user=f.focal_point("SEN"))
    registered = open_meeting("registered")
    registration(registered, status="submitted")
    open_meeting("open")
    [section] = [
        s
        for s in welcome_sections(person, Country.objects.get(iso3="SEN"))
        if str(s.title) == "Upcoming meetings"
    ]
    texts = [item.text for item in section.items]
    assert any(t.endswith(": submitted") for t in texts)
    assert any(t.endswith(": registration open") for t in texts)
    assert all(item.link.startswith("/en/private/meetings/") for item in section.items)


def test_erasure_anonymises_the_delegate_rows_and_keeps_the_counts():
    person = Person.objects.get(user=f.focal_point("SEN"))
    by_link = delegate(
        registration(open_meeting()), person=person, email="x@example.org", travel_details="AF 718"
    )
    by_address = delegate(
        registration(open_meeting("b")), "Same Person", email=person.email.upper()
    )
    other = delegate(by_link.registration, "Someone Else", email="else@example.org")
    CalendarToken.objects.create(person=person)

    erasure = person_erase(person=person, actor=f.secretariat())

    assert erasure.removed["meeting_delegations"] == 2
    assert erasure.removed["meeting_calendar_address"] == 1
    for row in (by_link, by_address):
        row.refresh_from_db()
        assert (row.person, row.email, row.travel_details, row.arrival_on) == (None, "", "", None)
        assert row.full_name == "erased person"
    assert Delegate.objects.count() == 3  # counts stay
    other.refresh_from_db()
    assert other.full_name == "Someone Else"
    assert not CalendarToken.objects.exists()


def test_a_handover_moves_nothing_personal():
    post = f.AppointmentFactory.create(role=Role.FOCAL_POINT)
    predecessor_token = CalendarToken.objects.create(person=post.person)
    successor = f.PersonFactory.create()
    done = handover(
        appointment=post,
        successor=successor,
        on=timezone.localdate(),
        actor=f.secretariat(),
        site_url="https://testserver",
    )
    assert not CalendarToken.objects.filter(person=successor).exists()
    predecessor_token.refresh_from_db()
    assert predecessor_token.person == post.person
    assert Appointment.objects.filter(person=successor, role=Role.FOCAL_POINT).exists()
    assert not any(key.startswith("meeting") for key in done.moved)
