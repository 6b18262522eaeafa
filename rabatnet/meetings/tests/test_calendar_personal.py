"""The personal feed: its token is the secret; wrong or replaced tokens are not found; it
holds the meetings of the person's countries and delegations (all for the secretariat)."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from rabatnet.meetings.models import CalendarToken
from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f

from .registration_samples import (  # noqa: F401
    delegate,
    meeting,
    open_meeting,
    prop,
    registration,
)

pytestmark = pytest.mark.django_db


def feed_url(token: CalendarToken) -> str:
    return reverse("registrations:personal_calendar", kwargs={"token": token.token})


def uids(client, token: CalendarToken) -> set[str]:
    response = client.get(feed_url(token))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {
        str(prop(e, "UID")).split("@")[0]
        for e in Calendar.from_ical(response.content).walk("VEVENT")
    }


def test_the_feed_holds_the_countrys_and_the_persons_meetings(client):
    registered = open_meeting("registered")
    drafted = open_meeting("drafted")
    other_country = open_meeting("other")
    as_delegate = open_meeting("as-delegate")
    registration(registered, status="confirmed")
    registration(drafted)
    registration(other_country, "MLI", status="submitted")
    person = Person.objects.get(user=f.focal_point("SEN"))
    mali = registration(as_delegate, "MLI", status="submitted")
    delegate(mali, person=person)

    token = CalendarToken.objects.create(person=person)
    assert uids(client, token) == {str(registered.uid), str(as_delegate.uid)}

    secretariat = CalendarToken.objects.create(person=Person.objects.get(user=f.secretariat()))
    unpublished = meeting("unpublished", published=False)
    assert str(unpublished.uid) in uids(client, secretariat)
    assert len(uids(client, secretariat)) == 5


def test_a_wrong_token_is_not_found(client):
    CalendarToken.objects.create(person=Person.objects.get(user=f.focal_point("SEN")))
    for token in ["x" * 43, "short", "%00" * 20, "é" * 30, "a" * 70]:
        assert client.get(f"/en/private/calendar/{token}.ics").status_code == 404


def test_replacing_the_address_closes_the_old_one(client):
    user = f.focal_point("SEN")
    person = Person.objects.get(user=user)
    client.force_login(user)
    centre = reverse("network:notifications")
    page = client.get(centre).content.decode()
    assert "You have no calendar address yet." in page

    client.post(centre, {"section": "calendar", "calendar-replace": "on"})
    first = CalendarToken.objects.get(person=person)
    assert feed_url(first) in client.get(centre).content.decode()
    client.post(centre, {"section": "calendar", "calendar-replace": "on"})
    second = CalendarToken.objects.get(person=person)
    assert second.token != first.token

    client.logout()  # a calendar application has no session
    assert client.get(feed_url(first)).status_code == 404
    assert client.get(feed_url(second)).status_code == 200
    # Not ticking the box changes nothing.
    client.force_login(user)
    response = client.post(centre, {"section": "calendar"})
    assert response.status_code == 200
    assert CalendarToken.objects.get(person=person).token == second.token


def test_an_erased_persons_feed_is_gone(client):
    person = Person.objects.get(user=f.focal_point("SEN"))
    token = CalendarToken.objects.create(person=person)
    from rabatnet.meetings.registration_receivers import forget_person

    forget_person(sender=None, person=person)
    assert client.get(feed_url(token)).status_code == 404
