"""Signing in with e-mail and password, signing out, and the way to the login page."""

from urllib.parse import quote

import pytest

from rabatnet.accounts.models import User
from rabatnet.network.tests.factories import PASSWORD, UserFactory

from .helpers import LOGIN_URL, PRIVATE_URL, redirect_url, sign_in, signed_in_user_id

WRONG_CREDENTIALS = "Please enter a correct e-mail address and password."


@pytest.mark.django_db
def test_login_page_shows_the_form(client):
    response = client.get(LOGIN_URL)

    assert response.status_code == 200
    assert "accounts/login.html" in [t.name for t in response.templates]
    content = response.content.decode()
    assert 'name="username"' in content
    assert 'name="password"' in content
    assert 'href="/en/accounts/password-reset/"' in content


@pytest.mark.parametrize("spelling", [str.lower, str.upper, str.title])
def test_sign_in_with_email_in_any_case_leads_to_private_area(client, member: User, spelling):
    response = sign_in(client, spelling(member.email))

    assert response.status_code == 302
    assert redirect_url(response) == PRIVATE_URL
    assert signed_in_user_id(client) == str(member.pk)
    assert client.get(PRIVATE_URL).status_code == 200


def test_wrong_password_shows_an_error_and_does_not_sign_in(client, member: User):
    response = sign_in(client, member.email, password="not the password")

    assert response.status_code == 200
    assert WRONG_CREDENTIALS in response.content.decode()
    assert response.context["form"].errors["__all__"]
    assert signed_in_user_id(client) is None
    assert client.get(PRIVATE_URL).status_code == 302


@pytest.mark.django_db
def test_unknown_email_gets_the_same_error(client):
    response = sign_in(client, "nobody@example.org")

    assert response.status_code == 200
    assert WRONG_CREDENTIALS in response.content.decode()
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_inactive_account_cannot_sign_in(client):
    user = UserFactory.create(is_active=False)

    response = sign_in(client, user.email)

    assert response.status_code == 200
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_account_without_password_cannot_sign_in(client):
    user = UserFactory.create(password=None)

    response = sign_in(client, user.email, password="")

    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert signed_in_user_id(client) is None


def test_sign_in_follows_a_local_next(client, member: User):
    response = sign_in(client, member.email, next="/en/private/directory/")

    assert response.status_code == 302
    assert redirect_url(response) == "/en/private/directory/"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_sign_in_ignores_a_next_to_another_site(client, member: User, target):
    response = sign_in(client, member.email, next=target)

    assert response.status_code == 302
    assert redirect_url(response) == PRIVATE_URL
    assert signed_in_user_id(client) == str(member.pk)


def test_signed_in_person_opening_login_goes_to_private_area(client, member: User):
    client.force_login(member)

    response = client.get(LOGIN_URL)

    assert response.status_code == 302
    assert response.url == PRIVATE_URL


def test_sign_out_ends_the_session(client, member: User):
    sign_in(client, member.email)
    assert signed_in_user_id(client) == str(member.pk)

    response = client.post("/en/accounts/logout/")

    assert response.status_code == 302
    assert response.url == "/en/"
    assert signed_in_user_id(client) is None
    assert client.get(PRIVATE_URL).status_code == 302


def test_sign_out_needs_a_post(client, member: User):
    client.force_login(member)

    assert client.get("/en/accounts/logout/").status_code == 405
    assert signed_in_user_id(client) == str(member.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        PRIVATE_URL,
        "/en/private/directory/",
        "/en/private/countries/SEN/",
        "/en/accounts/two-factor/",
        "/en/accounts/two-factor/verify/",
    ],
)
def test_anonymous_visitor_is_sent_to_login_with_next(client, path: str):
    response = client.get(path)

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next={quote(path)}"


@pytest.mark.django_db
def test_next_survives_the_trip_through_the_login_page(client, member: User):
    path = "/en/private/directory/"
    login_page = client.get(client.get(path).url)
    assert f'name="next" value="{path}"' in login_page.content.decode()

    response = sign_in(client, member.email, next=path)

    assert redirect_url(response) == path
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_login_page_in_french(client):
    response = client.get("/fr/accounts/login/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()
    assert 'action="/fr/accounts/login/"' in response.content.decode()


def test_french_sign_in_leads_to_french_private_area(client, member: User):
    response = client.post("/fr/accounts/login/", {"username": member.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/fr/private/"


@pytest.mark.django_db
def test_anonymous_french_visitor_is_sent_to_french_login(client):
    response = client.get("/fr/private/")

    assert response.status_code == 302
    assert response.url == "/fr/accounts/login/?next=/fr/private/"
