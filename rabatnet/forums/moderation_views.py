"""Moderation pages (the secretariat and each forum's moderators): every act is a POST to a
service that locks what it changes and logs itself."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor, check, parse_number

from . import moderation, selectors
from .forms import MoveForm
from .models import Flag, Forum, ModerationAction
from .permissions import (
    access_forum,
    access_moderation,
    access_post,
    access_thread,
    can_moderate_post,
)


def _back(request: HttpRequest, default: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


POST_ACTS = {"hide", "unhide", "approve", "reject"}


@require_POST
def post_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    """Hide or show a post, approve or reject a pending one."""
    post = access_post(request, pk, "moderate")
    act = request.POST.get("act", "")
    user = actor(request)
    try:
        if act in ("hide", "unhide"):
            moderation.post_set_hidden(post=post, actor=user, hidden=act == "hide")
        elif act == "approve":
            moderation.post_approve(post=post, actor=user)
        elif act == "reject":
            moderation.post_reject(post=post, actor=user)
        else:
            messages.error(request, _("Unknown moderation act."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back(request, post.thread.get_absolute_url())


THREAD_ACTS = {
    "lock": ("is_locked", True),
    "unlock": ("is_locked", False),
    "pin": ("is_pinned", True),
    "unpin": ("is_pinned", False),
}


@require_POST
def thread_moderate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Lock or unlock, pin or unpin a thread."""
    thread = access_thread(request, slug, pk, "moderate")
    act = THREAD_ACTS.get(request.POST.get("act", ""))
    if act is None:
        messages.error(request, _("Unknown moderation act."))
    else:
        moderation.thread_set_flag(thread=thread, actor=actor(request), field=act[0], value=act[1])
    return redirect(thread.get_absolute_url())


@require_http_methods(["GET", "POST"])
def thread_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Move a thread to another forum the moderator also moderates; out of a country forum
    only with a confirmation."""
    thread = access_thread(request, slug, pk, "moderate")
    targets = [f.pk for f in selectors.moderated_forums(request.user) if f.pk != thread.forum_id]
    form = MoveForm(request.POST or None, forums=Forum.objects.filter(pk__in=targets))
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["forum"]
        try:
            moderation.thread_move(
                thread=thread,
                actor=actor(request),
                target=target,
                confirmed=form.cleaned_data["confirm"],
            )
        except ValidationError as exc:
            form.add_error("confirm" if exc.code == "exposes" else None, exc)
        else:
            messages.success(request, _("The thread was moved."))
            thread.forum = target
            return redirect(thread.get_absolute_url())
    context = {"forum": thread.forum, "thread": thread, "form": form}
    return render(request, "forums/thread_move.html", context)


def _queue(request: HttpRequest, forums: list[Forum], forum: Forum | None) -> HttpResponse:
    pending = selectors.pending_posts(request.user, forums)
    flags = (
        Flag.objects.filter(resolved_at__isnull=True, post__thread__forum__in=forums)
        .select_related("post", "post__author", "post__thread", "post__thread__forum", "person")
        .order_by("created_at")
    )
    context = {"forum": forum, "pending": pending[:100], "flags": flags[:100]}
    return render(request, "forums/moderation_queue.html", context)


@require_GET
def forum_queue(request: HttpRequest, slug: str) -> HttpResponse:
    """A forum's moderators: posts awaiting approval and open flags."""
    forum = access_forum(request, slug, "moderate")
    return _queue(request, [forum], forum)


@require_GET
def queue_all(request: HttpRequest) -> HttpResponse:
    """The secretariat: every forum's queue."""
    access_moderation(request)
    return _queue(request, list(Forum.objects.all()), None)


@require_POST
def flag_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """A moderator of the flagged post's forum closes the flag (logged)."""
    flag = get_object_or_404(
        Flag.objects.select_related("post__thread__forum__country"), pk=parse_number(pk)
    )
    check(request, {"moderate": can_moderate_post}, "moderate", flag.post)
    moderation.flag_resolve(flag=flag, actor=actor(request))
    messages.success(request, _("The flag is resolved."))
    return _back(request, flag.post.thread.forum.get_absolute_url())


@require_GET
def moderation_log(request: HttpRequest, slug: str) -> HttpResponse:
    """A forum's moderators: every act in this forum, newest first."""
    forum = access_forum(request, slug, "moderate")
    acts = ModerationAction.objects.filter(forum=forum).select_related("actor", "thread", "post")
    page = Paginator(acts, 50).get_page(request.GET.get("page"))
    return render(request, "forums/moderation_log.html", {"forum": forum, "page": page})
