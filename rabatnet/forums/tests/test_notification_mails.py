"""The immediate mail: one per post, in the reader's language, with the list headers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from rabatnet.forums.models import Delivery, Level, Notification, NotificationSettings
from rabatnet.forums.notifications import record_visit

from .notification_fixtures import forum, member, post, publish, set_delivery, set_level, thread

pytestmark = pytest.mark.django_db


def test_the_mail_names_forum_and_thread_links_back_and_carries_the_list_headers():
    author, reader = member(), member(language="fr")
    where = forum("migration-data")
    opened = thread(where, author, "Échange de données")
    set_level(reader, where, Level.WATCHING)
    reply = post(opened, author, "Voir **le tableau**")
    publish(reply)
    [message] = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    assert message.to == [reader.email]
    assert message.subject == "[Forum migration-data] Échange de données"
    assert message.extra_headers["List-Id"] == "<migration-data.forums.testserver>"
    assert message.extra_headers["List-Unsubscribe"] == (
        "<https://testserver/fr/private/notifications/>"
    )
    link = f"https://testserver/fr/private/forums/migration-data/{opened.pk}/#post-{reply.pk}"
    assert link in message.body
    assert "Voir **le tableau**" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert isinstance(html, str)
    assert "<strong>le tableau</strong>" in html


def test_a_reader_in_french_gets_french_and_one_in_english_english():
    author, french, english = member(), member(language="fr"), member(language="en")
    where = forum()
    opened = thread(where, author)
    for person in (french, english):
        set_level(person, where, Level.WATCHING)
    publish(post(opened, author))
    # The links are in each reader's language (the text's French waits for the catalogue).
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "https://testserver/en/private/forums/" in bodies[english.email]
    assert "https://testserver/fr/private/forums/" in bodies[french.email]
    assert "/en/" not in bodies[french.email]


@pytest.mark.parametrize("delivery", [Delivery.DIGEST, Delivery.NONE])
def test_digest_or_none_gets_no_immediate_mail_but_keeps_the_notification(delivery):
    author, reader = member(), member()
    where = forum()
    set_level(reader, where, Level.WATCHING)
    set_delivery(reader, delivery)
    reply = post(thread(where, author), author)
    publish(reply)
    assert mail.outbox == []
    notification = Notification.objects.get(person=reader)
    assert notification.emailed_at is None


def test_a_visit_is_recorded_at_most_once_a_minute(django_assert_num_queries):
    person = member()
    record_visit(person=person)
    first = NotificationSettings.objects.get(person=person).last_visit_at
    assert first is not None
    assert timezone.now() - first < timedelta(seconds=5)
    with django_assert_num_queries(0):
        record_visit(person=person)
