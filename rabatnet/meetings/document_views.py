"""A language version of a meeting's document, as a download."""

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from .permissions import access_document_file


@login_not_required
@require_GET
def document_download(request: HttpRequest, slug: str, pk: int, language: str) -> FileResponse:
    """Public documents for anybody; restricted ones for members (others: sign in, or 403).

    Always an attachment, with the type read from the content when it was uploaded, so a
    browser never runs it as a page.
    """
    version = access_document_file(request, slug, pk, language)
    try:
        handle = version.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The file is missing.") from exc
    response = FileResponse(
        handle, as_attachment=True, filename=version.filename, content_type=version.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    if version.document.restricted:
        response["Cache-Control"] = "private, no-store"
    return response
