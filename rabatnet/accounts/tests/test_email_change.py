"""Changing one's own address: confirmed from the new address, silent about who has it."""

import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from rabatnet.accounts import services
from rabatnet.accounts.models import User
from rabatnet.network.models import Person
from rabatnet.network.tests.factories import PASSWORD, PersonFactory, UserFactory

EMAIL_URL = "/en/accounts/email/"
NEW = "new.address@example.org"
LINK = re.compile(r"http://testserver(/en/accounts/email/confirm/[^/\s]+/)")


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    def ask(email: str, password: str = PASSWORD):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(EMAIL_URL, {"email": email, "password": password}, follow=True)

    return ask


def _confirm_link() -> str:
    (message,) = [m for m in mail.outbox if LINK.search(str(m.body))]
    match = LINK.search(str(message.body))
    assert match
    return match.group(1)


def _confirm(client, captured, link: str):
    with captured(execute=True):
        return client.post(link)


def test_asking_changes_nothing_and_mails_a_link_to_the_new_address(client, member: User, ask):
    client.force_login(member)
    old = member.email

    response = ask(NEW)

    assert response.status_code == 200
    member.refresh_from_db()
    assert member.email == old
    assert Person.objects.get(user=member).email == old
    (message,) = mail.outbox
    assert message.to == [NEW]
    assert old not in message.body
    assert _confirm_link()


def _normalised(page: str, email: str) -> str:
    """The page with the address asked for and the per-response CSRF tokens blanked."""
    page = re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', r"\1TOKEN", page)
    return page.replace(email, "ADDRESS")


def test_the_answer_is_the_same_for_an_address_someone_else_has(client, member: User, ask):
    taken_by_account = UserFactory.create(email="taken.account@example.org").email
    taken_by_person = PersonFactory.create(email="taken.person@example.org", user=None).email
    client.force_login(member)

    answers = {
        _normalised(ask(email).content.decode(), email)
        for email in (NEW, taken_by_account, taken_by_person)
    }

    assert len(answers) == 1
    assert "already" not in answers.pop()
    assert [m.to for m in mail.outbox] == [[NEW], [taken_by_account], [taken_by_person]]


def test_the_change_takes_effect_when_the_new_address_confirms(
    client, member: User, ask, django_capture_on_commit_callbacks
):
    client.force_login(member)
    old = member.email
    ask(NEW)
    link = _confirm_link()
    mail.outbox.clear()

    assert client.get(link).status_code == 200
    member.refresh_from_db()
    assert member.email == old
    response = _confirm(client, django_capture_on_commit_callbacks, link)

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == NEW
    assert Person.objects.get(user=member).email == NEW
    (notice,) = mail.outbox
    assert notice.to == [old]
    assert NEW in notice.body
    # The new address signs in; the link works once only.
    client.logout()
    assert (
        client.post("/en/accounts/login/", {"username": NEW, "password": PASSWORD}).status_code
        == 302
    )
    client.force_login(member)
    assert _confirm(client, django_capture_on_commit_callbacks, link).status_code == 400


def test_an_address_taken_meanwhile_is_refused_at_confirmation(
    client, member: User, ask, django_capture_on_commit_callbacks
):
    client.force_login(member)
    old = member.email
    ask(NEW)
    UserFactory.create(email=NEW.upper())

    response = _confirm(client, django_capture_on_commit_callbacks, _confirm_link())

    assert response.status_code == 400
    assert "already used" in response.content.decode()
    member.refresh_from_db()
    assert member.email == old


def test_the_link_works_only_for_its_own_account(
    client, member: User, ask, django_capture_on_commit_callbacks
):
    client.force_login(member)
    ask(NEW)
    link = _confirm_link()
    other = UserFactory.create()
    client.force_login(other)

    assert _confirm(client, django_capture_on_commit_callbacks, link).status_code == 400
    other.refresh_from_db()
    assert other.email != NEW


def test_a_link_expires(client, member: User, monkeypatch):
    token = signing.dumps(
        {"user": member.pk, "from": member.email, "to": NEW}, salt=services.EMAIL_CHANGE_SALT
    )
    later = timezone.now().timestamp() + services.EMAIL_CHANGE_MAX_AGE + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    client.force_login(member)

    response = client.post(f"/en/accounts/email/confirm/{token}/")

    assert response.status_code == 400
    member.refresh_from_db()
    assert member.email != NEW


def test_asking_needs_the_password(client, member: User, ask):
    client.force_login(member)

    response = ask(NEW, password="not the password")

    assert "This is not your password." in response.content.decode()
    assert not mail.outbox


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(EMAIL_URL)

    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")


def test_ones_own_record_no_longer_says_who_has_an_address(client, member: User):
    PersonFactory.create(email="taken.person@example.org", user=None)
    person = Person.objects.get(user=member)
    client.force_login(member)
    data = {
        "full_name": person.full_name,
        "email": "taken.person@example.org",
        "version": person.version,
        "directory_consent": "on",
    }

    response = client.post(f"/en/private/people/{person.pk}/edit/", data)

    assert "Another person already has" not in response.content.decode()
    person.refresh_from_db()
    assert person.email == member.email
