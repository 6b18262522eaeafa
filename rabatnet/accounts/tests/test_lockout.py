"""django-axes: too many failed sign-ins for one e-mail from one address lock that pair.

Attempts live in the database (``AccessAttempt``), so each test starts with none.
"""

from datetime import timedelta
from typing import Any, cast

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from rabatnet.accounts.lockout import axes_client_ip, axes_username
from rabatnet.accounts.models import User
from rabatnet.network.tests.factories import PASSWORD, UserFactory

from .helpers import LOGIN_URL, PRIVATE_URL, redirect_url, sign_in, signed_in_user_id

HOME_IP = "192.0.2.10"
OTHER_IP = "198.51.100.20"
LIMIT = settings.AXES_FAILURE_LIMIT
COOLOFF = settings.AXES_COOLOFF_TIME


def fail(client, email: str, ip: str = HOME_IP, times: int = LIMIT) -> None:
    for _ in range(times):
        response = sign_in(client, email, password="wrong guess", ip=ip)
        assert signed_in_user_id(client) is None
        assert response.status_code in (200, 429)


def assert_locked_out(response) -> None:
    assert response.status_code == 429
    assert "accounts/lockout.html" in [t.name for t in response.templates]
    content = response.content.decode()
    assert "Sign-in temporarily locked" in content
    assert "locked for a while, even with the right password" in content
    assert f"There were {LIMIT} failed attempts" in content


def test_configuration_locks_username_and_address_together():
    assert cast(Any, settings).AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_USERNAME_CALLABLE == "rabatnet.accounts.lockout.axes_username"
    assert LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60


def test_failures_below_the_limit_do_not_lock(client, member: User):
    fail(client, member.email, times=LIMIT - 1)

    response = sign_in(client, member.email, ip=HOME_IP)

    assert response.status_code == 302
    assert redirect_url(response) == PRIVATE_URL
    assert signed_in_user_id(client) == str(member.pk)


def test_success_resets_the_count(client, member: User):
    fail(client, member.email, times=LIMIT - 1)
    sign_in(client, member.email, ip=HOME_IP)
    client.logout()
    fail(client, member.email, times=LIMIT - 1)

    response = sign_in(client, member.email, ip=HOME_IP)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(member.pk)


def test_the_failure_reaching_the_limit_is_answered_with_the_lockout_page(client, member: User):
    fail(client, member.email, times=LIMIT - 1)

    response = sign_in(client, member.email, password="wrong guess", ip=HOME_IP)

    assert_locked_out(response)


def test_locked_out_even_with_the_right_password(client, member: User):
    fail(client, member.email)

    response = sign_in(client, member.email, ip=HOME_IP)

    assert_locked_out(response)
    assert signed_in_user_id(client) is None
    assert client.get(PRIVATE_URL).status_code == 302


def test_lockout_page_offers_a_password_reset(client, member: User):
    fail(client, member.email)

    response = sign_in(client, member.email, ip=HOME_IP)

    assert 'href="/en/accounts/password-reset/"' in response.content.decode()


def test_another_username_from_the_same_address_can_sign_in(client, member: User):
    colleague = UserFactory.create()
    fail(client, member.email)

    response = sign_in(client, colleague.email, ip=HOME_IP)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(colleague.pk)


def test_same_username_from_another_address_can_sign_in(client, member: User):
    fail(client, member.email)

    response = sign_in(client, member.email, ip=OTHER_IP)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(member.pk)


def test_changing_the_case_of_the_email_does_not_escape_the_lock(client, member: User):
    fail(client, member.email.upper(), times=2)
    fail(client, member.email.title(), times=LIMIT - 2)

    response = sign_in(client, member.email, ip=HOME_IP)

    assert_locked_out(response)


def age_attempts(by: timedelta) -> None:
    """Time travel: the recorded failures happened ``by`` earlier than recorded."""
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= by
        attempt.save(update_fields=["attempt_time"])


