"""The forums' work for the worker: notifying a post, mailing it, the daily digests."""

from datetime import date
from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from rabatnet.network.models import Person

from .digests import digest_people, digest_send
from .mail import post_message
from .models import Notification, Post
from .notifications import is_post_visible, notifications_create


@task()
def deliver_post_notifications(*, post_id: int) -> int:
    """Creates the post's notifications and queues one mail per "immediate" reader; the
    number of mails queued. Nothing if the post was hidden or deleted meanwhile."""
    post = Post.objects.select_related("thread__forum").filter(pk=post_id).first()
    if post is None or not is_post_visible(post):
        return 0
    with transaction.atomic():
        to_mail = notifications_create(post=post)
        for notification in to_mail:
            transaction.on_commit(
                partial(send_post_notification.enqueue, notification_id=notification.pk)
            )
    return len(to_mail)


@task()
def send_post_notification(*, notification_id: int) -> bool:
    """Mails one notification, once; not if its post is no longer visible. True if sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("person", "post__thread__forum", "post__author")
            .filter(pk=notification_id)
            .first()
        )
        if (
            notification is None
            or notification.emailed_at is not None
            or notification.person.erased_at is not None
            or not is_post_visible(notification.post)
        ):
            return False
        post_message(notification).send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


@task()
def send_daily_digests(*, day: str) -> int:
    """Sends the digests of ``day`` (ISO date) to everybody due; the number of mails sent.
    Cron starts it daily (``manage.py send_forum_digests``); it does not reschedule itself."""
    on = date.fromisoformat(day)
    sent = 0
    for person in Person.objects.filter(pk__in=digest_people(on)).order_by("pk"):
        sent += bool(digest_send(person=person, day=on))
    return sent


@task()
def send_person_digest(*, person_id: int, day: str) -> int:
    """One person's digest of ``day``: what ``send_forum_digests`` queues, person by person."""
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        return 0
    return digest_send(person=person, day=date.fromisoformat(day))
