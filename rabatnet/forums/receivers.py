"""What this app does when a network person is handed over or erased (network.signals), and
what it adds to the network's pages: the forums' part of "my data", of the welcome pack and
of the preference centre."""

from typing import Any

from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rabatnet.countries.models import Country
from rabatnet.network.models import Handover, Person
from rabatnet.network.registries import (
    PreferenceSection,
    WelcomeItem,
    WelcomeSection,
    register_personal_data,
    register_preference_section,
    register_welcome_section,
)
from rabatnet.network.signals import person_erasing, person_handed_over

from .level_forms import FORUM_PREFIX, THREAD_PREFIX, ForumPreferencesForm
from .level_services import notification_settings_of, notification_settings_save
from .mentions import unname_mentions
from .models import (
    Flag,
    Membership,
    Mention,
    Notification,
    NotificationSettings,
    Post,
    PostRevision,
    ThreadRead,
    ThreadSubscription,
)
from .notifications import recent_notifications


@receiver(person_handed_over, dispatch_uid="forums_handover")
def copy_to_successor(sender: Any, handover: Handover, **kwargs: Any) -> dict[str, int]:
    """The successor gets the predecessor's memberships (levels, moderator flag), thread
    subscriptions and notification settings, without losing what they already chose."""
    predecessor = handover.ended.person
    successor = handover.started.person
    has_forums = set(Membership.objects.filter(person=successor).values_list("forum_id", flat=True))
    memberships = Membership.objects.bulk_create(
        [
            Membership(
                forum_id=m.forum_id, person=successor, level=m.level, is_moderator=m.is_moderator
            )
            for m in Membership.objects.filter(person=predecessor).exclude(forum_id__in=has_forums)
        ]
    )
    has_threads = set(
        ThreadSubscription.objects.filter(person=successor).values_list("thread_id", flat=True)
    )
    subscriptions = ThreadSubscription.objects.bulk_create(
        [
            ThreadSubscription(thread_id=s.thread_id, person=successor, level=s.level)
            for s in ThreadSubscription.objects.filter(person=predecessor).exclude(
                thread_id__in=has_threads
            )
        ]
    )
    old = NotificationSettings.objects.filter(person=predecessor).first()
    settings_copied = 0
    if old is not None and not NotificationSettings.objects.filter(person=successor).exists():
        NotificationSettings.objects.create(
            person=successor, forum_delivery=old.forum_delivery, default_level=old.default_level
        )
        settings_copied = 1
    return {
        "forums": len(memberships),
        "thread_subscriptions": len(subscriptions),
        "notification_settings": settings_copied,
    }


def _unname_mentions(person: Person) -> int:
    """Others' posts that mention the person, and their earlier texts, lose the name; the
    mentions themselves go. Called before the network removes the name."""
    mentioning = Mention.objects.filter(person=person).values("post_id")
    posts = list(Post.objects.select_for_update().filter(pk__in=mentioning).order_by("pk"))
    for post in posts:
        post.body = unname_mentions(post.body, person)
        post.save(update_fields=["body"])
    for revision in PostRevision.objects.filter(post__in=posts):
        revision.body = unname_mentions(revision.body, person)
        revision.save(update_fields=["body"])
    Mention.objects.filter(person=person).delete()
    return len(posts)


@receiver(person_erasing, dispatch_uid="forums_erasure")
def forget_person(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    """Deletes the person's settings, notifications, memberships, subscriptions and reads.
    Their posts stay (signed "erased person #id"); their flags stay, their reasons unsigned."""
    removed = {
        "mentions": _unname_mentions(person),
        "notifications": Notification.objects.filter(person=person).delete()[0],
        "notification_settings": NotificationSettings.objects.filter(person=person).delete()[0],
        "forums": Membership.objects.filter(person=person).delete()[0],
        "thread_subscriptions": ThreadSubscription.objects.filter(person=person).delete()[0],
        "threads_read": ThreadRead.objects.filter(person=person).delete()[0],
    }
    return removed


def personal_data(person: Person) -> dict[str, Any]:
    """All the forums hold about ``person``: memberships, subscriptions, settings, posts, flags."""
    settings = NotificationSettings.objects.filter(person=person).first()
    return {
        "notification_settings": None
        if settings is None
        else {
            "forum_delivery": settings.forum_delivery,
            "default_level": settings.default_level,
            "last_visit_at": _iso(settings.last_visit_at),
        },
        "memberships": [
            {
                "forum": m.forum.name,
                "level": m.level,
                "moderator": m.is_moderator,
                "joined_at": _iso(m.joined_at),
            }
            for m in Membership.objects.filter(person=person).select_related("forum")
        ],
        "thread_subscriptions": [
            {"forum": s.thread.forum.name, "thread": s.thread.title, "level": s.level}
            for s in ThreadSubscription.objects.filter(person=person).select_related(
                "thread__forum"
            )
        ],
        "posts": [
            {
                "forum": p.thread.forum.name,
                "thread": p.thread.title,
                "created_at": _iso(p.created_at),
                "published_at": _iso(p.published_at),
                "edited_at": _iso(p.edited_at),
                "status": p.status,
                "hidden": p.is_hidden,
                "text": p.body,
            }
            for p in Post.objects.filter(author=person).select_related("thread__forum")
        ],
        "flags": [
            {
                "forum": f.post.thread.forum.name,
                "thread": f.post.thread.title,
                "reason": f.reason,
                "flagged_at": _iso(f.created_at),
                "resolved_at": _iso(f.resolved_at),
            }
            for f in Flag.objects.filter(person=person).select_related("post__thread__forum")
        ],
    }


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def welcome_section(person: Person, country: Country | None) -> WelcomeSection | None:
    """The forums the successor now belongs to, each with its link."""
    memberships = Membership.objects.filter(person=person, forum__archived_at__isnull=True)
    forums = [m.forum for m in memberships.select_related("forum").order_by("forum__name")]
    if not forums:
        return None
    return WelcomeSection(
        title=_("Your forums"),
        items=[WelcomeItem(text=forum.name, link=forum.get_absolute_url()) for forum in forums],
    )


def preference_form(person: Person, data: Any) -> ForumPreferencesForm:
    current = notification_settings_of(person)
    form = ForumPreferencesForm(
        data,
        person=person,
        prefix="forums",
        initial={"forum_delivery": current.forum_delivery, "default_level": current.default_level},
    )
    form.recent = recent_notifications(person)
    return form


def preference_save(form: ForumPreferencesForm, person: Person, request: HttpRequest) -> None:
    notification_settings_save(
        person=person,
        forum_delivery=form.cleaned_data["forum_delivery"],
        default_level=form.cleaned_data["default_level"],
        forum_levels=form.levels(FORUM_PREFIX),
        thread_levels=form.levels(THREAD_PREFIX),
    )


register_personal_data("forums", personal_data)
register_welcome_section("forums", welcome_section)
register_preference_section(
    PreferenceSection(
        key="forums",
        title=_("Forums"),
        template="forums/_preferences_section.html",
        form=preference_form,
        save=preference_save,
    )
)
