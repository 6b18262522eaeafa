"""Downloads of an indicator for a choice of countries and years (/data/download/); public."""

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from ..download_files import open_download
from ..forms import DownloadForm

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "sdmx-csv": "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
RETRY_AFTER = 3  # seconds before the "being prepared" page asks again


@require_GET
@login_not_required
def download(request: HttpRequest) -> HttpResponse | FileResponse:
    """?indicator=CODE&country=SEN&country=MLI&partner=none&from=2000&to=2024&format=csv&hxl=1

    Bad input answers 400 with a page naming each problem. The file is built once per data
    revision and served from storage; while a large one is built, 202 with a page that asks
    again (``Retry-After`` and a refresh, without JavaScript).
    """
    form = DownloadForm(request.GET)
    if not form.is_valid():
        return render(request, "statistics/download_invalid.html", {"form": form}, status=400)
    query = form.query()
    stored = open_download(
        query=query, language=get_language() or "en", site_root=request.build_absolute_uri("/")
    )
    if stored is None:
        context = {"query": query, "retry_after": RETRY_AFTER}
        response = render(request, "statistics/download_pending.html", context, status=202)
        response["Retry-After"] = str(RETRY_AFTER)
        add_never_cache_headers(response)
        return response
    return FileResponse(
        stored,
        as_attachment=True,
        filename=query.filename(),
        content_type=CONTENT_TYPES[query.format],
    )
