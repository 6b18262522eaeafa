"""Moderation writes: each locks what it changes and logs itself (``ModerationAction``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.network.models import Person

from . import notifications
from .models import Flag, Forum, ModerationAction, Post, PostStatus, Thread
from .services import publish

Kind = ModerationAction.Kind


def _log(
    *,
    kind: str,
    actor: User,
    forum: Forum,
    thread: Thread | None = None,
    post: Post | None = None,
    note: str = "",
    details: dict | None = None,
) -> ModerationAction:
    return ModerationAction.objects.create(
        kind=kind,
        actor=actor,
        forum=forum,
        thread=thread,
        post=post,
        note=note,
        details=details or {},
    )


def _locked_post(post: Post) -> Post:
    return (
        Post.objects.select_for_update().select_related("thread", "thread__forum").get(pk=post.pk)
    )


def _refresh_last_posted(thread: Thread) -> None:
    latest = thread.posts.filter(status=PostStatus.PUBLISHED, is_hidden=False).aggregate(
        at=Max("published_at")
    )["at"]
    if latest != thread.last_posted_at:
        thread.last_posted_at = latest
        thread.save(update_fields=["last_posted_at", "updated_at"])


@transaction.atomic
def post_set_hidden(*, post: Post, actor: User, hidden: bool, note: str = "") -> Post:
    """Hide a post from members (or show it again); a post shown again for the first time
    is notified then, never twice."""
    post = _locked_post(post)
    thread = Thread.objects.select_for_update().get(pk=post.thread_id)
    if post.is_hidden == hidden:
        return post
    post.is_hidden = hidden
    post.save(update_fields=["is_hidden", "updated_at"])
    _refresh_last_posted(thread)
    if post.is_visible:
        notifications.notify_post(post=post)
    _log(
        kind=Kind.HIDE if hidden else Kind.UNHIDE,
        actor=actor,
        forum=post.thread.forum,
        thread=thread,
        post=post,
        note=note,
    )
    return post


@transaction.atomic
def post_approve(*, post: Post, actor: User) -> Post:
    """A pending post published: now members see it and its notifications go out."""
    post = _locked_post(post)
    if post.status != PostStatus.PENDING:
        raise ValidationError(_("This post is not awaiting approval any more."))
    thread = Thread.objects.select_for_update().get(pk=post.thread_id)
    publish(post=post, thread=thread, at=timezone.now())
    _log(kind=Kind.APPROVE, actor=actor, forum=post.thread.forum, thread=thread, post=post)
    return post


@transaction.atomic
def post_reject(*, post: Post, actor: User, note: str = "") -> Post:
    post = _locked_post(post)
    if post.status != PostStatus.PENDING:
        raise ValidationError(_("This post is not awaiting approval any more."))
    post.status = PostStatus.REJECTED
    post.save(update_fields=["status", "updated_at"])
    _log(
        kind=Kind.REJECT,
        actor=actor,
        forum=post.thread.forum,
        thread=post.thread,
        post=post,
        note=note,
    )
    return post


@transaction.atomic
def thread_set_flag(*, thread: Thread, actor: User, field: str, value: bool) -> Thread:
    """Lock or unlock (``is_locked``), pin or unpin (``is_pinned``) a thread."""
    kinds = {
        ("is_locked", True): Kind.LOCK,
        ("is_locked", False): Kind.UNLOCK,
        ("is_pinned", True): Kind.PIN,
        ("is_pinned", False): Kind.UNPIN,
    }
    kind = kinds[(field, value)]
    thread = Thread.objects.select_for_update().select_related("forum").get(pk=thread.pk)
    if getattr(thread, field) == value:
        return thread
    setattr(thread, field, value)
    thread.save(update_fields=[field, "updated_at"])
    _log(kind=kind, actor=actor, forum=thread.forum, thread=thread)
    return thread


def move_exposes(source: Forum, target: Forum) -> bool:
    """True if moving a thread from ``source`` to ``target`` shows it to people who could
    not read it: out of a country forum into a thematic forum or another country's."""
    return source.country_id is not None and source.country_id != target.country_id


@transaction.atomic
def thread_move(*, thread: Thread, actor: User, target: Forum, confirmed: bool) -> Thread:
    """Move a thread; out of a country forum only once the moderator confirmed it, since
    its new readers are not the country's."""
    thread = Thread.objects.select_for_update().select_related("forum").get(pk=thread.pk)
    source = thread.forum
    if target.pk == source.pk:
        raise ValidationError(_("The thread is already in this forum."))
    if move_exposes(source, target) and not confirmed:
        raise ValidationError(
            _(
                "“%(source)s” is a country forum: in “%(target)s” people who are not "
                "appointed for that country will read this thread. Tick the confirmation "
                "to move it anyway."
            )
            % {"source": source, "target": target},
            code="exposes",
        )
    thread.forum = target
    thread.save(update_fields=["forum", "updated_at"])
    _log(
        kind=Kind.MOVE,
        actor=actor,
        forum=source,
        thread=thread,
        details={"from": source.slug, "to": target.slug},
    )
    return thread


@transaction.atomic
def flag_create(*, post: Post, person: Person, reason: str) -> Flag:
    """A member flags a post, once."""
    if Flag.objects.filter(post=post, person=person).exists():
        raise ValidationError(_("You have already flagged this post."), code="twice")
    return Flag.objects.create(post=post, person=person, reason=reason.strip())


@transaction.atomic
def flag_resolve(*, flag: Flag, actor: User) -> Flag:
    flag = Flag.objects.select_for_update().select_related("post__thread__forum").get(pk=flag.pk)
    if flag.resolved_at is not None:
        return flag
    flag.resolved_at = timezone.now()
    flag.resolved_by = actor
    flag.save(update_fields=["resolved_at", "resolved_by"])
    _log(
        kind=Kind.RESOLVE_FLAG,
        actor=actor,
        forum=flag.post.thread.forum,
        thread=flag.post.thread,
        post=flag.post,
        details={"flag": flag.pk},
    )
    return flag
