"""Who is told of a post, why, and when: never of a post nobody may see."""

import pytest
from django.core import mail
from django.test import TestCase

from rabatnet.forums.models import Level, Mention, Notification, PostStatus
from rabatnet.forums.notifications import notify_post
from rabatnet.forums.tasks import deliver_post_notifications, send_post_notification

from .notification_fixtures import PENDING, forum, member, post, publish, set_level, thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def talk():
    """A thematic forum, a thread opened by ``author`` and a reply by ``replier``."""
    author, replier = member(), member("MLI")
    where = forum()
    opened = thread(where, author)
    post(opened, author, "Opening")
    return where, opened, author, replier


def _reasons(new_post) -> dict[int, str]:
    return dict(Notification.objects.filter(post=new_post).values_list("person_id", "reason"))


def test_the_thread_author_is_told_of_a_reply_and_mailed_once(talk):
    where, opened, author, replier = talk
    reply = post(opened, replier)
    publish(reply)
    publish(reply)  # a second call (an approval after a publication...) changes nothing
    reply.refresh_from_db()
    assert reply.notified_at is not None
    assert _reasons(reply) == {author.pk: Notification.Reason.REPLY}
    assert [m.to for m in mail.outbox] == [[author.email]]
    assert Notification.objects.get(post=reply).emailed_at is not None


@pytest.mark.parametrize("fields", [{"is_hidden": True}, PENDING, {"status": PostStatus.REJECTED}])
def test_a_hidden_or_unapproved_post_notifies_nobody(talk, fields):
    where, opened, author, replier = talk
    set_level(author, where, Level.WATCHING)
    hidden = post(opened, replier, **fields)
    Mention.objects.create(post=hidden, person=author)
    publish(hidden)
    hidden.refresh_from_db()
    assert hidden.notified_at is None
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_post_hidden_between_queueing_and_the_worker_notifies_nobody(talk):
    where, opened, author, replier = talk
    reply = post(opened, replier)
    with TestCase.captureOnCommitCallbacks(execute=False) as queued:
        notify_post(post=reply)
    reply.is_hidden = True
    reply.save()
    for callback in queued:
        callback()
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_post_hidden_before_its_mail_is_sent_is_never_mailed(talk):
    where, opened, author, replier = talk
    reply = post(opened, replier)
    with TestCase.captureOnCommitCallbacks(execute=False) as mails:
        deliver_post_notifications.call(post_id=reply.pk)
    notification = Notification.objects.get(post=reply)
    reply.is_hidden = True
    reply.save()
    assert len(mails) == 1
    assert send_post_notification.call(notification_id=notification.pk) is False
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.emailed_at is None


def test_an_approved_post_notifies_once_approved(talk):
    where, opened, author, replier = talk
    waiting = post(opened, replier, **PENDING)
    publish(waiting)
    assert not Notification.objects.exists()
    waiting.status = PostStatus.PUBLISHED
    waiting.save()
    publish(waiting)
    assert _reasons(waiting) == {author.pk: Notification.Reason.REPLY}


def test_muted_suppresses_even_a_mention(talk):
    where, opened, author, replier = talk
    mentioned = member()
    set_level(mentioned, where, Level.MUTED)
    set_level(author, opened, Level.MUTED)
    reply = post(opened, replier)
    Mention.objects.create(post=reply, person=mentioned)
    publish(reply)
    assert _reasons(reply) == {}
    assert mail.outbox == []


def test_a_mention_and_a_quote_reach_people_with_no_level(talk):
    where, opened, author, replier = talk
    mentioned, quoted = member(), member()
    quoted_post = post(opened, quoted, "What I said")
    reply = post(opened, replier, quotes=quoted_post)
    Mention.objects.create(post=reply, person=mentioned)
    publish(reply)
    assert _reasons(reply) == {
        mentioned.pk: Notification.Reason.MENTION,
        quoted.pk: Notification.Reason.QUOTE,
        author.pk: Notification.Reason.REPLY,
    }


def test_the_thread_level_overrides_the_forum_level(talk):
    where, opened, author, replier = talk
    watches_thread_only, watches_forum_only = member(), member()
    set_level(watches_thread_only, where, Level.MUTED)
    set_level(watches_thread_only, opened, Level.WATCHING)
    set_level(watches_forum_only, where, Level.WATCHING)
    set_level(watches_forum_only, opened, Level.MUTED)
    reply = post(opened, replier)
    publish(reply)
    reasons = _reasons(reply)
    assert reasons[watches_thread_only.pk] == Notification.Reason.WATCHING
    assert watches_forum_only.pk not in reasons


def test_normal_does_not_hear_every_post_but_watching_does(talk):
    where, opened, author, replier = talk
    normal, watching = member(), member()
    set_level(normal, where, Level.NORMAL)
    set_level(watching, where, Level.WATCHING)
    reply = post(opened, replier)
    publish(reply)
    reasons = _reasons(reply)
    assert normal.pk not in reasons
    assert reasons[watching.pk] == Notification.Reason.WATCHING


def test_the_author_is_never_told_of_their_own_post(talk):
    where, opened, author, replier = talk
    set_level(author, where, Level.WATCHING)
    own = post(opened, author, "Me again")
    Mention.objects.create(post=own, person=author)
    publish(own)
    assert author.pk not in _reasons(own)


def test_who_may_not_read_a_country_forum_is_never_told_even_if_mentioned():
    sen_forum = forum("sen", "SEN")
    author, colleague, outsider = member("SEN"), member("SEN"), member("MLI")
    secretariat = member(None, role="secretariat")
    opened = thread(sen_forum, author)
    for person in (colleague, outsider, secretariat):
        set_level(person, sen_forum, Level.WATCHING)
    mentioning = post(opened, author, "@outsider @colleague")
    Mention.objects.create(post=mentioning, person=outsider)
    Mention.objects.create(post=mentioning, person=colleague)
    publish(mentioning)
    assert _reasons(mentioning) == {
        colleague.pk: Notification.Reason.MENTION,
        secretariat.pk: Notification.Reason.WATCHING,
    }
    assert outsider.email not in {address for m in mail.outbox for address in m.to}


def test_an_erased_person_or_one_whose_appointment_ended_is_not_told(talk):
    from django.utils import timezone

    where, opened, author, replier = talk
    erased, gone = member(), member()
    erased.erased_at = timezone.now()
    erased.save()
    gone_appointment = gone.appointments.get()
    gone_appointment.ends_on = timezone.localdate()
    gone_appointment.save()
    for person in (erased, gone):
        set_level(person, where, Level.WATCHING)
    reply = post(opened, replier)
    publish(reply)
    assert set(_reasons(reply)) == {author.pk}
