"""A notification through a real SMTP server on loopback (aiosmtpd): the headers read back."""

import email
from email import policy

import pytest

from rabatnet.forums.models import Level

from .notification_fixtures import forum, member, post, publish, set_level, thread

pytestmark = pytest.mark.django_db


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
