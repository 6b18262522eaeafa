"""django-axes: too many failed sign-ins for one e-mail from one address lock that pair.

Attempts live in the database (``AccessAttempt``), so each test starts with none.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from rabatnet.accounts.lockout import axes_username
from rabatnet.accounts.models import User
from rabatnet.network.tests.factories import UserFactory

from .helpers import PRIVATE_URL, sign_in, signed_in_user_id

HOME_IP = "192.0.2.10"
OTHER_IP = "198.51.100.20"
LIMIT = settings.AXES_FAILURE_LIMIT
COOLOFF = settings.AXES_COOLOFF_TIME


def fail(client, email: str, ip: str = HOME_IP, times: int = LIMIT) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        response = sign_in(client, email, password="wrong guess", ip=ip)
        assert signed_in_user_id(client) is None
        assert response.status_code in (200, 429)


def assert_locked_out(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 429
    assert "accounts/lockout.html" in [t.name for t in response.templates]
    content = response.content.decode()
    assert "Sign-in temporarily locked" in content
    assert "locked for a while, even with the right password" in content
    assert f"There were {LIMIT} failed attempts" in content


def test_configuration_locks_username_and_address_together():
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_USERNAME_CALLABLE == "rabatnet.accounts.lockout.axes_username"
    assert LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60


def test_failures_below_the_limit_do_not_lock(client, member: User):
    fail(client, member.email, times=LIMIT - 1)

    response = sign_in(client, member.email, ip=HOME_IP)

    assert response.status_code == 302
    assert response.url == PRIVATE_URL
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
    colleague = UserFactory()
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
    assert response.url == PRIVATE_URL
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
