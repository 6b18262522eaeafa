"""Reading guides: published editions are public; other editions stay with the country.

What a page, PDF or DOCX shows of an edition comes from its frozen snapshot, with the
people who withdrew their consent since replaced by their role (``publication.py``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rabatnet.core.access import parse_number

from .. import publication, selectors
from ..models import Edition, Guide
from ..permissions import (
    access_edition,
    access_guide,
    can_view_endorsed_edition,
    can_view_guide,
)
from .lifecycle import workspace_url


def _published(guide: Guide) -> Edition:
    edition = selectors.published_edition(guide)
    if edition is None:
        raise Http404("This guide is not published yet.")
    return edition


def _page(
    request: HttpRequest, guide: Guide, edition: Edition, *, as_endorsed: bool = False
) -> HttpResponse:
    context = {
        "country": guide.country,
        "guide": guide,
        "edition": edition,
        **publication.edition_page_context(edition, as_endorsed=as_endorsed),
        "languages": [g for g in selectors.published_guides(guide.country)],
        "can_view_endorsed": can_view_endorsed_edition(request.user, edition),
    }
    return render(request, "guides/guide_detail.html", context)


@require_GET
@login_not_required
def guide_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    """Public: the latest published edition, in the guide's own language.

    Before publication the country's members are taken to the workspace; others get 404.
    """
    guide = access_guide(request, iso3, "read")
    edition = selectors.published_edition(guide)
    if edition is None and can_view_guide(request.user, guide):
        messages.info(request, _("This guide is not published yet: here is its workspace."))
        return redirect(workspace_url(guide.country.iso3, guide.language))
    return _page(request, guide, edition or _published(guide))


def _pdf_response(request: HttpRequest, edition: Edition) -> HttpResponseBase:
    """The PDF at once if built; else build it in the worker and say so."""
    path = publication.edition_pdf_file(edition)
    if path is None:
        context = {"country": edition.guide.country, "guide": edition.guide, "edition": edition}
        return render(request, "guides/pdf_pending.html", context, status=202)
    name = f"{edition.guide.country.iso3}-guide-{edition.guide.language}-{edition.number}.pdf"
    return FileResponse(path.open("rb"), content_type="application/pdf", filename=name)


@require_GET
@login_not_required
def guide_pdf(request: HttpRequest, iso3: str) -> HttpResponseBase:
    """Public: the published edition as PDF (built by the worker, cached by content hash)."""
    guide = access_guide(request, iso3, "read")
    return _pdf_response(request, _published(guide))


@require_GET
@login_not_required
def guide_docx(request: HttpRequest, iso3: str) -> HttpResponse:
    """Public: the published edition as a Word document."""
    guide = access_guide(request, iso3, "read")
    edition = _published(guide)
    data = publication.edition_docx(edition)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    name = f"{guide.country.iso3}-guide-{guide.language}-{edition.number}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@login_not_required
def edition_list(request: HttpRequest, iso3: str) -> HttpResponse:
    """Public: the published editions; the country and the secretariat see every edition."""
    guide = access_guide(request, iso3, "read")
    everything = can_view_guide(request.user, guide)
    editions = selectors.editions(guide, published_only=not everything)
    summaries = [publication.edition_summary(e) for e in editions]
    context = {"country": guide.country, "guide": guide, "editions": summaries}
    return render(request, "guides/edition_list.html", context)


@require_GET
@login_not_required
def edition_detail(request: HttpRequest, iso3: str, number: int) -> HttpResponse:
    """Public if published; otherwise the country's members and the secretariat."""
    edition = access_edition(request, iso3, number, "view")
    return _page(request, edition.guide, edition)


@require_GET
def edition_endorsed(request: HttpRequest, iso3: str, number: int) -> HttpResponse:
    """The secretariat: the edition as endorsed, with the people withdrawn since."""
    edition = access_edition(request, iso3, number, "view_endorsed")
    return _page(request, edition.guide, edition, as_endorsed=True)


@require_GET
@login_not_required
def edition_pdf(request: HttpRequest, iso3: str, number: int) -> HttpResponseBase:
    """As ``edition_detail``, as PDF."""
    edition = access_edition(request, iso3, number, "view")
    return _pdf_response(request, edition)


@require_GET
@login_not_required
def edition_compare(request: HttpRequest, iso3: str) -> HttpResponse:
    """Compare two editions part by part (``?a=1&b=2``); each must be readable by the visitor."""
    if "a" not in request.GET or "b" not in request.GET:
        raise Http404(_("Give two edition numbers: ?a=1&b=2."))
    numbers = sorted(parse_number(request.GET[key]) for key in "ab")
    old, new = (access_edition(request, iso3, n, "view") for n in numbers)
    context = {
        "country": new.guide.country,
        "guide": new.guide,
        "old": old,
        "new": new,
        **publication.editions_comparison(old, new),
    }
    return render(request, "guides/edition_compare.html", context)
