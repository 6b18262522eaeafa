"""Who hears of a post, and when: the forums' services call the two hooks, the worker the rest.

A visible post is queued once (``Post.notified_at``); the worker then decides who is told and
why (``notifications_create``), and mails those who chose "at once" (``tasks``). Levels: a
thread's level overrides the forum's; muted hears nothing at all; nobody hears of their own
post; only people who may read the forum today and are not erased.
"""

from datetime import timedelta
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from rabatnet.network.models import Person

from .models import (
    Delivery,
    Level,
    Membership,
    Mention,
    Notification,
    NotificationSettings,
    Post,
    PostStatus,
    ThreadSubscription,
)
from .selectors import forum_readers

# A visit is written at most once per this interval and person (one UPDATE).
VISIT_RESOLUTION = timedelta(minutes=1)
# The strongest reason first: a person mentioned in a post they also watch is "mentioned".
REASON_ORDER = [
    Notification.Reason.MENTION,
    Notification.Reason.QUOTE,
    Notification.Reason.REPLY,
    Notification.Reason.WATCHING,
]
HEARS: dict[str, set[str]] = {
    Notification.Reason.MENTION: {Level.NORMAL, Level.WATCHING},
    Notification.Reason.QUOTE: {Level.NORMAL, Level.WATCHING},
    Notification.Reason.REPLY: {Level.NORMAL, Level.WATCHING},
    Notification.Reason.WATCHING: {Level.WATCHING},
}


def notify_post(*, post: Post) -> None:
    """Called by the forums' services inside the transaction that makes ``post`` visible
    (published on creation, or approved). Queues its notifications on commit, at most once
    (``Post.notified_at``). Does nothing for a pending, rejected or hidden post."""
    if not post.is_visible or post.notified_at is not None:
        return
    now = timezone.now()
    stamped = Post.objects.filter(pk=post.pk, notified_at__isnull=True).update(notified_at=now)
    if not stamped:  # somebody else queued it in the meantime
        return
    post.notified_at = now
    from .tasks import deliver_post_notifications

    transaction.on_commit(partial(deliver_post_notifications.enqueue, post_id=post.pk))


def record_visit(*, person: Person) -> None:
    """Called by every forum page a member opens: today's visit, which spares them the
    day's digest. At most one UPDATE a minute per person (the cache remembers the rest)."""
    if not cache.add(f"forums:visit:{person.pk}", 1, VISIT_RESOLUTION.total_seconds()):
        return
    now = timezone.now()
    if not NotificationSettings.objects.filter(person=person).update(last_visit_at=now):
        # First visit: one INSERT, no savepoint; a row another request made meanwhile stands.
        NotificationSettings.objects.bulk_create(
            [NotificationSettings(person=person, last_visit_at=now)], ignore_conflicts=True
        )


def is_post_visible(post: Post) -> bool:
    """Published, not hidden, in a thread that is not hidden."""
    return post.is_visible and not post.thread.is_hidden


def _levels(post: Post) -> dict[int, str]:
    """Each person's level for the post's thread: the thread's, else the forum's."""
    levels = dict(
        Membership.objects.filter(forum_id=post.thread.forum_id).values_list("person_id", "level")
    )
    levels.update(
        ThreadSubscription.objects.filter(thread_id=post.thread_id).values_list(
            "person_id", "level"
        )
    )
    return levels


def _candidates(post: Post, levels: dict[int, str]) -> dict[str, set[int]]:
    """The people each reason could reach, before levels and access are applied."""
    thread = post.thread
    repliers = set(
        Post.objects.filter(thread=thread, status=PostStatus.PUBLISHED, is_hidden=False)
        .exclude(pk=post.pk)
        .values_list("author_id", flat=True)
    )
    quoted = set()
    if post.quotes_id is not None:
        quoted = set(Post.objects.filter(pk=post.quotes_id).values_list("author_id", flat=True))
    return {
        Notification.Reason.MENTION: set(
            Mention.objects.filter(post=post).values_list("person_id", flat=True)
        ),
        Notification.Reason.QUOTE: quoted,
        Notification.Reason.REPLY: repliers | {thread.author_id},
        Notification.Reason.WATCHING: {p for p, level in levels.items() if level == Level.WATCHING},
    }


def post_recipients(post: Post) -> dict[int, str]:
    """``{person id: reason}`` for everybody ``post`` should reach (one reason each)."""
    levels = _levels(post)
    reasons: dict[int, str] = {}
    for reason, people in _candidates(post, levels).items():
        for person_id in people:
            # No level (not a member, no subscription): as "normal".
            if person_id not in reasons and levels.get(person_id, Level.NORMAL) in HEARS[reason]:
                reasons[person_id] = reason
    reasons.pop(post.author_id, None)
    readers = set(
        forum_readers(post.thread.forum).filter(pk__in=list(reasons)).values_list("pk", flat=True)
    )
    return {
        person_id: reason for person_id, reason in sorted(reasons.items()) if person_id in readers
    }


@transaction.atomic
def notifications_create(*, post: Post) -> list[Notification]:
    """The post's notifications (created once: a second call adds nothing), and returns those
    to mail at once: people whose delivery is "immediate" (the default) not yet e-mailed."""
    recipients = post_recipients(post)
    Notification.objects.bulk_create(
        [Notification(person_id=p, post=post, reason=r) for p, r in recipients.items()],
        ignore_conflicts=True,
    )
    not_immediate = NotificationSettings.objects.exclude(forum_delivery=Delivery.IMMEDIATE).values(
        "person_id"
    )
    return list(
        Notification.objects.filter(post=post, emailed_at__isnull=True)
        .exclude(person_id__in=not_immediate)
        .order_by("pk")
    )


def recent_notifications(person: Person, limit: int = 10) -> list[Notification]:
    """The person's latest notifications whose post is still visible, newest first."""
    return list(
        Notification.objects.filter(
            person=person,
            post__status=PostStatus.PUBLISHED,
            post__is_hidden=False,
            post__thread__is_hidden=False,
        )
        .select_related("post__thread__forum", "post__author")
        .order_by("-created_at", "-pk")[:limit]
    )
