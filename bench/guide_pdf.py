"""Seconds per PDF of the full-size demo guide, against WeasyPrint alone; cached PDF serving.

Baseline, in the same run: WeasyPrint rendering the very same HTML string (already
rendered), so the ratio is what our pipeline adds (template rendering, file handling).
Targets (issue 3): ratio <= 1.3; a cached PDF served in <= 20 ms.
Run after `make setup` (which loads the demo guides): `.venv/bin/python bench/guide_pdf.py`.
"""

import tempfile

from _setup import p50_p95, timed
from django.conf import settings
from django.http import StreamingHttpResponse
from django.test import Client, override_settings
from weasyprint import HTML

from rabatnet.guides.models import Edition
from rabatnet.guides.rendering import build_pdf, render_guide_print

RUNS = 3


def main() -> None:
    edition = (
        Edition.objects.filter(status=Edition.Status.PUBLISHED, guide__country__iso3="SEN")
        .order_by("-number")
        .first()
    )
    if edition is None:
        raise SystemExit("No published guide for Senegal: run `make setup` first.")
    content, sha = edition.content, edition.content_sha256
    html = render_guide_print(content, sha)
    base_url = str(settings.BASE_DIR)
    ours, alone = [], []
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        build_pdf(content, sha)  # warm up both
        HTML(string=html, base_url=base_url).write_pdf()
        for _ in range(RUNS):  # interleaved, so both see the same machine load
            ours += timed(lambda: build_pdf(content, sha), 1, warm_up=False)
            alone += timed(
                lambda: HTML(string=html, base_url=base_url).write_pdf(), 1, warm_up=False
            )
    pages = len(HTML(string=html, base_url=base_url).render().pages)
    mean_ours, mean_alone = sum(ours) / len(ours) / 1000, sum(alone) / len(alone) / 1000
    print(f"demo guide SEN/fr edition {edition.number}: {pages} pages")
    print(f"our pipeline (render + WeasyPrint + store): {mean_ours:.2f} s per PDF")
    print(f"WeasyPrint alone on the same HTML (baseline): {mean_alone:.2f} s per PDF")
    print(f"ratio: {mean_ours / mean_alone:.2f} (target <= 1.3)")

    client = Client(HTTP_HOST="127.0.0.1")
    url = "/en/countries/SEN/guide.pdf?lang=fr"
    first = client.get(url)
    if first.status_code != 200:
        raise SystemExit(f"{url} answered {first.status_code}: start the worker or retry.")
    assert isinstance(first, StreamingHttpResponse)  # a stored file, streamed
    b"".join(first.streaming_content)

    def fetch() -> None:
        response = client.get(url)
        assert isinstance(response, StreamingHttpResponse)
        b"".join(response.streaming_content)
        response.close()

    p50, p95 = p50_p95(timed(fetch, 50))
    print(f"cached PDF served: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target <= 20 ms)")


if __name__ == "__main__":
    main()
