"""The newsletter's parts of the network: handover, erasure, preferences, personal data."""

import pytest

from rabatnet.core.tests.narrowing import present
from rabatnet.network.models import Handover
from rabatnet.network.registries import PERSONAL_DATA, PREFERENCE_SECTIONS
from rabatnet.network.signals import person_erasing, person_handed_over
from rabatnet.network.tests import factories as f
from rabatnet.newsletter.models import Delivery, Subscriber

from .factories import sent_issue, subscriber

pytestmark = pytest.mark.django_db


def _handover():
    ended = f.AppointmentFactory.create()
    started = f.AppointmentFactory.create(person__language="fr")
    return Handover.objects.create(ended=ended, started=started)


def test_the_successor_gets_the_subscription_in_their_language():
    handover = _handover()
    subscriber(handover.ended.person.email, person=handover.ended.person)

    replies = person_handed_over.send(sender=Handover, handover=handover)

    assert {"newsletter": 1} in [reply for _, reply in replies]
    mine = Subscriber.objects.get(person=handover.started.person)
    assert mine.status == Subscriber.Status.ACTIVE
    assert mine.language == "fr"
    assert Subscriber.objects.get(person=handover.ended.person).status == "active"


def test_no_subscription_is_made_when_the_predecessor_had_none():
    handover = _handover()
    replies = person_handed_over.send(sender=Handover, handover=handover)
    assert {"newsletter": 0} in [reply for _, reply in replies]
    assert not Subscriber.objects.exists()


def test_erasure_removes_the_subscription_and_its_deliveries():
    person = f.PersonFactory.create()
    row = subscriber(person.email, person=person)
    Delivery.objects.create(issue=sent_issue(), subscriber=row, status="sent")
    other = subscriber("other@example.org")

    person_erasing.send(sender=type(person), person=person)

    assert list(Subscriber.objects.all()) == [other]
    assert not Delivery.objects.exists()


def test_the_preference_centre_subscribes_a_member_without_a_confirmation_mail(
    rf, mailoutbox, django_capture_on_commit_callbacks
):
    person = f.PersonFactory.create()
    section = PREFERENCE_SECTIONS["newsletter"]
    form = section.form(person, {"newsletter-subscribed": "on", "newsletter-language": "fr"})
    assert form.is_valid()

    with django_capture_on_commit_callbacks(execute=True):
        section.save(form, person, rf.get("/"))

    row = Subscriber.objects.get(person=person)
    assert (row.email, row.status, row.language) == (present(person.user).email, "active", "fr")
    assert not mailoutbox
    assert section.form(person, None).initial == {"subscribed": True, "language": "fr"}

    off = section.form(person, {"newsletter-language": "fr"})
    assert off.is_valid()
    section.save(off, person, rf.get("/"))
    row.refresh_from_db()
    assert row.status == Subscriber.Status.UNSUBSCRIBED


def test_personal_data_lists_the_subscription():
    person = f.PersonFactory.create()
    assert PERSONAL_DATA["newsletter"](person) is None
    row = subscriber(person.email, person=person, language="fr")
    Delivery.objects.create(issue=sent_issue(2026, 1), subscriber=row, status="sent")
    data = PERSONAL_DATA["newsletter"](person)
    assert data["email"] == person.email
    assert data["issues_received"] == ["2026 Q1"]
