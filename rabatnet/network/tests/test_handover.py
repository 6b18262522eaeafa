"""A post handed over in one step: the predecessor's history stays, the successor is welcomed."""

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from rabatnet.network.handover import NewSuccessor, handover
from rabatnet.network.models import Appointment, Handover, Person, Role
from rabatnet.network.signals import person_handed_over
from rabatnet.network.tests import factories as f

from .lifecycle import half_signed_in_status, status

pytestmark = pytest.mark.django_db


def today() -> date:
    """Today, read when a test runs: a constant taken at collection goes stale at midnight."""
    return timezone.localdate()


@pytest.fixture
def post() -> Appointment:
    """Senegal's focal point, in post for 30 days."""
    return f.AppointmentFactory.create(role=Role.FOCAL_POINT, person__full_name="Aminata Ndiaye")


def test_handover_form_triad(client, post):
    url = reverse("network:handover", kwargs={"pk": post.pk})
    assert status(client, None, url) == 302
    assert "/accounts/login/" in client.get(url)["Location"]
    code, where = half_signed_in_status(client, f.secretariat(), url)
    assert code == 302 and "two-factor" in where
    assert status(client, f.focal_point("SEN"), url) == 403
    assert status(client, post.person.user, url) == 403
    assert status(client, f.secretariat(), url) == 200
    assert status(client, f.secretariat(), url, "post") == 200  # empty: the form says why


def _hand_over(client: Client, post: Appointment, data: dict[str, Any]) -> Any:
    client.force_login(f.secretariat())
    url = reverse("network:handover", kwargs={"pk": post.pk})
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


def test_handover_moves_the_post_and_keeps_the_history(client, post):
    successor = f.PersonFactory.create(full_name="Moussa Diop", language="fr")
    f.AppointmentFactory.create(person__full_name="Fatou Sall", person__share_email=True)
    mail.outbox.clear()

    response = _hand_over(
        client, post, {"successor": successor.pk, "on": today(), "language": "en"}
    )

    assert response.status_code == 302 and response["Location"] == successor.get_absolute_url()
    post.refresh_from_db()
    assert post.ends_on == today()
    new = Appointment.objects.get(person=successor)
    assert (new.role, new.country, new.theme, new.starts_on, new.ends_on) == (
        post.role,
        post.country,
        post.theme,
        today(),
        None,
    )
    record = Handover.objects.get()
    assert (record.ended, record.started) == (post, new)
    assert record.welcomed_at is not None
    # The predecessor's page still shows the ended appointment.
    page = client.get(post.person.get_absolute_url()).content.decode()
    assert "Aminata Ndiaye" in page and today().strftime("%Y") in page
    assert Appointment.objects.filter(person=post.person).count() == 1
    # The welcome pack, in the successor's language (French links, French role names).
    (welcome,) = mail.outbox
    assert welcome.to == [successor.email]
    assert "https://testserver/fr/private/welcome/" in welcome.body
    assert "Fatou Sall — point focal national" in welcome.body and "Sénégal" in welcome.body
    assert "/fr/countries/SEN/guide/" in welcome.body


def test_a_new_successor_gets_a_person_an_account_an_invitation_and_the_welcome(client, post):
    mail.outbox.clear()
    data = {"full_name": "Ibrahima Fall", "email": "Ibrahima@Example.org", "language": "fr"}
    response = _hand_over(client, post, {**data, "on": today()})

    assert response.status_code == 302
    person = Person.objects.get(email="ibrahima@example.org")
    assert person.user is not None and person.language == "fr"
    assert Appointment.objects.current().filter(person=person, role=Role.FOCAL_POINT).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["ibrahima@example.org"] * 2
    assert any("/fr/accounts/" in m.body for m in mail.outbox)  # the invitation, in French


def test_the_form_refuses_both_or_neither_successor(client, post):
    other = f.PersonFactory.create()
    both = {"successor": other.pk, "full_name": "X Y", "email": "x@example.org", "on": today()}
    for data in (both, {"on": today()}, {"full_name": "No Mail", "on": today()}):
        response = _hand_over(client, post, {**data, "language": "en"})
        assert response.status_code == 200
    taken = {"full_name": "Twin", "email": other.email, "on": today(), "language": "en"}
    assert "Another person already has" in _hand_over(client, post, taken).content.decode()
    assert not Handover.objects.exists()


def test_a_post_is_handed_over_once(client, post):
    first, second = f.PersonFactory.create(), f.PersonFactory.create()
    handover(appointment=post, successor=first, on=today(), actor=None, site_url="")
    with pytest.raises(ValidationError, match="already handed over"):
        handover(appointment=post, successor=second, on=today(), actor=None, site_url="")
    response = _hand_over(client, post, {"successor": second.pk, "on": today(), "language": "en"})
    assert response.status_code == 200
    assert "already handed over" in response.content.decode()
    assert Handover.objects.count() == 1


def test_an_ended_appointment_is_not_handed_over(post):
    post.ends_on = today() - timedelta(days=1)
    post.save()
    with pytest.raises(ValidationError, match="nothing to hand over"):
        handover(
            appointment=post,
            successor=f.PersonFactory.create(),
            on=today(),
            actor=None,
            site_url="",
        )
    too_early = f.AppointmentFactory.create(starts_on=today())
    with pytest.raises(ValidationError, match="after the start"):
        handover(
            appointment=too_early,
            successor=f.PersonFactory.create(),
            on=today(),
            actor=None,
            site_url="",
        )


def test_the_successor_cannot_be_the_predecessor(post):
    with pytest.raises(ValidationError, match="somebody else"):
        handover(appointment=post, successor=post.person, on=today(), actor=None, site_url="")
    assert not Handover.objects.exists()


def test_what_the_apps_moved_is_kept_on_the_handover(post):
    def forums_receiver(sender, *, handover, **kwargs):
        assert handover.started.person.full_name == "Heir"
        return {"forums": 3}

    person_handed_over.connect(forums_receiver, dispatch_uid="test-forums")
    try:
        record = handover(
            appointment=post,
            successor=NewSuccessor(full_name="Heir", email="heir@example.org"),
            on=today(),
            actor=None,
            site_url="https://testserver",
        )
    finally:
        person_handed_over.disconnect(dispatch_uid="test-forums")
    # Every receiver's summary is kept (the newsletter's too, once merged).
    assert Handover.objects.get(pk=record.pk).moved["forums"] == 3


# --- Two handovers at once ---------------------------------------------------------------


@pytest.fixture(scope="module")
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    from rabatnet.guides.tests.test_browser import _reference_and_seeds

    yield
    with django_db_blocker.unblock():
        _reference_and_seeds()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_handovers_at_once_one_wins(_reference_data_back):
    from rabatnet.guides.tests.test_browser import _reference_and_seeds

    _reference_and_seeds()
    post = f.AppointmentFactory.create()
    heirs = [f.PersonFactory.create(), f.PersonFactory.create()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def hand_over(heir: Person) -> None:
        try:
            seen = Appointment.objects.get(pk=post.pk)
            assert seen.ends_on is None  # both read the open post before either writes
            barrier.wait(timeout=10)
            handover(appointment=seen, successor=heir, on=today(), actor=None, site_url="")
            outcomes.append("won")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hand_over, args=(h,)) for h in heirs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["This post was already handed over.", "won"], outcomes
    assert Handover.objects.filter(ended=post).count() == 1
    assert Appointment.objects.filter(person__in=heirs).count() == 1
