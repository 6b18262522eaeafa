"""Every write of the newsletter: subscriptions, bounces, issues and their sending."""

from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core import revisions
from rabatnet.core.services import save_versioned
from rabatnet.network.models import Person

from . import tasks
from .composition import ItemDraft, compose
from .mail import check_site_url
from .models import Bounce, Delivery, Issue, Item, Subscriber

# One confirmation (or "you are subscribed") mail per address per day, whatever is asked.
MAIL_INTERVAL = timedelta(days=1)
HARD_BOUNCE_LIMIT = 3


def _send_rate() -> int:
    """Mails per minute the worker sends an issue at (NEWSLETTER_SEND_RATE, 600 by default)."""
    return max(1, int(settings.NEWSLETTER_SEND_RATE))


# --- Subscriptions ---------------------------------------------------------------------


@transaction.atomic
def subscription_request(*, email: str, language: str) -> Subscriber | None:
    """Someone asks for the newsletter at ``email``: a confirmation mail, at most daily.

    What happens is never told to the asker (the view answers the same either way): a new
    or lapsed address gets the confirmation link; an active one a reminder that it is
    subscribed; any address at most one mail a day. Returns the subscriber mailed, if any.
    """
    now = timezone.now()
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email.strip()).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email.strip(), language=language)
        except IntegrityError:  # the same address asked twice at once: one mail is enough
            return None
    elif subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < MAIL_INTERVAL:
        return None
    active = subscriber.status == Subscriber.Status.ACTIVE
    if not active:
        subscriber.language = language
    subscriber.confirmation_sent_at = now
    subscriber.save(update_fields=["language", "confirmation_sent_at", "updated_at"])
    transaction.on_commit(
        partial(tasks.send_confirmation.enqueue, subscriber_id=subscriber.pk, already_active=active)
    )
    return subscriber


@transaction.atomic
def subscription_confirm(*, subscriber: Subscriber) -> Subscriber:
    """The link of the confirmation mail was followed (POST): the address is subscribed.

    A confirmed address is shown to work, so earlier hard bounces no longer count.
    """
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != Subscriber.Status.ACTIVE:
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.hard_bounces = 0
        subscriber.save()
    return subscriber


@transaction.atomic
def subscription_cancel(*, subscriber: Subscriber) -> Subscriber:
    """One-click unsubscription: no further step, whatever the status was."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
    return subscriber


def member_address(person: Person) -> str:
    """The address of the member's account (verified when they signed up), else on file."""
    return person.user.email if person.user_id and person.user else person.email


@transaction.atomic
def member_subscription_set(
    *, person: Person, subscribed: bool, language: str
) -> Subscriber | None:
    """From the signed-in preference centre: no confirmation mail, the address is the
    member's own account (decision 0027). Returns the subscription, if any."""
    subscriber = Subscriber.objects.select_for_update().filter(person=person).first()
    email = member_address(person)
    if subscriber is None and email:
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is None:
        if not subscribed or not email:
            return None
        subscriber = Subscriber(email=email, person=person)
    subscriber.person = person
    subscriber.language = language
    if subscribed and subscriber.status != Subscriber.Status.ACTIVE:
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.hard_bounces = 0
    elif not subscribed and subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
    subscriber.save()
    return subscriber


# --- Bounces ---------------------------------------------------------------------------


@transaction.atomic
def bounce_record(*, email: str, hard: bool, detail: str = "") -> Bounce | None:
    """A bounce reported for ``email`` (None if no subscriber has it).

    Hard bounces count in a row; the third stops delivery (status ``bouncing``). A soft
    bounce is recorded and never stops anything.
    """
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email.strip()).first()
    if subscriber is None:
        return None
    bounce = Bounce.objects.create(
        subscriber=subscriber,
        kind=Bounce.Kind.HARD if hard else Bounce.Kind.SOFT,
        detail=detail[:2000],
    )
    if hard:
        subscriber.hard_bounces += 1
        if (
            subscriber.hard_bounces >= HARD_BOUNCE_LIMIT
            and subscriber.status == Subscriber.Status.ACTIVE
        ):
            subscriber.status = Subscriber.Status.BOUNCING
        subscriber.save()
    return bounce


# --- Issues ----------------------------------------------------------------------------


def _create_item(issue: Issue, draft: ItemDraft, position: int) -> Item:
    return Item.objects.create(
        issue=issue,
        kind=draft.kind,
        position=position,
        title_en=draft.title_en[:250],
        title_fr=draft.title_fr[:250],
        body_en=draft.body_en,
        body_fr=draft.body_fr,
        link=draft.link[:300],
        source=draft.source[:100],
    )


