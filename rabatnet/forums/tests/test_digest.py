"""The daily digest: only to those who did not visit that day, once, in their language."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from rabatnet.forums.models import Delivery, Level, Notification
from rabatnet.forums.tasks import send_daily_digests

from .notification_fixtures import forum, member, post, publish, set_delivery, set_level, thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def digest_reader():
    """A French reader who watches a forum, by digest, with two posts waiting for them."""
    author, reader = member(), member(language="fr")
    where = forum()
    set_level(reader, where, Level.WATCHING)
    set_delivery(reader, Delivery.DIGEST, last_visit_at=timezone.now() - timedelta(days=2))
    opened = thread(where, author, "Frontières")
    posts = [post(opened, author, "Premier"), post(opened, author, "Second")]
    for new_post in posts:
        publish(new_post)
    return reader, posts


def _today() -> str:
    return timezone.localdate().isoformat()


def test_who_did_not_visit_gets_one_mail_in_their_language(digest_reader):
    reader, posts = digest_reader
    assert mail.outbox == []  # nothing at once
    assert send_daily_digests.call(day=_today()) == 1
    [message] = mail.outbox
    assert message.to == [reader.email]
    assert "Premier" in message.body and "Second" in message.body
    assert "https://testserver/fr/private/forums/" in message.body
    assert message.extra_headers["List-Unsubscribe"] == (
        "<https://testserver/fr/private/notifications/>"
    )
    assert message.extra_headers["List-Id"] == "<border-talk.forums.testserver>"
    assert not Notification.objects.filter(person=reader, emailed_at__isnull=True).exists()


def test_running_the_day_twice_sends_once(digest_reader):
    send_daily_digests.call(day=_today())
    assert send_daily_digests.call(day=_today()) == 0
    assert len(mail.outbox) == 1


def test_who_visited_that_day_gets_no_mail_and_the_visit_counts_as_seen(digest_reader):
    reader, posts = digest_reader
    settings = reader.notification_settings
    settings.last_visit_at = timezone.now()
    settings.save()
    assert send_daily_digests.call(day=_today()) == 0
    assert mail.outbox == []
    assert not Notification.objects.filter(person=reader, seen_at__isnull=True).exists()
    # The next day, nothing already seen comes back.
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    settings.last_visit_at = timezone.now() - timedelta(days=2)
    settings.save()
    assert send_daily_digests.call(day=tomorrow) == 0


def test_a_post_hidden_before_the_digest_is_left_out(digest_reader):
    reader, posts = digest_reader
    posts[0].is_hidden = True
    posts[0].save()
    send_daily_digests.call(day=_today())
    [message] = mail.outbox
    assert "Second" in message.body
    assert "Premier" not in message.body
    posts[1].is_hidden = True
    posts[1].save()
    mail.outbox.clear()
    Notification.objects.update(emailed_at=None)
    assert send_daily_digests.call(day=_today()) == 0
    assert mail.outbox == []


def test_immediate_readers_get_no_digest():
    author, reader = member(), member()
    where = forum()
    set_level(reader, where, Level.WATCHING)
    set_delivery(reader, Delivery.IMMEDIATE)
    publish(post(thread(where, author), author))
    Notification.objects.update(emailed_at=None)  # even one whose mail failed
    mail.outbox.clear()
    assert send_daily_digests.call(day=_today()) == 0
    assert mail.outbox == []


def test_the_command_queues_the_day_and_refuses_a_bad_date(digest_reader):
    out = StringIO()
    call_command("send_forum_digests", "--day", _today(), "--no-progress", stdout=out)
    assert "1 digest(s)" in out.getvalue()
    assert len(mail.outbox) == 1  # the test settings run tasks at once
    with pytest.raises(CommandError):
        call_command("send_forum_digests", "--day", "2026-13-40", stdout=out)


def test_the_command_digests_yesterday_by_default(digest_reader):
    out = StringIO()
    call_command("send_forum_digests", "--no-progress", stdout=out)
    yesterday = timezone.localdate() - timedelta(days=1)
    assert f"0 digest(s) of {yesterday}" in out.getvalue()  # today's posts wait for tonight
