"""Forum pages for reading. Every view fetches what it shows through ``permissions.access_*``
first; writing is in ``write_views``, moderation in ``moderation_views``."""

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from rabatnet.core.access import check, grant, parse_number
from rabatnet.network.permissions import can_view_private_area

from . import notifications, selectors, services
from .forms import ReplyForm, SearchForm
from .models import Attachment
from .permissions import (
    access_forum,
    access_post,
    access_thread,
    can_flag_post,
    can_moderate_any_forum,
    can_moderate_forum,
    can_post_in_forum,
    can_reply_to_thread,
    can_view_post,
)
from .rendering import rendered_posts

THREADS_PER_PAGE = 30
POSTS_PER_PAGE = 30


def _visited(request: HttpRequest) -> None:
    person = selectors.person_of(request.user)
    if person is not None:
        notifications.record_visit(person=person)


@require_GET
def forum_list(request: HttpRequest) -> HttpResponse:
    """Members: the forums they may read (thematic, their countries'; all: secretariat);
    with ``?q=``, the posts they may read that match."""
    grant(request, can_view_private_area(request.user))
    _visited(request)
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = None
    if query:
        results = Paginator(selectors.search_posts(request.user, query), POSTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    rows = selectors.forum_rows(request.user)
    context = {
        "thematic": [r for r in rows if not r.forum.is_country_forum],
        "country": [r for r in rows if r.forum.is_country_forum],
        "form": form,
        "query": query,
        "query_string": "&" + urlencode({"q": query}),
        "results": results,
        "can_review": can_moderate_any_forum(request.user),
    }
    return render(request, "forums/forum_list.html", context)


@require_GET
def forum_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Members who may read the forum: its threads, pinned first, unread marked."""
    forum = access_forum(request, slug, "view")
    _visited(request)
    page = Paginator(selectors.forum_threads(request.user, forum), THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    person = selectors.person_of(request.user)
    for thread in page:
        read_at = getattr(thread, "read_at", None)
        shown: Any = thread
        shown.unread = bool(
            person
            and thread.last_posted_at
            and (read_at is None or read_at < thread.last_posted_at)
        )
    context = {
        "forum": forum,
        "page": page,
        "can_post": can_post_in_forum(request.user, forum),
        "can_moderate": can_moderate_forum(request.user, forum),
    }
    return render(request, "forums/forum_detail.html", context)


@require_GET
def thread_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Members who may read the forum: the thread's visible posts, new ones marked."""
    thread = access_thread(request, slug, pk, "view")
    _visited(request)
    person = selectors.person_of(request.user)
    read_at = selectors.thread_read_at(person, thread)
    paginator = Paginator(selectors.thread_posts(request.user, thread), POSTS_PER_PAGE)
    wanted = request.GET.get("page")
    page = paginator.get_page(paginator.num_pages if wanted == "last" else wanted)
    posts = rendered_posts(list(page.object_list))
    for post in posts:
        post.is_new = read_at is not None and (post.published_at or post.created_at) > read_at
        post.can_flag = can_flag_post(request.user, post)
    can_reply = can_reply_to_thread(request.user, thread)
    if person is not None and posts:
        services.thread_mark_read(
            thread=thread, person=person, at=max(p.published_at or p.created_at for p in posts)
        )
    context = {
        "forum": thread.forum,
        "thread": thread,
        "page": page,
        "posts": posts,
        "person": person,
        "can_reply": can_reply,
        "can_moderate": can_moderate_forum(request.user, thread.forum),
        "form": ReplyForm() if can_reply else None,
        "now": timezone.now(),
    }
    return render(request, "forums/thread_detail.html", context)


@require_GET
def post_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Readers of the post: its earlier texts, newest first."""
    post = access_post(request, pk, "view")
    revisions = post.revisions.select_related("edited_by")
    context = {
        "post": post,
        "thread": post.thread,
        "forum": post.thread.forum,
        "revisions": revisions,
    }
    return render(request, "forums/post_history.html", context)


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """The file, to those who may read its post; always as a download, never sniffed."""
    attachment = get_object_or_404(
        Attachment.objects.select_related("post__thread__forum__country", "post__author"),
        pk=parse_number(pk),
    )
    check(request, {"view": can_view_post}, "view", attachment.post)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404("The file is missing.") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
