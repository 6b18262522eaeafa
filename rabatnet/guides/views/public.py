"""Reading guides: published editions are public; other editions stay with the country."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rabatnet.network.permissions import is_secretariat

from .. import publication, selectors
from ..models import Edition, Guide
from ..permissions import can_view_drafts, can_view_edition
from .common import country_and_guide
from .lifecycle import workspace_url


def _published(guide: Guide) -> Edition:
    edition = selectors.published_edition(guide)
    if edition is None:
        raise Http404("This guide is not published yet.")
    return edition


def _refusal(request: HttpRequest, *editions: Edition) -> HttpResponse | None:
    """None if the visitor may read every edition; the login page for an anonymous
    visitor who may not; 403 for a signed-in one."""
    if all(can_view_edition(request.user, edition) for edition in editions):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def _page(
    request: HttpRequest, guide: Guide, edition: Edition, *, as_endorsed: bool = False
) -> HttpResponse:
    context = {
        "country": guide.country,
        "guide": guide,
        "edition": edition,
        **publication.edition_page_context(edition, as_endorsed=as_endorsed),
        "languages": [g for g in selectors.published_guides(guide.country)],
        "is_secretariat": request.user.is_authenticated and is_secretariat(request.user),
    }
    return render(request, "guides/guide_detail.html", context)


@require_GET
@login_not_required
def guide_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    """Public: the latest published edition, in the guide's own language.

    Before publication the country's members are taken to the workspace; others get 404.
    """
    country, guide = country_and_guide(request, iso3)
    edition = selectors.published_edition(guide)
    if edition is None and request.user.is_authenticated and can_view_drafts(request.user, country):
        messages.info(request, _("This guide is not published yet: here is its workspace."))
        return redirect(workspace_url(country.iso3, guide.language))
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
    _, guide = country_and_guide(request, iso3)
    return _pdf_response(request, _published(guide))


@require_GET
@login_not_required
def guide_docx(request: HttpRequest, iso3: str) -> HttpResponse:
    """Public: the published edition as a Word document."""
    _, guide = country_and_guide(request, iso3)
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
    country, guide = country_and_guide(request, iso3)
    everything = request.user.is_authenticated and can_view_drafts(request.user, country)
    editions = selectors.editions(guide, published_only=not everything)
    summaries = [publication.edition_summary(e) for e in editions]
    context = {"country": country, "guide": guide, "editions": summaries}
    return render(request, "guides/edition_list.html", context)


@require_GET
@login_not_required
def edition_detail(request: HttpRequest, iso3: str, number: int) -> HttpResponse:
    """Public if published; otherwise the country's members and the secretariat."""
    _, guide = country_and_guide(request, iso3)
    edition = selectors.edition(guide, number)
    return _refusal(request, edition) or _page(request, guide, edition)


@require_GET
def edition_endorsed(request: HttpRequest, iso3: str, number: int) -> HttpResponse:
    """The secretariat: the edition as endorsed, with the people withdrawn since."""
    _, guide = country_and_guide(request, iso3)
    edition = selectors.edition(guide, number)
    if not (request.user.is_authenticated and is_secretariat(request.user)):
        raise PermissionDenied
    return _page(request, guide, edition, as_endorsed=True)


@require_GET
@login_not_required
def edition_pdf(request: HttpRequest, iso3: str, number: int) -> HttpResponseBase:
    """As ``edition_detail``, as PDF."""
    _, guide = country_and_guide(request, iso3)
    edition = selectors.edition(guide, number)
    return _refusal(request, edition) or _pdf_response(request, edition)


@require_GET
@login_not_required
def edition_compare(request: HttpRequest, iso3: str) -> HttpResponse:
    """Compare two editions part by part (``?a=1&b=2``); each must be readable by the visitor."""
    country, guide = country_and_guide(request, iso3)
    try:
        numbers = int(request.GET["a"]), int(request.GET["b"])
    except (KeyError, ValueError) as exc:
        raise Http404(_("Give two edition numbers: ?a=1&b=2.")) from exc
    old, new = (selectors.edition(guide, n) for n in sorted(numbers))
    if refusal := _refusal(request, old, new):
        return refusal
    context = {
        "country": country,
        "guide": guide,
        "old": old,
        "new": new,
        **publication.editions_comparison(old, new),
    }
    return render(request, "guides/edition_compare.html", context)
