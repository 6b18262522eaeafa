"""Confirming one's details every six months: the button, the reminder, the overdue flag."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rabatnet.network.confirmation import people_to_remind
from rabatnet.network.models import Person
from rabatnet.network.tasks import send_confirmation_reminders
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def _person(name: str, confirmed_days_ago: int | None, **kwargs) -> Person:
    confirmed = (
        None if confirmed_days_ago is None else timezone.now() - timedelta(days=confirmed_days_ago)
    )
    return f.AppointmentFactory.create(
        person__full_name=name, person__details_confirmed_at=confirmed, **kwargs
    ).person


def test_confirm_button_on_own_page(client):
    person = _person("Awa Due", None)
    url = reverse("network:person_detail", kwargs={"pk": person.pk})
    client.force_login(person.user)
    page = client.get(url).content.decode()
    assert "My details are correct" in page
    response = client.post(reverse("network:person_confirm", kwargs={"pk": person.pk}))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.details_confirmed_at is not None
    assert timezone.now() - person.details_confirmed_at < timedelta(minutes=1)


def test_only_the_person_confirms(client):
    person = _person("Awa Due", None)
    url = reverse("network:person_confirm", kwargs={"pk": person.pk})
    assert client.post(url).status_code == 302  # anonymous: to sign in
    for other in [f.secretariat(), f.focal_point("SEN")]:
        client.force_login(other)
        assert client.post(url).status_code == 403
    client.force_login(person.user)
    assert client.get(url).status_code == 405
    person.refresh_from_db()
    assert person.details_confirmed_at is None


def test_private_home_asks_when_due(client):
    due = _person("Awa Due", 200)
    fresh = _person("Moussa Fresh", 10)
    client.force_login(due.user)
    assert "My details are correct" in client.get(reverse("network:private_home")).content.decode()
    client.force_login(fresh.user)
    page = client.get(reverse("network:private_home")).content.decode()
    assert "My details are correct" not in page


def test_saving_ones_own_record_confirms(client):
    person = _person("Awa Due", None)
    client.force_login(person.user)
    url = reverse("network:person_edit", kwargs={"pk": person.pk})
    data = {"full_name": "Awa Due", "version": person.version, "language": "fr"}
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.details_confirmed_at is not None and person.language == "fr"


def test_secretariat_editing_does_not_confirm_for_the_person(client):
    person = _person("Awa Due", None)
    client.force_login(f.secretariat())
    url = reverse("network:person_edit", kwargs={"pk": person.pk})
    data = {"full_name": "Awa Due", "email": person.email, "version": person.version}
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.details_confirmed_at is None


def test_person_edits_consents_and_working_languages(client):
    person = _person("Awa Due", None)
    client.force_login(person.user)
    url = reverse("network:person_edit", kwargs={"pk": person.pk})
    data = {
        "full_name": "Awa Due",
        "version": person.version,
        "share_email": "on",
        "share_phone": "on",
        "working_languages": "FR, en fr",
    }
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert (person.share_email, person.share_phone) == (True, True)
    assert person.working_languages == "fr en"
    data = {**data, "version": person.version, "working_languages": "fr xx"}
    page = client.post(url, data).content.decode()
    assert "“xx” is not an ISO 639-1 language code" in page


def test_last_confirmed_shown_to_the_secretariat(client):
    person = _person("Awa Due", 200)
    client.force_login(f.secretariat())
    directory = client.get(reverse("network:directory")).content.decode()
    assert "Last confirmed" in directory and "confirmation overdue" in directory
    page = client.get(person.get_absolute_url()).content.decode()
    assert "Last confirmed" in page
    client.force_login(f.focal_point("MLI"))
    assert "Last confirmed" not in client.get(reverse("network:directory")).content.decode()
    assert "Last confirmed" not in client.get(person.get_absolute_url()).content.decode()


def test_overdue_flagged_on_the_secretariats_home(client):
    _person("Awa Never", None)
    _person("Binta Late", 200)
    _person("Chris Fresh", 10)
    client.force_login(f.secretariat(person__details_confirmed_at=timezone.now()))
    page = client.get(reverse("network:private_home")).content.decode()
    assert "2 people in post have not confirmed" in page
    assert "Awa Never" in page and "Binta Late" in page and "Chris Fresh" not in page
    client.force_login(f.focal_point("MLI"))
    page = client.get(reverse("network:private_home")).content.decode()
    assert "Awa Never" not in page and "people in post have not confirmed" not in page


def test_reminder_task_who_language_and_not_twice():
    never = _person("Awa Never", None, person__language="fr")
    late = _person("Binta Late", 200)
    _person("Chris Fresh", 10)
    reminded = _person("Dina Reminded", 200, person__confirmation_reminded_at=timezone.now())
    former = _person(
        "Eve Former",
        None,
        starts_on=timezone.localdate() - timedelta(days=400),
        ends_on=timezone.localdate() - timedelta(days=1),
    )

    assert send_confirmation_reminders.enqueue().return_value == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([never.email, late.email])
    french = next(m for m in mail.outbox if m.to == [never.email])
    english = next(m for m in mail.outbox if m.to == [late.email])
    # Each in their language: the link (and, once translated, the text) follows it.
    assert "confirm your details" in english.subject
    assert f"https://testserver/fr/private/people/{never.pk}/" in french.body
    assert f"https://testserver/en/private/people/{late.pk}/" in english.body
    never.refresh_from_db()
    assert never.confirmation_reminded_at is not None
    assert reminded.email not in [m.to[0] for m in mail.outbox]
    assert former.email not in [m.to[0] for m in mail.outbox]

    mail.outbox.clear()
    assert send_confirmation_reminders.enqueue().return_value == 0
    assert mail.outbox == []
    Person.objects.filter(pk=never.pk).update(
        confirmation_reminded_at=timezone.now() - timedelta(days=31)
    )
    assert send_confirmation_reminders.enqueue().return_value == 1
    assert [m.to for m in mail.outbox] == [[never.email]]


def test_command_enqueues_a_reminder_per_person():
    _person("Awa Never", None)
    _person("Binta Late", 200)
    out, err = io.StringIO(), io.StringIO()
    call_command("send_confirmation_reminders", stdout=out, stderr=err)
    assert "2 reminder(s) queued." in out.getvalue()
    assert len(mail.outbox) == 2  # the immediate backend runs them at once
    assert list(people_to_remind()) == []
