"""A request's file, as a page and as PDF: its country's readers and the secretariat."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from .file_data import build_file
from .file_pdf import file_pdf
from .mission_permissions import access_mission_request
from .mission_views import request_page


@require_GET
def file(request: HttpRequest, pk: int) -> HttpResponse:
    """The request, its terms of reference, experts, mission, report, evaluation, timeline."""
    support_request = access_mission_request(request, pk, "file")
    context = {
        "file": build_file(support_request, request.user),
        "support_request": support_request,
        "back": request_page(support_request),
    }
    response = render(request, "support/file.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def file_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The same as PDF, in the page's language."""
    support_request = access_mission_request(request, pk, "file")
    language = translation.get_language() or "en"
    response = HttpResponse(
        file_pdf(build_file(support_request, request.user)), content_type="application/pdf"
    )
    name = f"{support_request.reference}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
