"""Shared start of the benchmarks: Django on the `make setup` database, timing helpers."""

import gzip
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "false"

import django  # noqa: E402

django.setup()


def timed(action: Callable[[], object], runs: int, warm_up: bool = True) -> list[float]:
    """Milliseconds per run, after one warm-up run (unless told not to)."""
    if warm_up:
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p50_p95(samples: list[float]) -> tuple[float, float]:
    if len(samples) < 2:
        return samples[0], samples[0]
    return statistics.median(samples), statistics.quantiles(samples, n=20)[18]


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def page_weight(html: bytes) -> tuple[int, list[tuple[str, int]]]:
    """Gzip bytes of a page and of every stylesheet and script it loads (from var/static)."""
    from django.conf import settings

    assets = []
    for url in re.findall(rb'<(?:script|link)[^>]+(?:src|href)="(/static/[^"]+)"', html):
        path = Path(settings.STATIC_ROOT) / url.decode().removeprefix("/static/")
        assets.append((url.decode(), gzip_size(path.read_bytes())))
    return gzip_size(html) + sum(size for _, size in assets), assets