def test_still_locked_just_before_the_cooloff_ends(client, member: User):
    fail(client, member.email)
    age_attempts(COOLOFF - timedelta(minutes=1))

    response = sign_in(client, member.email, ip=HOME_IP)

    assert_locked_out(response)


def test_sign_in_works_again_after_the_cooloff(client, member: User):
    fail(client, member.email)
    assert AccessAttempt.objects.filter(username=member.email, ip_address=HOME_IP).exists()
    age_attempts(COOLOFF + timedelta(seconds=1))

    response = sign_in(client, member.email, ip=HOME_IP)

    assert response.status_code == 302
    assert redirect_url(response) == PRIVATE_URL
    assert signed_in_user_id(client) == str(member.pk)


def test_attempts_are_recorded_per_username_and_address(client, member: User):
    fail(client, member.email, times=2)
    fail(client, member.email, ip=OTHER_IP, times=1)

    attempts = {
        (a.username, a.ip_address): a.failures_since_start for a in AccessAttempt.objects.all()
    }

    assert attempts == {(member.email, HOME_IP): 2, (member.email, OTHER_IP): 1}


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "Ana@Example.ORG", "password": "********************"},
        {"email": "ana@example.org ", "password": "x"},
    ],
)
def test_axes_username_reads_either_key_and_folds_case(rf, credentials: dict):
    assert axes_username(rf.post("/"), credentials) == "ana@example.org"


def test_axes_username_falls_back_to_the_posted_form(rf):
    assert axes_username(rf.post("/", {"username": "ANA@example.org"})) == "ana@example.org"
    assert axes_username(rf.post("/", {})) is None


# --- Behind a proxy ----------------------------------------------------------------------

PROXY_IP = "10.0.0.2"


@pytest.fixture
def behind_one_proxy(settings):
    """As in production: one TLS proxy appends the client's address to X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = 1


def sign_in_via_proxy(client, email: str, forwarded_for: str, password: str = PASSWORD):
    return client.post(
        LOGIN_URL,
        {"username": email, "password": password},
        REMOTE_ADDR=PROXY_IP,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_configuration_reads_the_address_through_our_callable():
    assert settings.AXES_CLIENT_IP_CALLABLE == "rabatnet.accounts.lockout.axes_client_ip"


def test_forged_entries_on_the_left_do_not_escape_the_lock(client, member: User, behind_one_proxy):
    for n in range(LIMIT):
        # A different forged address each time; the proxy appends the real one.
        response = sign_in_via_proxy(
            client, member.email, f"203.0.113.{n}, {HOME_IP}", password="wrong guess"
        )
        assert signed_in_user_id(client) is None

    response = sign_in_via_proxy(client, member.email, f"203.0.113.99, {HOME_IP}")

    assert_locked_out(response)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {HOME_IP}


def test_two_clients_behind_the_proxy_are_locked_apart(client, member: User, behind_one_proxy):
    for _ in range(LIMIT):
        sign_in_via_proxy(client, member.email, HOME_IP, password="wrong guess")
    assert_locked_out(sign_in_via_proxy(client, member.email, HOME_IP))

    response = sign_in_via_proxy(client, member.email, OTHER_IP)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(member.pk)


@pytest.mark.parametrize(
    ("count", "forwarded_for", "expected"),
    [
        (0, "203.0.113.7", "10.0.0.2"),  # no proxy: the header is anybody's
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        (1, " 198.51.100.1 ,203.0.113.7 ", "203.0.113.7"),
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "", "10.0.0.2"),  # did not come through the proxy
        (2, "203.0.113.7", "10.0.0.2"),  # came through only one of two proxies
        (1, "198.51.100.1, not-an-address", "10.0.0.2"),
    ],
)
def test_axes_client_ip_takes_the_entry_our_proxy_wrote(
    rf, settings, count: int, forwarded_for: str, expected: str
):
    settings.TRUSTED_PROXY_COUNT = count
    request = rf.post("/", REMOTE_ADDR=PROXY_IP, HTTP_X_FORWARDED_FOR=forwarded_for)

    assert axes_client_ip(request) == expected
