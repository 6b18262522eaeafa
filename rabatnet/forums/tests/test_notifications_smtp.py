"""A notification through a real SMTP server on loopback (aiosmtpd): the headers read back."""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller

from rabatnet.forums.models import Level

from .notification_fixtures import forum, member, post, publish, set_level, thread

pytestmark = pytest.mark.django_db


class Inbox:
    """An aiosmtpd handler that keeps every message it is given, as bytes."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        self.messages.append((list(envelope.rcpt_tos), bytes(envelope.original_content)))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


def test_a_notification_crosses_a_real_smtp_server_with_its_list_headers(smtp_inbox):
    author, reader = member(), member(language="fr")
    where = forum("border-management-talk")
    opened = thread(where, author, "A rather long thread title about data sharing at borders")
    set_level(reader, where, Level.WATCHING)
    publish(post(opened, author, "See the table."))

    [(recipients, raw)] = smtp_inbox.messages
    assert recipients == [reader.email]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["List-Id"] == "<border-management-talk.forums.testserver>"
    assert message["List-Unsubscribe"] == "<https://testserver/fr/private/notifications/>"
    assert message["Subject"].startswith("[Forum border-management-talk] A rather long")
    # Unfolded: each list header is one line of the message as sent.
    lines = raw.decode().splitlines()
    assert "List-Id: <border-management-talk.forums.testserver>" in lines
    assert "List-Unsubscribe: <https://testserver/fr/private/notifications/>" in lines
    assert message.get_content_type() == "multipart/alternative"
