"""Server time of a country's migration profile and its compressed weight with all it loads.

The charts are drawn first (cold, once each), then the page is timed with them cached, as
a visitor after the first meets it. Baseline, in the same run: /healthz (one query, no
template). Targets (issue 4): p95 <= 50 ms with charts cached; <= 100 KB compressed with
everything the page loads, the chart SVGs included.
Run after `make setup` (all statistics loaded): `.venv/bin/python bench/profile_page.py`.
"""

import re
import time

from _setup import gzip_size, p50_p95, page_weight, timed
from django.core.cache import cache
from django.test import Client

RUNS = 200
URL = "/en/countries/SEN/profile/"


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    cache.clear()
    response = client.get(URL)
    if response.status_code != 200:
        raise SystemExit(f"{URL} answered {response.status_code}: run `make setup` first.")
    charts = [url.replace("&amp;", "&") for url in re.findall(r'<img src="([^"]+)"', response.text)]
    if not charts:
        raise SystemExit("No chart on the page: load the statistics (`make setup`).")

    drawn: list[tuple[str, int, float]] = []
    for url in charts:  # cold: each chart drawn once, then cached
        start = time.perf_counter()
        svg = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        if svg.status_code != 200 or not svg.content.startswith(b"<svg"):
            raise SystemExit(f"{url} answered {svg.status_code}")
        drawn.append((url, gzip_size(svg.content), elapsed))

    total, assets = page_weight(response.content)
    print(f"{URL}: {len(response.content)} B html, {gzip_size(response.content)} B gzip")
    for url, size in assets:
        print(f"  {url}: {size} B gzip")
    for url, size, elapsed in drawn:
        print(f"  {url.split('?')[0]}: {size} B gzip (first drawing {elapsed:.0f} ms)")
    charts_weight = sum(size for _url, size, _ms in drawn)
    print(
        f"{len(drawn)} charts drawn cold in {sum(ms for *_rest, ms in drawn):.0f} ms in all "
        f"(the first one starts vl-convert's engine)"
    )
    print(
        f"profile page with everything it loads: {(total + charts_weight) / 1024:.1f} KB gzip "
        f"(page and assets {total / 1024:.1f} KB, charts {charts_weight / 1024:.1f} KB; "
        f"target <= 100 KB)"
    )

    page = timed(lambda: client.get(URL), RUNS)
    chart = timed(lambda: client.get(charts[0]), RUNS)
    base = timed(lambda: client.get("/healthz"), RUNS)
    for name, samples in (
        ("profile page, charts cached", page),
        ("one chart, cached", chart),
        ("healthz (baseline)", base),
    ):
        p50, p95 = p50_p95(samples)
        print(f"{name}: p50 {p50:.2f} ms, p95 {p95:.2f} ms over {RUNS} requests")
    ratio = p50_p95(page)[0] / p50_p95(base)[0]
    print(f"p95 target <= 50 ms; ratio to baseline (p50): {ratio:.1f}")


if __name__ == "__main__":
    main()
