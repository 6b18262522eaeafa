"""Downloads of an indicator for a choice of countries and years (/data/download/); public."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import downloads
from ..forms import DownloadForm
from ..models import Dataset

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "sdmx-csv": "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_GET
@login_not_required
def download(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """?indicator=CODE&country=SEN&country=MLI&from=2000&to=2024&format=csv|xlsx|sdmx-csv&hxl=1

    Bad input answers 400 with a page naming each problem. CSV is streamed.
    """
    form = DownloadForm(request.GET)
    if not form.is_valid():
        return render(request, "statistics/download_invalid.html", {"form": form}, status=400)
    query = form.query()
    disposition = f'attachment; filename="{query.filename()}"'
    content_type = CONTENT_TYPES[query.format]
    if query.format == "xlsx":

        def page_url(dataset: Dataset) -> str:
            return request.build_absolute_uri(dataset.get_absolute_url())

        content = downloads.xlsx_bytes(query, page_url)
        return HttpResponse(
            content, content_type=content_type, headers={"Content-Disposition": disposition}
        )
    chunks = (
        downloads.sdmx_csv_chunks(query)
        if query.format == "sdmx-csv"
        else downloads.csv_chunks(query)
    )
    return StreamingHttpResponse(
        chunks, content_type=content_type, headers={"Content-Disposition": disposition}
    )
