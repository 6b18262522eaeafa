"""Home page: compressed weight with everything it loads, and server time.

Baseline, measured in the same run: /healthz (one database query, no template).
Targets (issue 2): home page with everything it loads under 100 KB compressed.
Run: `make bench` (or `.venv/bin/python bench/home_page.py` after `make setup`).
"""

import gzip
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

RUNS = 200
URL = "/en/"


def timings(client: Client, url: str) -> list[float]:
    client.get(url)  # warm up
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    html = client.get(URL).content
    assets = re.findall(rb'<(?:script|link)[^>]+(?:src|href)="(/static/[^"]+)"', html)
    total = compressed(html)
    print(f"{URL} html: {len(html)} B raw, {total} B gzip")
    for asset in assets:
        path = settings.STATIC_ROOT / asset.decode().removeprefix("/static/")
        data = path.read_bytes()
        total += compressed(data)
        print(f"  {asset.decode()}: {len(data)} B raw, {compressed(data)} B gzip")
    print(f"home page with everything it loads: {total / 1024:.1f} KB gzip (target < 100 KB)")

    page = timings(client, URL)
    base = timings(client, "/healthz")
    for name, samples in (("home", page), ("healthz (baseline)", base)):
        p50, p95 = statistics.median(samples), statistics.quantiles(samples, n=20)[18]
        print(f"{name}: p50 {p50:.2f} ms, p95 {p95:.2f} ms over {RUNS} requests")
    print(f"ratio home / baseline (p50): {statistics.median(page) / statistics.median(base):.2f}")


if __name__ == "__main__":
    main()
