"""Who may read, write and moderate in the forums (see ``rabatnet.core.access``).

A thematic forum is open to every member of the network; a country forum to the people
appointed for that country today and to the secretariat. An archived forum is read-only.
Moderators are the secretariat and the people a forum's ``Membership`` marks so.
"""

import re

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser, check, grant, parse_number
from rabatnet.network.permissions import is_appointed_for_country, is_member, is_secretariat

from .models import Forum, Membership, Post, PostStatus, Thread

_SLUG = re.compile(r"[-a-z0-9_]{1,60}")


def parse_slug(slug: str) -> str:
    """The slug, or 404 for anything that cannot be a forum's slug (no query is made)."""
    if not _SLUG.fullmatch(slug or ""):
        raise Http404("Not a forum.")
    return slug


def _person_id(user: AnyUser) -> int | None:
    if not isinstance(user, User) or not user.is_active:
        return None
    person = getattr(user, "person", None)
    return person.pk if person is not None else None


def can_view_forum(user: AnyUser, forum: Forum) -> bool:
    if is_secretariat.test(user):
        return True
    if not is_member.test(user):
        return False
    if forum.country_id is None:
        return True
    return bool(is_appointed_for_country.test(user, forum.country))


def can_moderate_forum(user: AnyUser, forum: Forum) -> bool:
    if is_secretariat.test(user):
        return True
    person_id = _person_id(user)
    if person_id is None or not can_view_forum(user, forum):
        return False
    cache = _moderated_forum_ids(user)
    return forum.pk in cache


def _moderated_forum_ids(user: AnyUser) -> set[int]:
    """The forums ``user`` moderates, read once per request (cached on the user)."""
    assert isinstance(user, User)
    cached: set[int] | None = vars(user).get("_moderated_forums")
    if cached is None:
        cached = set(
            Membership.objects.filter(person__user=user, is_moderator=True).values_list(
                "forum_id", flat=True
            )
        )
        vars(user)["_moderated_forums"] = cached
    return cached


def can_post_in_forum(user: AnyUser, forum: Forum) -> bool:
    """Start a thread: readers of a forum that is not archived, who are network people."""
    return (
        forum.archived_at is None and _person_id(user) is not None and can_view_forum(user, forum)
    )


def can_view_thread(user: AnyUser, thread: Thread) -> bool:
    if not can_view_forum(user, thread.forum):
        return False
    return not thread.is_hidden or can_moderate_forum(user, thread.forum)


def can_reply_to_thread(user: AnyUser, thread: Thread) -> bool:
    if not can_post_in_forum(user, thread.forum) or not can_view_thread(user, thread):
        return False
    return not thread.is_locked or can_moderate_forum(user, thread.forum)


def can_moderate_thread(user: AnyUser, thread: Thread) -> bool:
    return can_moderate_forum(user, thread.forum)


def can_view_post(user: AnyUser, post: Post) -> bool:
    """Readers see visible posts; the author also their pending ones; moderators all."""
    if not can_view_thread(user, post.thread):
        return False
    if post.is_visible:
        return True
    if can_moderate_forum(user, post.thread.forum):
        return True
    return (
        post.status == PostStatus.PENDING
        and not post.is_hidden
        and post.author_id == _person_id(user)
    )


def can_edit_post(user: AnyUser, post: Post) -> bool:
    """Its author while they may still post in the forum (and the thread is open), or a
    moderator."""
    forum = post.thread.forum
    if _person_id(user) is None:
        return False  # an edit is signed by a network person (PostRevision.edited_by)
    if can_moderate_forum(user, forum):
        return True
    return (
        post.author_id == _person_id(user)
        and post.status != PostStatus.REJECTED
        and not post.is_hidden
        and can_reply_to_thread(user, post.thread)
    )


def can_flag_post(user: AnyUser, post: Post) -> bool:
    """Any reader who may post there can flag a visible post written by someone else."""
    return (
        post.is_visible
        and post.author_id != _person_id(user)
        and can_post_in_forum(user, post.thread.forum)
        and can_view_thread(user, post.thread)
    )


def can_moderate_post(user: AnyUser, post: Post) -> bool:
    return can_moderate_forum(user, post.thread.forum)


def can_moderate_any_forum(user: AnyUser) -> bool:
    """The secretariat's queue of every forum (a forum's moderators have their own)."""
    return bool(is_secretariat.test(user))


# --- Fetch and check -----------------------------------------------------------------

FORUM_RULES = {"view": can_view_forum, "post": can_post_in_forum, "moderate": can_moderate_forum}
THREAD_RULES = {
    "view": can_view_thread,
    "reply": can_reply_to_thread,
    "moderate": can_moderate_thread,
}
POST_RULES = {
    "view": can_view_post,
    "edit": can_edit_post,
    "flag": can_flag_post,
    "moderate": can_moderate_post,
}


def access_forum(request: HttpRequest, slug: str, verb: str) -> Forum:
    """The forum, to "view", "post" (start a thread) or "moderate"."""
    forum = get_object_or_404(
        Forum.objects.select_related("country", "theme"), slug=parse_slug(slug)
    )
    return check(request, FORUM_RULES, verb, forum)


def access_thread(request: HttpRequest, slug: str, pk: object, verb: str) -> Thread:
    """The thread of the forum ``slug``, to "view", "reply" or "moderate"."""
    thread = get_object_or_404(
        Thread.objects.select_related("forum", "forum__country", "author"),
        pk=parse_number(pk),
        forum__slug=parse_slug(slug),
    )
    return check(request, THREAD_RULES, verb, thread)


def access_post(request: HttpRequest, pk: object, verb: str) -> Post:
    """The post, to "view", "edit", "flag" or "moderate"."""
    post = get_object_or_404(
        Post.objects.select_related("thread", "thread__forum", "thread__forum__country", "author"),
        pk=parse_number(pk),
    )
    return check(request, POST_RULES, verb, post)


def access_moderation(request: HttpRequest) -> None:
    """The secretariat's queue and log across every forum."""
    grant(request, can_moderate_any_forum(request.user))
