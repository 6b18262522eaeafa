"""People, forums, threads and posts for the notification tests (posts made directly, as the
forums' services will: then ``publish`` calls the hook they call)."""

from django.test import TestCase

from rabatnet.countries.models import Country
from rabatnet.forums.models import (
    Delivery,
    Forum,
    Level,
    Membership,
    NotificationSettings,
    Post,
    PostStatus,
    Thread,
    ThreadSubscription,
)
from rabatnet.forums.notifications import notify_post
from rabatnet.network.models import Person, Role
from rabatnet.network.tests import factories as f


def member(iso3: str | None = "SEN", role: str = Role.FOCAL_POINT, **person: object) -> Person:
    """A person appointed today (for ``iso3``), with an account."""
    country = Country.objects.get(iso3=iso3) if iso3 else None
    kwargs = {f"person__{k}": v for k, v in person.items()}
    return f.AppointmentFactory.create(role=role, country=country, **kwargs).person


def forum(slug: str = "border-talk", iso3: str | None = None) -> Forum:
    country = Country.objects.get(iso3=iso3) if iso3 else None
    return Forum.objects.create(slug=slug, name=f"Forum {slug}", country=country)


def thread(in_forum: Forum, author: Person, title: str = "Data sharing") -> Thread:
    return Thread.objects.create(forum=in_forum, title=title, author=author)


def post(in_thread: Thread, author: Person, body: str = "Hello **all**", **fields: object) -> Post:
    return Post.objects.create(thread=in_thread, author=author, body=body, **fields)


def publish(new_post: Post) -> None:
    """What the forums' services do once a post is visible: the hook, then the commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify_post(post=new_post)


def set_level(person: Person, target: Forum | Thread, level: str) -> None:
    if isinstance(target, Forum):
        Membership.objects.update_or_create(
            forum=target, person=person, defaults={"level": Level(level)}
        )
    else:
        ThreadSubscription.objects.update_or_create(
            thread=target, person=person, defaults={"level": Level(level)}
        )


def set_delivery(person: Person, delivery: str, **fields: object) -> NotificationSettings:
    settings, _ = NotificationSettings.objects.update_or_create(
        person=person, defaults={"forum_delivery": Delivery(delivery), **fields}
    )
    return settings


PENDING = {"status": PostStatus.PENDING}
