"""Home page: compressed weight with everything it loads, and server time.

Baseline, measured in the same run: /healthz (one database query, no template).
Targets (issue 2): home page with everything it loads under 100 KB compressed.
Run: `make bench` (or `.venv/bin/python bench/home_page.py` after `make setup`).
"""

from _setup import p50_p95, page_weight, timed
from django.test import Client

RUNS = 200
URL = "/en/"


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    html = client.get(URL).content
    total, assets = page_weight(html)
    print(f"{URL}: {len(html)} B html")
    for url, size in assets:
        print(f"  {url}: {size} B gzip")
    print(f"home page with everything it loads: {total / 1024:.1f} KB gzip (target < 100 KB)")
    page = timed(lambda: client.get(URL), RUNS)
    base = timed(lambda: client.get("/healthz"), RUNS)
    for name, samples in (("home", page), ("healthz (baseline)", base)):
        p50, p95 = p50_p95(samples)
        print(f"{name}: p50 {p50:.2f} ms, p95 {p95:.2f} ms over {RUNS} requests")
    print(f"ratio home / baseline (p50): {p50_p95(page)[0] / p50_p95(base)[0]:.2f}")


if __name__ == "__main__":
    main()
