"""The daily digest: one mail a day to each person who chose it, unless they visited that day.

A visit on or after the day means they saw the forums: their pending notifications up to
that visit are marked seen and no mail goes. Running the day twice sends once (what was
mailed is stamped ``emailed_at``).
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from rabatnet.network.models import Person

from .mail import digest_message
from .models import Delivery, Notification, NotificationSettings
from .notifications import is_post_visible
from .selectors import forum_readers


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The day's start and the next day's start, in the site's time zone."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def digest_people(day: date) -> list[int]:
    """The ids of people with delivery "digest" and something not yet mailed by the day's end."""
    _, end = day_bounds(day)
    digest = NotificationSettings.objects.filter(forum_delivery=Delivery.DIGEST).values("person_id")
    return sorted(
        set(
            Notification.objects.filter(
                person_id__in=digest,
                person__erased_at__isnull=True,
                emailed_at__isnull=True,
                seen_at__isnull=True,
                created_at__lt=end,
            ).values_list("person_id", flat=True)
        )
    )


@transaction.atomic
def digest_send(*, person: Person, day: date) -> int:
    """Mails ``person`` the day's digest if due; the number of posts it held (0: no mail)."""
    start, end = day_bounds(day)
    settings = NotificationSettings.objects.select_for_update().filter(person=person).first()
    if settings is None or settings.forum_delivery != Delivery.DIGEST or person.erased_at:
        return 0
    pending = Notification.objects.filter(
        person=person, emailed_at__isnull=True, seen_at__isnull=True, created_at__lt=end
    )
    visit = settings.last_visit_at
    if visit is not None and visit >= start:
        pending.filter(created_at__lte=visit).update(seen_at=visit)
        return 0
    notifications = [
        n
        for n in pending.select_related("post__thread__forum", "post__author").order_by(
            "post__thread__forum__name", "post__thread_id", "post__created_at"
        )
        if is_post_visible(n.post) and _may_read(person, n)
    ]
    if not notifications:
        return 0
    digest_message(person, notifications).send()
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=timezone.now()
    )
    return len(notifications)


def _may_read(person: Person, notification: Notification) -> bool:
    return forum_readers(notification.post.thread.forum).filter(pk=person.pk).exists()
