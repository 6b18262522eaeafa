"""Double opt-in, one answer for every address, and one-click unsubscription (RFC 8058)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from rabatnet.newsletter.models import Subscriber

from .factories import subscriber

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/en/newsletter/subscribe/"


def _ask(client, email: str, language: str = "fr", capture=None):
    with capture(execute=True):
        return client.post(SUBSCRIBE, {"email": email, "language": language})


def test_subscribing_mails_a_confirmation_link_in_the_chosen_language_and_nothing_else(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    response = _ask(client, "new@example.org", "fr", django_capture_on_commit_callbacks)

    assert response.status_code == 200
    row = Subscriber.objects.get(email="new@example.org")
    assert row.status == Subscriber.Status.PENDING
    assert row.language == "fr"
    [mail] = mailoutbox
    assert mail.to == ["new@example.org"]
    assert f"https://testserver/fr/newsletter/confirm/{row.token}/" in mail.body


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(
    client, django_capture_on_commit_callbacks
):
    subscriber("known@example.org")
    known = _ask(client, "known@example.org", "en", django_capture_on_commit_callbacks)
    unknown = _ask(client, "unknown@example.org", "en", django_capture_on_commit_callbacks)

    def body(response) -> str:
        return response.content.decode().split('<main id="main"', 1)[1]

    assert known.status_code == unknown.status_code == 200
    assert body(known) == body(unknown)


def test_an_active_subscriber_is_not_mailed_more_than_once_a_day(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    subscriber("known@example.org", language="en")
    for _ in range(3):
        _ask(client, "KNOWN@example.org", "fr", django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1
    assert "already subscribed" in mailoutbox[0].body
    assert Subscriber.objects.get().language == "en"  # nobody else changes the language


def test_a_pending_address_gets_one_mail_a_day_then_another(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    _ask(client, "pending@example.org", "en", django_capture_on_commit_callbacks)
    _ask(client, "pending@example.org", "en", django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1

    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(days=2))
    _ask(client, "pending@example.org", "en", django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 2


def test_a_bad_address_is_a_form_error(client, mailoutbox):
    response = client.post(SUBSCRIBE, {"email": "not an address", "language": "xx"})

    assert response.status_code == 200
    assert b'class="error"' in response.content
    assert not Subscriber.objects.exists()
    assert not mailoutbox


def test_following_the_link_by_get_confirms_nothing_the_button_does(client):
    row = subscriber("p@example.org", status=Subscriber.Status.PENDING, confirmed_at=None)
    url = f"/en/newsletter/confirm/{row.token}/"

    page = client.get(url)
    row.refresh_from_db()
    assert page.status_code == 200
    assert b"<form" in page.content
    assert row.status == Subscriber.Status.PENDING

    client.post(url)
    row.refresh_from_db()
    assert row.status == Subscriber.Status.ACTIVE
    assert row.confirmed_at is not None


def test_a_made_up_confirmation_token_is_not_found(client):
    assert client.post("/en/newsletter/confirm/made-up/").status_code == 404
    assert client.get("/en/newsletter/confirm/" + "x" * 300 + "/").status_code == 404


def test_one_click_post_unsubscribes_without_cookie_or_csrf_token():
    row = subscriber("leaving@example.org")
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        f"/en/newsletter/unsubscribe/{row.token}/",
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    row.refresh_from_db()
    assert response.status_code == 200
    assert row.status == Subscriber.Status.UNSUBSCRIBED
    assert b"no more issues" in response.content
    assert not response.cookies  # nothing set: no session, no CSRF cookie


def test_the_get_shows_one_button_and_changes_nothing(client):
    row = subscriber("leaving@example.org")

    response = client.get(f"/en/newsletter/unsubscribe/{row.token}/")

    row.refresh_from_db()
    assert row.status == Subscriber.Status.ACTIVE
    assert response.content.count(b"<button") >= 1
    assert b"csrfmiddlewaretoken" not in response.content


@pytest.mark.parametrize("token", ["made-up-token", "", "../../etc", "a" * 65])
def test_another_or_a_made_up_token_unsubscribes_nobody(token):
    mine = subscriber("me@example.org")
    other = subscriber("other@example.org")
    client = Client(enforce_csrf_checks=True)

    for candidate in [token, mine.token + "x", mine.token[:-1]]:
        response = client.post(
            f"/en/newsletter/unsubscribe/{candidate}/",
            data="List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 404

    assert set(Subscriber.objects.values_list("status", flat=True)) == {"active"}
    # The owner's own token unsubscribes the owner, never the other.
    client.post(
        f"/en/newsletter/unsubscribe/{mine.token}/",
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    other.refresh_from_db()
    assert other.status == Subscriber.Status.ACTIVE


def test_confirming_again_after_unsubscribing_resubscribes_and_clears_hard_bounces(client):
    row = subscriber("back@example.org", status=Subscriber.Status.UNSUBSCRIBED, hard_bounces=2)

    client.post(f"/en/newsletter/confirm/{row.token}/")

    row.refresh_from_db()
    assert row.status == Subscriber.Status.ACTIVE
    assert row.hard_bounces == 0
