"""Writes of a person's notification choices: levels per forum and thread, the centre's form."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from rabatnet.accounts.models import User
from rabatnet.network.models import Person

from .models import Forum, Level, Membership, NotificationSettings, Thread, ThreadSubscription


def notification_settings_of(person: Person) -> NotificationSettings:
    """The person's settings, or unsaved defaults (a visit or a save stores them)."""
    found = NotificationSettings.objects.filter(person=person).first()
    return found or NotificationSettings(person=person)


@transaction.atomic
def forum_level_set(*, person: Person, forum: Forum, level: str | None) -> Membership:
    """Joins ``forum`` (at the person's default level if ``level`` is None) or changes the
    level there; the membership."""
    membership = Membership.objects.select_for_update().filter(forum=forum, person=person).first()
    if membership is None:
        default = level or notification_settings_of(person).default_level
        return Membership.objects.create(forum=forum, person=person, level=default)
    if level and membership.level != level:
        membership.level = level
        membership.save(update_fields=["level"])
    return membership


@transaction.atomic
def thread_level_set(
    *, person: Person, thread: Thread, level: str | None
) -> ThreadSubscription | None:
    """The person's level for ``thread`` (it overrides their level for the forum); None
    removes it (the forum's level applies again)."""
    if not level:
        ThreadSubscription.objects.filter(thread=thread, person=person).delete()
        return None
    subscription, _ = ThreadSubscription.objects.update_or_create(
        thread=thread, person=person, defaults={"level": Level(level)}
    )
    return subscription


@transaction.atomic
def notification_settings_save(
    *,
    person: Person,
    forum_delivery: str,
    default_level: str,
    forum_levels: Mapping[int, str],
    thread_levels: Mapping[int, str],
) -> NotificationSettings:
    """The forums' part of the preference centre: delivery, default level and the levels of
    the person's own memberships and subscriptions (keys of anybody else's are ignored)."""
    settings, _ = NotificationSettings.objects.update_or_create(
        person=person,
        defaults={"forum_delivery": forum_delivery, "default_level": default_level},
    )
    for membership in Membership.objects.filter(person=person, pk__in=list(forum_levels)):
        if membership.level != forum_levels[membership.pk]:
            membership.level = forum_levels[membership.pk]
            membership.save(update_fields=["level"])
    for subscription in ThreadSubscription.objects.filter(
        person=person, pk__in=list(thread_levels)
    ):
        if subscription.level != thread_levels[subscription.pk]:
            subscription.level = thread_levels[subscription.pk]
            subscription.save(update_fields=["level"])
    return settings


def level_of(*, user: User, target: Forum | Thread) -> dict[str, Any]:
    """The level the user's person has for ``target``: ``level`` (what applies), ``own``
    (set on this very thread or forum) and ``member`` (of the forum). One or two queries."""
    forum = target if isinstance(target, Forum) else target.forum
    membership = Membership.objects.filter(forum=forum, person__user=user).first()
    level = membership.level if membership else ""
    own = membership is not None and isinstance(target, Forum)
    if isinstance(target, Thread):
        subscription = ThreadSubscription.objects.filter(thread=target, person__user=user).first()
        if subscription is not None:
            level, own = subscription.level, True
    level = level or Level.NORMAL
    return {
        "level": level,
        "label": Level(level).label,
        "own": own,
        "member": membership is not None,
        "is_thread": isinstance(target, Thread),
        "choices": Level.choices,
    }
