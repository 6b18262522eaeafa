"""Password reset: a few e-mails per address and per client address per hour, silently."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from rabatnet.accounts import services
from rabatnet.accounts.models import PasswordResetThrottle, User
from rabatnet.network.tests.factories import UserFactory

RESET_URL = "/en/accounts/password-reset/"
SENT_URL = "/en/accounts/password-reset/sent/"


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    def ask(email: str, ip: str = "192.0.2.1"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(RESET_URL, {"email": email}, REMOTE_ADDR=ip)

    return ask


def _same_answer(responses) -> bool:
    return {(r.status_code, r.url) for r in responses} == {(302, SENT_URL)}


def test_at_most_three_mails_per_address_per_hour(ask, member: User):
    responses = [ask(member.email.upper() if n % 2 else member.email) for n in range(5)]

    assert len(mail.outbox) == 3
    assert _same_answer(responses)


def test_the_limit_holds_from_other_client_addresses_too(ask, member: User):
    responses = [ask(member.email, ip=f"198.51.100.{n}") for n in range(5)]

    assert len(mail.outbox) == 3
    assert _same_answer(responses)


def test_at_most_three_requests_per_client_address_per_hour(ask, db):
    people = [UserFactory.create() for _ in range(5)]

    responses = [ask(person.email) for person in people]

    assert [m.to for m in mail.outbox] == [[p.email] for p in people[:3]]
    assert _same_answer(responses)


def test_unknown_addresses_count_and_answer_alike(ask, member: User):
    unknown = [ask("nobody@example.org", ip=f"203.0.113.{n}") for n in range(4)]
    known = ask(member.email, ip="203.0.113.99")

    assert _same_answer([*unknown, known])
    assert len(mail.outbox) == 1


def test_the_client_address_is_read_behind_the_trusted_proxy(client, settings, db):
    settings.TRUSTED_PROXY_COUNT = 1
    people = [UserFactory.create() for _ in range(4)]

    for n, person in enumerate(people):
        # One client behind our proxy, forging a different leftmost entry each time.
        client.post(
            RESET_URL,
            {"email": person.email},
            REMOTE_ADDR="10.1.1.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 192.0.2.7",
        )

    assert len(PasswordResetThrottle.objects.get(key="client:192.0.2.7").sent_at) == 3
    assert not PasswordResetThrottle.objects.filter(key="client:10.1.1.1").exists()


def test_an_hour_later_mails_go_again(ask, member: User, monkeypatch):
    for _ in range(3):
        ask(member.email)
    later = timezone.now() + timedelta(hours=1, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    ask(member.email)

    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_admission_is_counted_per_address_and_client():
    admitted = [
        services.password_reset_admit(email="a@example.org", client_address="192.0.2.1")
        for _ in range(4)
    ]

    assert admitted == [True, True, True, False]
    assert services.password_reset_admit(email="b@example.org", client_address="192.0.2.2")
    assert not services.password_reset_admit(email="c@example.org", client_address="192.0.2.1")
    assert not PasswordResetThrottle.objects.filter(key__contains="a@example.org").exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_never_pass_the_limit():
    """Eight workers at once, one address: three pass (PostgreSQL locks the rows)."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")

    def admit(n: int) -> bool:
        try:
            return services.password_reset_admit(
                email="busy@example.org", client_address=f"192.0.2.{n}"
            )
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        admitted = list(pool.map(admit, range(8)))

    assert admitted.count(True) == 3
