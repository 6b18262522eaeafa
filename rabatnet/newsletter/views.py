"""The Rabat Review: public archive and subscription; the secretariat's editing."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_http_methods


@login_not_required
@require_GET
def archive(request: HttpRequest) -> HttpResponse:
    """Anybody: the issues sent, newest first."""
    raise NotImplementedError


@login_not_required
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """Anybody: ``email`` and ``language``; a confirmation mail follows (double opt-in)."""
    raise NotImplementedError


@login_not_required
@require_GET
def issue_detail(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    """Anybody: a sent issue, in the page's language."""
    raise NotImplementedError
