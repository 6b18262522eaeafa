"""Public pages of the strategy frameworks: the list, and one framework with its pillars,
objectives, roadmap actions and the meetings that worked on each objective."""

import re

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .framework_selectors import framework_page, frameworks

_SLUG = r"[-a-z0-9_]{1,50}"


def parse_framework_slug(slug: str) -> str:
    """The slug, or 404 for anything that cannot be a framework's (no query is made)."""
    if not re.fullmatch(_SLUG, slug or ""):
        raise Http404("Not a framework.")
    return slug


@login_not_required
@require_GET
def framework_list(request: HttpRequest) -> HttpResponse:
    return render(request, "followup/framework_list.html", {"frameworks": frameworks()})


@login_not_required
@require_GET
def framework_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = framework_page(parse_framework_slug(slug))
    return render(request, "followup/framework_detail.html", {"page": page})
