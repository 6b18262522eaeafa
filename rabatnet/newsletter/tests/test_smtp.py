"""Through a real SMTP server on loopback: the list headers arrive whole and exact."""

import email
import email.policy
import socket
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller

from rabatnet.core.tests.narrowing import present
from rabatnet.newsletter import services
from rabatnet.newsletter.models import Subscriber

from .factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db


class Keep:
    """An SMTP handler that keeps every message's raw bytes."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd)
        self.messages.append(envelope.original_content or envelope.content)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings) -> Iterator[Keep]:
    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield handler
    finally:
        controller.stop()


def _raw_header_lines(raw: bytes, name: str) -> list[str]:
    """The header's physical lines as sent (a folded header would show a continuation)."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0].decode()
    lines = head.replace("\r\n", "\n").split("\n")
    found = []
    for index, line in enumerate(lines):
        if line.lower().startswith(name.lower() + ":"):
            found.append(line)
            follow = lines[index + 1] if index + 1 < len(lines) else ""
            assert not follow[:1].isspace(), f"{name} is folded: {line!r} / {follow!r}"
    return found


def test_an_issue_arrives_with_list_headers_whole_and_in_each_reader_language(
    smtp, django_capture_on_commit_callbacks
):
    english = subscriber("en@example.org", language="en")
    french = subscriber("fr@example.org", language="fr")
    issue = draft_issue()

    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(issue=issue)

    assert len(smtp.messages) == 2
    by_reader = {}
    for raw in smtp.messages:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        by_reader[message["To"]] = (raw, message)
    for row, title in ((english, "Review 2026 Q1"), (french, "Revue 2026 T1")):
        raw, message = by_reader[row.email]
        url = f"https://testserver/{row.language}/newsletter/unsubscribe/{row.token}/"
        assert _raw_header_lines(raw, "List-Id") == [
            "List-Id: The Rabat Review <rabat-review.testserver>"
        ]
        assert _raw_header_lines(raw, "List-Unsubscribe") == [f"List-Unsubscribe: <{url}>"]
        assert _raw_header_lines(raw, "List-Unsubscribe-Post") == [
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click"
        ]
        assert message["List-Unsubscribe"].startswith("<https://")
        assert message["Subject"] == title
        text = present(message.get_body(("plain",))).get_content()
        assert url in text
        assert title in present(message.get_body(("html",))).get_content()
    assert set(Subscriber.objects.values_list("status", flat=True)) == {"active"}


def test_the_confirmation_mail_carries_the_list_headers_too(
    client, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/newsletter/subscribe/", {"email": "n@example.org", "language": "fr"})

    [raw] = smtp.messages
    token = Subscriber.objects.get().token
    assert _raw_header_lines(raw, "List-Unsubscribe") == [
        f"List-Unsubscribe: <https://testserver/fr/newsletter/unsubscribe/{token}/>"
    ]
    assert _raw_header_lines(raw, "List-Unsubscribe-Post") == [
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click"
    ]
