"""The worker's side of the newsletter: confirmation mails and the throttled issue sending.

``send_issue_batch`` may run twice (a retry, a worker restarted): each delivery is locked,
and only a queued one is sent, so nobody gets an issue twice.
"""

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from rabatnet.core import revisions

from .mail import confirmation_message, issue_mail, issue_message
from .models import Delivery, Issue, Subscriber, new_token


@task()
def send_confirmation(*, subscriber_id: int, already_active: bool) -> int:
    """The double opt-in mail in the subscriber's language (nothing if they were erased)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return 0
    return confirmation_message(subscriber, already_active=already_active).send()


@task()
def send_test(*, issue_id: int, language: str, address: str) -> int:
    """The issue marked [TEST] to one address; no delivery is recorded."""
    issue = Issue.objects.get(pk=issue_id)
    items = list(issue.items.order_by("kind", "position", "pk"))
    mail = issue_mail(issue, items, language, test=True)
    stand_in = Subscriber(email=address, language=language, token=new_token())  # names nobody
    return issue_message(mail, stand_in, to=address).send()


@task()
def send_issue_batch(*, issue_id: int, delivery_ids: list[int]) -> int:
    """Send the issue to these deliveries' subscribers, each once, in their language.

    Each delivery is claimed by one conditional UPDATE (queued and the subscriber still
    active → sent) before its mail leaves: a second run, or a reader who unsubscribed
    meanwhile, finds nothing to claim. At most once: a worker killed between the claim and
    the send loses that one mail rather than sending it twice.
    """
    issue = Issue.objects.get(pk=issue_id)
    items = list(issue.items.order_by("kind", "position", "pk"))
    queued = Delivery.objects.filter(pk__in=delivery_ids, status=Delivery.Status.QUEUED)
    deliveries = list(queued.select_related("subscriber").order_by("pk"))
    mails = {}
    sent = 0
    with get_connection() as connection:
        for delivery in deliveries:
            subscriber = delivery.subscriber
            language = subscriber.language
            if language not in mails:
                mails[language] = issue_mail(issue, items, language)
            message = issue_message(mails[language], subscriber)
            message.connection = connection
            claimed = Delivery.objects.filter(
                pk=delivery.pk,
                status=Delivery.Status.QUEUED,
                subscriber__status=Subscriber.Status.ACTIVE,
            ).update(
                status=Delivery.Status.SENT,
                sent_at=timezone.now(),
                message_id=str(message.extra_headers["Message-ID"]),
            )
            if not claimed:
                continue
            try:
                message.send()
            except OSError as exc:
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.Status.FAILED, sent_at=None, error=str(exc)[:1000]
                )
            else:
                sent += 1
    # Left queued: their subscriber was no longer active when their turn came.
    Delivery.objects.filter(pk__in=delivery_ids, status=Delivery.Status.QUEUED).exclude(
        subscriber__status=Subscriber.Status.ACTIVE
    ).update(status=Delivery.Status.SKIPPED)
    issue_finish_if_done(issue_id=issue_id)
    return sent


@transaction.atomic
def issue_finish_if_done(*, issue_id: int) -> bool:
    """Mark the issue sent once no delivery is left queued (and make it public)."""
    issue = Issue.objects.select_for_update().get(pk=issue_id)
    if issue.status != Issue.Status.SENDING:
        return issue.status == Issue.Status.SENT
    if issue.deliveries.filter(status=Delivery.Status.QUEUED).exists():
        return False
    issue.status = Issue.Status.SENT
    issue.sent_at = timezone.now()
    issue.save(update_fields=["status", "sent_at"])
    revisions.bump(revisions.NEWSLETTER)
    return True
