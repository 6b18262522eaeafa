"""Forum pages. Every view fetches what it shows through ``permissions.access_*`` first."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def forum_list(request: HttpRequest) -> HttpResponse:
    """Members: the forums they may read (thematic, their countries'; all: secretariat)."""
    raise NotImplementedError


@require_GET
def forum_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Members who may read the forum: its threads, pinned first, unread marked."""
    raise NotImplementedError


@require_GET
def thread_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Members who may read the forum: the thread's visible posts."""
    raise NotImplementedError
