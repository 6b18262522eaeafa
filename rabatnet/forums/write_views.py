"""Writing in the forums: a new thread, a reply (or a quote), an edit, a flag."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rabatnet.core.access import parse_number
from rabatnet.network.models import Person

from . import moderation, selectors, services
from .forms import FlagForm, PostEditForm, ReplyForm, ThreadForm
from .models import Post, PostStatus, Thread
from .permissions import (
    access_forum,
    access_post,
    access_thread,
    can_moderate_forum,
    can_view_post,
)


def _writer(request: HttpRequest) -> Person:
    person = selectors.person_of(request.user)
    assert person is not None  # can_post_in_forum asks for a person
    return person


def _thread_url(thread: Thread, post: Post | None = None) -> str:
    url = thread.get_absolute_url() + "?page=last"
    return url + (f"#post-{post.pk}" if post is not None else "")


def _said_held(request: HttpRequest, post: Post) -> None:
    if post.status == PostStatus.PENDING:
        messages.info(request, _("Your post awaits a moderator's approval: only you see it."))


@require_http_methods(["GET", "POST"])
def thread_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Readers of a forum that is not archived: a new thread."""
    forum = access_forum(request, slug, "post")
    form = ThreadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.thread_create(
                forum=forum,
                author=_writer(request),
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                as_moderator=can_moderate_forum(request.user, forum),
            )
            first = thread.posts.get()
            for upload in form.cleaned_data["attachments"]:
                services.attachment_add(post=first, upload=upload)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _said_held(request, first)
            return redirect(thread.get_absolute_url())
    return render(request, "forums/thread_form.html", {"forum": forum, "form": form})


def _quoted(request: HttpRequest, thread: Thread, value: object) -> Post | None:
    """The visible post of ``thread`` to quote, or None for anything else."""
    if value in (None, ""):
        return None
    try:
        pk = parse_number(value)
    except Http404:  # a bad number quotes nothing
        return None
    post = thread.posts.select_related("author").filter(pk=pk).first()
    if post is None or not post.is_visible or not can_view_post(request.user, post):
        return None
    return post


@require_http_methods(["GET", "POST"])
def post_reply(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Readers of an open thread: a reply; ``?quote=<post>`` quotes one of its posts."""
    thread = access_thread(request, slug, pk, "reply")
    initial_quote = _quoted(request, thread, request.GET.get("quote"))
    form = ReplyForm(
        request.POST or None,
        request.FILES or None,
        initial={"quotes": initial_quote.pk if initial_quote else None},
    )
    if request.method == "POST" and form.is_valid():
        quotes = _quoted(request, thread, form.cleaned_data.get("quotes"))
        try:
            post = services.post_reply(
                thread=thread,
                author=_writer(request),
                body=form.cleaned_data["body"],
                quotes=quotes,
                as_moderator=can_moderate_forum(request.user, thread.forum),
            )
            for upload in form.cleaned_data["attachments"]:
                services.attachment_add(post=post, upload=upload)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _said_held(request, post)
            return redirect(_thread_url(thread, post))
    context = {"forum": thread.forum, "thread": thread, "form": form, "quoted": initial_quote}
    return render(request, "forums/reply_form.html", context)


@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The author (while they may post there) or a moderator: a new text, the old one kept."""
    post = access_post(request, pk, "edit")
    form = PostEditForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        editor = _writer(request)
        if form.save_through(
            lambda: services.post_edit(
                post=post,
                editor=editor,
                body=form.cleaned_data["body"],
                expected_version=form.cleaned_data["version"],
            )
        ):
            messages.success(request, _("Your changes were saved; the earlier text is kept."))
            return redirect(_thread_url(post.thread, post))
    context = {"post": post, "thread": post.thread, "forum": post.thread.forum, "form": form}
    return render(request, "forums/post_edit.html", context)


@require_http_methods(["GET", "POST"])
def post_flag(request: HttpRequest, pk: int) -> HttpResponse:
    """A reader tells the moderators a post needs a look (once)."""
    post = access_post(request, pk, "flag")
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.flag_create(
                post=post, person=_writer(request), reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you: the moderators will look at this post."))
            return redirect(_thread_url(post.thread, post))
    context = {"post": post, "thread": post.thread, "forum": post.thread.forum, "form": form}
    return render(request, "forums/post_flag.html", context)