@transaction.atomic
def issue_start(*, year: int, quarter: int, actor: User | None, is_example: bool = False) -> Issue:
    """A draft for the quarter, composed from its recorded activity. A quarter already
    started is refused (ValidationError)."""
    if Issue.objects.filter(year=year, quarter=quarter).exists():
        raise ValidationError(_("An issue for this quarter was already started."))
    try:
        with transaction.atomic():
            issue = Issue.objects.create(
                year=year, quarter=quarter, created_by=actor, is_example=is_example
            )
    except IntegrityError as exc:
        raise ValidationError(_("An issue for this quarter was already started.")) from exc
    for position, draft in enumerate(compose(year, quarter)):
        _create_item(issue, draft, position)
    return issue


def _edited(issue: Issue) -> None:
    """An edit after sending shows on the public pages at once."""
    if issue.status == Issue.Status.SENT:
        revisions.bump(revisions.NEWSLETTER)


@transaction.atomic
def issue_update(*, issue: Issue, expected_version: int, fields: list[str]) -> Issue:
    """Save the issue's texts unless somebody saved them meanwhile (StaleEditError)."""
    save_versioned(obj=issue, expected_version=expected_version, fields=fields)
    _edited(issue)
    return issue


@transaction.atomic
def item_update(*, item: Item, expected_version: int, fields: list[str]) -> Item:
    save_versioned(obj=item, expected_version=expected_version, fields=fields)
    _edited(item.issue)
    return item


@transaction.atomic
def item_add(*, issue: Issue, draft: ItemDraft) -> Item:
    """A free item (or a forum highlight) at the end of its section."""
    last = issue.items.filter(kind=draft.kind).aggregate(m=Max("position"))["m"]
    item = _create_item(issue, draft, 0 if last is None else last + 1)
    _edited(issue)
    return item


@transaction.atomic
def item_delete(*, item: Item) -> None:
    issue = item.issue
    item.delete()
    _edited(issue)


@transaction.atomic
def item_move(*, item: Item, up: bool) -> Item:
    """Swap the item with its neighbour in its section."""
    siblings = list(
        Item.objects.select_for_update()
        .filter(issue_id=item.issue_id, kind=item.kind)
        .order_by("position", "pk")
    )
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            Item.objects.filter(pk=sibling.pk).update(position=position)
    _edited(item.issue)
    return item


def missing_translations(issue: Issue, items: list[Item]) -> list[str]:
    """What is written in one language and not the other: a label per gap."""
    gaps = []
    for name, label in (("title", _("title")), ("editorial", _("editorial"))):
        if bool(getattr(issue, f"{name}_en").strip()) != bool(getattr(issue, f"{name}_fr").strip()):
            gaps.append(str(label).capitalize())
    for item in items:
        for name in ("title", "body"):
            en, fr = getattr(item, f"{name}_en").strip(), getattr(item, f"{name}_fr").strip()
            if bool(en) != bool(fr):
                heading = item.title_en or item.title_fr or f"#{item.pk}"
                which = _("title") if name == "title" else _("text")
                gaps.append(f"{heading}: {which} ({'FR' if en else 'EN'})")
    return gaps


def issue_test_send(*, issue: Issue, language: str, address: str) -> None:
    """The issue, marked [TEST], to one address; nothing is recorded as delivered."""
    check_site_url()
    transaction.on_commit(
        partial(tasks.send_test.enqueue, issue_id=issue.pk, language=language, address=address)
    )


def _enqueue_batches(issue_id: int, delivery_ids: list[int]) -> None:
    """One task per minute's worth of mails; later ones wait their minute when the backend
    can defer (the ImmediateBackend of the tests runs them at once)."""
    rate = _send_rate()
    backend = tasks.send_issue_batch.get_backend()
    now = timezone.now()
    for number, start in enumerate(range(0, len(delivery_ids), rate)):
        batch = delivery_ids[start : start + rate]
        task: Any = tasks.send_issue_batch
        if number and backend.supports_defer:
            task = task.using(run_after=now + timedelta(minutes=number))
        task.enqueue(issue_id=issue_id, delivery_ids=batch)
    if not delivery_ids:
        tasks.issue_finish_if_done(issue_id=issue_id)


@transaction.atomic
def issue_send(*, issue: Issue) -> Issue:
    """Send the issue to every active subscriber, throttled through the worker.

    Refused (ValidationError) when it is already sending or sent, or when the links of
    the mails could not be HTTPS.
    """
    try:
        check_site_url()
    except ImproperlyConfigured as exc:
        raise ValidationError(str(exc)) from exc
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if issue.status != Issue.Status.DRAFT:
        raise ValidationError(_("This issue is already being sent or was sent."))
    issue.status = Issue.Status.SENDING
    issue.save(update_fields=["status"])
    active = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscriber_id=pk) for pk in active.order_by("pk")],
        batch_size=1000,
    )
    delivery_ids = list(issue.deliveries.order_by("pk").values_list("pk", flat=True))
    transaction.on_commit(partial(_enqueue_batches, issue.pk, delivery_ids))
    return issue
