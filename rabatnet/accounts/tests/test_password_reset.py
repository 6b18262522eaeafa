"""Password reset by e-mail; the message goes out through the ``send_email`` task."""

import re

import pytest
from django.core import mail

from rabatnet.accounts import services
from rabatnet.accounts.models import User
from rabatnet.network.tests.factories import PASSWORD, UserFactory

from .helpers import PRIVATE_URL, redirect_url, sign_in, signed_in_user_id

RESET_URL = "/en/accounts/password-reset/"
SENT_URL = "/en/accounts/password-reset/sent/"
NEW_PASSWORD = "a brand new passphrase for Dakar"
LINK = re.compile(r"http://testserver(/(?:en|fr)/accounts/reset/[\w-]+/[\w-]+/)")


def ask_for_reset(client, capture, email: str, url: str = RESET_URL):
    with capture(execute=True):
        return client.post(url, {"email": email})


def reset_link(message: mail.EmailMessage) -> str:
    match = LINK.search(str(message.body))
    assert match, message.body
    return match.group(1)


@pytest.mark.django_db
def test_reset_page_shows_the_form(client):
    response = client.get(RESET_URL)

    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_reset_sends_one_message_with_a_link(
    client, member: User, django_capture_on_commit_callbacks
):
    response = ask_for_reset(client, django_capture_on_commit_callbacks, member.email.upper())

    assert response.status_code == 302
    assert response.url == SENT_URL
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject == "Reset your password on testserver"
    assert "\n" not in message.subject
    assert reset_link(message).startswith("/en/accounts/reset/")


def test_message_waits_for_the_commit_and_goes_through_the_task(
    client, member: User, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(RESET_URL, {"email": member.email})

    assert len(callbacks) == 1
    assert mail.outbox == []

    callbacks[0]()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]


def test_following_the_link_sets_a_new_password(
    client, member: User, django_capture_on_commit_callbacks
):
    ask_for_reset(client, django_capture_on_commit_callbacks, member.email)
    link = reset_link(mail.outbox[0])

    response = client.get(link)
    assert response.status_code == 302
    assert response.url.endswith("/set-password/")
    form_page = client.get(response.url)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True

    response = client.post(
        response.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == "/en/accounts/reset/done/"
    assert "Your new password is set." in client.get(response.url).content.decode()
    assert signed_in_user_id(client) is None
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)

    response = sign_in(client, member.email, password=NEW_PASSWORD)
    assert response.status_code == 302
    assert redirect_url(response) == PRIVATE_URL
    assert signed_in_user_id(client) == str(member.pk)


def test_old_password_no_longer_works_after_a_reset(
    client, member: User, django_capture_on_commit_callbacks
):
    ask_for_reset(client, django_capture_on_commit_callbacks, member.email)
    form_url = client.get(reset_link(mail.outbox[0])).url
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    sign_in(client, member.email, password=PASSWORD)

    assert signed_in_user_id(client) is None


def test_the_link_works_only_once(client, member: User, django_capture_on_commit_callbacks):
    ask_for_reset(client, django_capture_on_commit_callbacks, member.email)
    link = reset_link(mail.outbox[0])
    form_url = client.get(link).url
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    response = client.get(link)

    assert response.status_code == 200
    assert response.context["validlink"] is False
    assert "This link is not valid any more" in response.content.decode()


def test_weak_new_password_is_refused(client, member: User, django_capture_on_commit_callbacks):
    ask_for_reset(client, django_capture_on_commit_callbacks, member.email)
    form_url = client.get(reset_link(mail.outbox[0])).url

    response = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


@pytest.mark.django_db
def test_tampered_link_is_refused(client):
    response = client.get("/en/accounts/reset/MQ/not-a-real-token/")

    assert response.status_code == 200
    assert response.context["validlink"] is False


@pytest.mark.django_db
def test_unknown_email_gets_the_same_page_and_no_message(
    client, django_capture_on_commit_callbacks
):
    response = ask_for_reset(client, django_capture_on_commit_callbacks, "nobody@example.org")

    assert response.status_code == 302
    assert response.url == SENT_URL
    assert "Check your e-mail" in client.get(response.url).content.decode()
    assert mail.outbox == []


@pytest.mark.django_db
def test_inactive_account_gets_no_message(client, django_capture_on_commit_callbacks):
    user = UserFactory.create(is_active=False)

    response = ask_for_reset(client, django_capture_on_commit_callbacks, user.email)

    assert response.url == SENT_URL
    assert mail.outbox == []


@pytest.mark.django_db
def test_account_created_without_password_can_choose_one(
    client, django_capture_on_commit_callbacks
):
    """``user_create`` without a password: the reset e-mail is the way in."""
    user = services.user_create(email="invited@example.org", full_name="Awa Diop")

    ask_for_reset(client, django_capture_on_commit_callbacks, user.email)

    assert len(mail.outbox) == 1
    form_url = client.get(reset_link(mail.outbox[0])).url
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_french_request_gets_a_french_link(
    client, member: User, django_capture_on_commit_callbacks
):
    ask_for_reset(
        client, django_capture_on_commit_callbacks, member.email, url="/fr/accounts/password-reset/"
    )

    assert len(mail.outbox) == 1
    assert reset_link(mail.outbox[0]).startswith("/fr/accounts/reset/")
