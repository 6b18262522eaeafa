"""The forums' side of a handover, an erasure, "my data" and the welcome pack."""

import json
from collections.abc import Sequence
from datetime import timedelta

import pytest
from django.utils import timezone

from rabatnet.forums.models import (
    Delivery,
    Flag,
    Level,
    Membership,
    Mention,
    Notification,
    NotificationSettings,
    Post,
    PostRevision,
    ThreadRead,
    ThreadSubscription,
)
from rabatnet.network.models import Handover
from rabatnet.network.registries import PERSONAL_DATA, WELCOME_SECTIONS
from rabatnet.network.signals import person_erasing, person_handed_over
from rabatnet.network.tests import factories as f

from .notification_fixtures import forum, member, post, publish, set_delivery, set_level, thread

pytestmark = pytest.mark.django_db


def _summary(answers: Sequence[tuple[object, object]]) -> dict[str, int]:
    """What the forums' receiver answered to a network signal."""
    for receiver, answer in answers:
        if getattr(receiver, "__module__", "") == "rabatnet.forums.receivers":
            assert isinstance(answer, dict)
            return answer
    raise AssertionError("the forums did not answer")


def _handover(predecessor, successor) -> Handover:
    ended = predecessor.appointments.get()
    ended.ends_on = timezone.localdate() + timedelta(days=1)
    ended.save()
    started = f.AppointmentFactory.create(person=successor, starts_on=timezone.localdate())
    return Handover.objects.create(ended=ended, started=started)


@pytest.fixture
def predecessor_and_forums():
    predecessor = member()
    sen, border = forum("sen", "SEN"), forum("border")
    opened = thread(sen, predecessor)
    Membership.objects.create(forum=sen, person=predecessor, level="watching", is_moderator=True)
    Membership.objects.create(forum=border, person=predecessor, level="muted")
    set_level(predecessor, opened, Level.WATCHING)
    set_delivery(predecessor, Delivery.DIGEST, default_level=Level.WATCHING)
    return predecessor, sen, border, opened


def test_the_handover_copies_memberships_subscriptions_and_settings(predecessor_and_forums):
    predecessor, sen, border, opened = predecessor_and_forums
    successor = f.PersonFactory.create()
    Membership.objects.create(forum=border, person=successor, level="watching")
    handover = _handover(predecessor, successor)
    summary = _summary(person_handed_over.send(sender=Handover, handover=handover))
    assert summary == {"forums": 1, "thread_subscriptions": 1, "notification_settings": 1}
    mine = {m.forum.slug: (m.level, m.is_moderator) for m in successor.forum_memberships.all()}
    assert mine == {"sen": ("watching", True), "border": ("watching", False)}  # own kept
    assert ThreadSubscription.objects.get(person=successor).thread == opened
    settings = NotificationSettings.objects.get(person=successor)
    assert (settings.forum_delivery, settings.default_level) == ("digest", "watching")
    # The predecessor's history stays.
    assert predecessor.forum_memberships.count() == 2


def test_the_successor_is_then_notified_in_the_forums_they_received(predecessor_and_forums):
    predecessor, sen, border, opened = predecessor_and_forums
    successor = f.PersonFactory.create()
    person_handed_over.send(sender=Handover, handover=_handover(predecessor, successor))
    author = member("SEN")
    reply = post(thread(sen, author), author)
    publish(reply)
    assert Notification.objects.filter(person=successor, post=reply).exists()


def test_the_successors_own_settings_are_not_overwritten(predecessor_and_forums):
    predecessor, *_ = predecessor_and_forums
    successor = f.PersonFactory.create()
    set_delivery(successor, Delivery.NONE)
    person_handed_over.send(sender=Handover, handover=_handover(predecessor, successor))
    assert NotificationSettings.objects.get(person=successor).forum_delivery == "none"


def test_erasure_deletes_what_is_personal_and_keeps_posts_and_flags(predecessor_and_forums):
    person, sen, border, opened = predecessor_and_forums
    author = member("SEN")
    own = post(opened, person, "My view")
    reply = post(opened, author, "Reply")
    publish(reply)
    flag = Flag.objects.create(post=reply, person=person, reason="Off topic")
    ThreadRead.objects.create(thread=opened, person=person, last_read_at=timezone.now())
    assert Notification.objects.filter(person=person).exists()
    summary = _summary(person_erasing.send(sender=type(person), person=person))
    assert summary["forums"] == 2 and summary["thread_subscriptions"] == 1
    for model in (Notification, NotificationSettings, Membership, ThreadSubscription, ThreadRead):
        assert not model.objects.filter(person=person).exists(), model
    assert Post.objects.filter(pk=own.pk).exists()
    assert Flag.objects.get(pk=flag.pk).reason == "Off topic"


def test_erasure_removes_the_name_from_mentions_in_others_posts(predecessor_and_forums):
    person, sen, border, opened = predecessor_and_forums
    person.full_name = "Awa Contact"
    person.save()
    mentioning = post(opened, member("SEN"), "Thanks @Awa Contact, and @awa contact again.")
    Mention.objects.create(post=mentioning, person=person)
    PostRevision.objects.create(post=mentioning, body="First: @Awa Contact", edited_by=person)
    summary = _summary(person_erasing.send(sender=type(person), person=person))
    mentioning.refresh_from_db()
    label = f"@[erased person #{person.pk}]"
    assert mentioning.body == f"Thanks {label}, and {label} again."
    assert mentioning.revisions.get().body == f"First: {label}"
    assert summary["mentions"] == 1 and not Mention.objects.filter(person=person).exists()


def test_personal_data_lists_memberships_subscriptions_posts_and_flags(predecessor_and_forums):
    person, sen, border, opened = predecessor_and_forums
    post(opened, person, "What I wrote")
    other = post(opened, member("SEN"), "Theirs")
    Flag.objects.create(post=other, person=person, reason="Please check")
    data = json.loads(json.dumps(PERSONAL_DATA["forums"](person)))
    assert {m["forum"] for m in data["memberships"]} == {"Forum sen", "Forum border"}
    assert data["thread_subscriptions"][0]["level"] == "watching"
    assert [p["text"] for p in data["posts"]] == ["What I wrote"]
    assert data["posts"][0]["created_at"]
    assert data["flags"][0]["reason"] == "Please check"
    assert data["notification_settings"]["forum_delivery"] == "digest"


def test_the_welcome_pack_lists_the_forums_with_links(predecessor_and_forums):
    person, sen, border, opened = predecessor_and_forums
    section = WELCOME_SECTIONS["forums"](person, sen.country)
    assert section is not None
    assert [(i.text, i.link) for i in section.items] == [
        ("Forum border", "/en/private/forums/border/"),
        ("Forum sen", "/en/private/forums/sen/"),
    ]
    assert WELCOME_SECTIONS["forums"](f.PersonFactory.create(), None) is None
