"""Reads for the forums' pages: what a visitor may see, with unread counts, in few queries."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser
from rabatnet.network.models import Appointment, Person, Role
from rabatnet.network.permissions import is_member, is_secretariat
from rabatnet.network.selectors import user_countries

from .models import Forum, Post, PostStatus, Thread, ThreadRead
from .permissions import _moderated_forum_ids, can_moderate_forum


def person_of(user: AnyUser) -> Person | None:
    """The network person of a signed-in user, if any."""
    if not isinstance(user, User) or not user.is_authenticated:
        return None
    return getattr(user, "person", None)


def visible_forums(user: AnyUser) -> QuerySet[Forum]:
    """The forums ``user`` may read: thematic ones, then their countries' (all: secretariat)."""
    forums = Forum.objects.select_related("country", "theme")
    if is_secretariat.test(user):
        return forums.order_by("country__name", "position", "name")
    if not is_member.test(user):
        return forums.none()
    assert isinstance(user, User)
    countries = [c.pk for c in user_countries(user)]
    return forums.filter(Q(country__isnull=True) | Q(country__in=countries)).order_by(
        "country__name", "position", "name"
    )


def forum_readers(forum: Forum) -> QuerySet[Person]:
    """The people who may read ``forum`` today: those with an account and an appointment in
    force (for a country forum: for that country, or at the secretariat)."""
    current = Appointment.objects.current()
    if forum.country_id is not None:
        current = current.filter(Q(country_id=forum.country_id) | Q(role=Role.SECRETARIAT))
    superusers = Q(user__is_superuser=True, user__is_active=True)
    return Person.objects.filter(
        (Q(pk__in=current.values("person")) & Q(user__is_active=True)) | superusers,
        erased_at__isnull=True,
    ).distinct()


def visible_posts(user: AnyUser, forum: Forum) -> Q:
    """The posts of ``forum`` that ``user`` sees, as a filter on Post."""
    if can_moderate_forum(user, forum):
        return Q()
    person = person_of(user)
    visible = Q(status=PostStatus.PUBLISHED, is_hidden=False)
    if person is not None:
        visible |= Q(status=PostStatus.PENDING, is_hidden=False, author=person)
    return visible


def _thread_filter(user: AnyUser, forum: Forum) -> Q:
    return Q() if can_moderate_forum(user, forum) else Q(is_hidden=False)


@dataclass
class ForumRow:
    forum: Forum
    thread_count: int
    unread_count: int
    latest: Post | None


def forum_rows(user: AnyUser) -> list[ForumRow]:
    """The forum list: each forum with its visible threads, latest post and unread threads."""
    forums = list(visible_forums(user))
    person = person_of(user)
    published = Post.objects.filter(status=PostStatus.PUBLISHED, is_hidden=False)
    threads = Thread.objects.filter(is_hidden=False)
    counts = dict(
        threads.filter(forum__in=forums)
        .values_list("forum")
        .annotate(n=Count("pk"))
        .values_list("forum", "n")
    )
    latest_ids = {
        f: p
        for f, p in Forum.objects.filter(pk__in=[f.pk for f in forums])
        .annotate(
            latest=Subquery(
                published.filter(thread__forum=OuterRef("pk"), thread__is_hidden=False)
                .order_by("-published_at", "-pk")
                .values("pk")[:1]
            )
        )
        .values_list("pk", "latest")
    }
    latest = Post.objects.select_related("author", "thread").in_bulk(
        [p for p in latest_ids.values() if p]
    )
    unread: dict[int, int] = {}
    if person is not None:
        unread = dict(
            _unread_threads(threads.filter(forum__in=forums), person)
            .values_list("forum")
            .annotate(n=Count("pk"))
            .values_list("forum", "n")
        )
    return [
        ForumRow(
            forum=f,
            thread_count=counts.get(f.pk, 0),
            unread_count=unread.get(f.pk, 0),
            latest=latest.get(latest_ids.get(f.pk) or 0),
        )
        for f in forums
    ]


def _unread_threads(threads: QuerySet[Thread], person: Person) -> QuerySet[Thread]:
    read = ThreadRead.objects.filter(
        thread=OuterRef("pk"), person=person, last_read_at__gte=OuterRef("last_posted_at")
    )
    return threads.filter(last_posted_at__isnull=False).exclude(Exists(read))


def forum_threads(user: AnyUser, forum: Forum) -> QuerySet[Thread]:
    """The forum's threads, pinned first then by last post, each with ``post_count``,
    ``read_at`` (the visitor's) and its author."""
    person = person_of(user)
    threads = (
        forum.threads.filter(_thread_filter(user, forum))
        .select_related("author")
        .annotate(
            post_count=Count(
                "posts", filter=Q(posts__status=PostStatus.PUBLISHED, posts__is_hidden=False)
            )
        )
        .order_by("-is_pinned", Coalesce("last_posted_at", "created_at").desc(), "-pk")
    )
    if person is not None:
        threads = threads.annotate(
            read_at=Subquery(
                ThreadRead.objects.filter(thread=OuterRef("pk"), person=person).values(
                    "last_read_at"
                )[:1]
            )
        )
    return threads


def thread_posts(user: AnyUser, thread: Thread) -> QuerySet[Post]:
    """The posts of ``thread`` the visitor sees, with authors, quotes and attachments."""
    return (
        thread.posts.filter(visible_posts(user, thread.forum))
        .select_related("author", "quotes", "quotes__author")
        .prefetch_related("attachments", "mentions__person")
        .annotate(revision_count=Count("revisions"))
        .order_by("created_at", "pk")
    )


def thread_read_at(person: Person | None, thread: Thread) -> datetime | None:
    if person is None:
        return None
    return (
        ThreadRead.objects.filter(thread=thread, person=person)
        .values_list("last_read_at", flat=True)
        .first()
    )


def search_posts(user: AnyUser, query: str) -> QuerySet[Post]:
    """Visible posts of forums ``user`` may read whose text or thread title holds ``query``
    (case-insensitive, the same on SQLite and PostgreSQL)."""
    forums = list(visible_forums(user))
    moderated = {f.pk for f in forums if can_moderate_forum(user, f)}
    readable = [f.pk for f in forums]
    shown = Q(status=PostStatus.PUBLISHED, is_hidden=False, thread__is_hidden=False)
    if moderated:
        shown |= Q(thread__forum__in=moderated)
    return (
        Post.objects.filter(thread__forum__in=readable)
        .filter(shown)
        .filter(Q(body__icontains=query) | Q(thread__title__icontains=query))
        .select_related("thread", "thread__forum", "author")
        .order_by("-created_at", "-pk")
    )


def pending_posts(user: AnyUser, forums: Iterable[Forum]) -> QuerySet[Post]:
    return (
        Post.objects.filter(status=PostStatus.PENDING, thread__forum__in=list(forums))
        .select_related("thread", "thread__forum", "author")
        .order_by("created_at", "pk")
    )


def moderated_forums(user: AnyUser) -> list[Forum]:
    """The forums whose queue ``user`` reviews."""
    if is_secretariat.test(user):
        return list(Forum.objects.all())
    if not isinstance(user, User):
        return []
    return [f for f in visible_forums(user) if f.pk in _moderated_forum_ids(user)]
