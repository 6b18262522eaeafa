"""Server time of the published guide page and its compressed weight with all it loads.

Baseline, in the same run: /healthz (one query, no template).
Targets (issue 3): p95 <= 50 ms; <= 100 KB compressed with everything it loads.
Run after `make setup`: `.venv/bin/python bench/guide_page.py`.
"""

from _setup import p50_p95, page_weight, timed
from django.test import Client

RUNS = 200
URL = "/en/countries/SEN/guide/?lang=fr"


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    response = client.get(URL)
    if response.status_code != 200:
        raise SystemExit(f"{URL} answered {response.status_code}: run `make setup` first.")
    total, assets = page_weight(response.content)
    print(f"{URL}: {len(response.content)} B html")
    for url, size in assets:
        print(f"  {url}: {size} B gzip")
    print(f"guide page with everything it loads: {total / 1024:.1f} KB gzip (target <= 100 KB)")
    page = timed(lambda: client.get(URL), RUNS)
    base = timed(lambda: client.get("/healthz"), RUNS)
    for name, samples in (("guide page", page), ("healthz (baseline)", base)):
        p50, p95 = p50_p95(samples)
        print(f"{name}: p50 {p50:.2f} ms, p95 {p95:.2f} ms over {RUNS} requests")
    ratio = p50_p95(page)[0] / p50_p95(base)[0]
    print(f"p95 target <= 50 ms; ratio to baseline (p50): {ratio:.1f}")


if __name__ == "__main__":
    main()
