"""Speed of the i-Map: server time of /en/map/ per layer, and its bytes over the wire.

Starts the real server as `make run` does (bench/wire.py's ``Server``: gunicorn with
config/gunicorn.py, demo settings, the var/ database of `make setup`) and measures from
outside, one request at a time on a kept-alive connection:
- per layer (membership, guides, indicator, bilateral with country=SEN, routes), p50/p95 of
  the page cached (the public page cache warm) and of its first render (before each request
  a fresh data revision: what the first visitor after an import meets; the geometry stays
  prepared), each as a ratio to /healthz's p95 in the same run; p95 of the state as htmx
  asks for it (HX-Request: never kept by the page cache); and once per layer the very first
  request after the server started on an emptied cache (`clear_cache`), for the record;
- bytes over the wire of a first view with everything the page loads, as Chromium counts
  them (CDP Network.loadingFinished encodedDataLength), JavaScript off and on;
- the SVG compressed: the map.svg download as the server sends it, and the SVG inside the
  page compressed as the page is (brotli), with its share of the page.
Targets (issue 9): cached p95 <= 30 ms, first render p95 <= 500 ms, <= 200 KB over the wire
with JavaScript off, the SVG <= 120 KB compressed.
Run after `make setup`: `.venv/bin/python bench/map.py` (or `make bench`).
"""

import http.client
import os
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import brotli
from _setup import ROOT
from django.core.cache import caches
from wire import HEADERS, Server, get, wire_bytes

from rabatnet.core import revisions

CACHED_RUNS = int(os.environ.get("MAP_CACHED_RUNS", "100"))
FIRST_RUNS = int(os.environ.get("MAP_FIRST_RUNS", "10"))
INDICATOR = "migrant_stock_total"
LAYERS = {
    "membership": "layer=membership",
    "guides": "layer=guides",
    "indicator": f"layer=indicator&indicator={INDICATOR}",
    "bilateral": "layer=bilateral&country=SEN",
    "routes": "layer=routes",
}
CACHED_MS, FIRST_MS = 30, 500
WIRE_OFF_KB, SVG_KB = 200, 120


def page_url(query: str) -> str:
    return f"/en/map/?{query}"


def timings(
    port: int,
    url: str,
    runs: int,
    before: Callable[[], None] | None = None,
    htmx: bool = False,
) -> list[float]:
    """Milliseconds of ``runs`` requests on one kept-alive connection (``before`` each);
    ``htmx`` asks as htmx does when it swaps the state in place."""
    headers = {**HEADERS, "HX-Request": "true"} if htmx else HEADERS
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    samples = []
    try:
        for _ in range(runs):
            if before:
                before()
            start = time.perf_counter()
            connection.request("GET", url, headers=headers)
            response = connection.getresponse()
            response.read()
            samples.append((time.perf_counter() - start) * 1000)
            if response.status != 200:
                raise SystemExit(f"{url} answered {response.status}")
    finally:
        connection.close()
    return samples


def p50_p95(samples: list[float]) -> tuple[float, float]:
    if len(samples) < 2:
        return samples[0], samples[0]
    return statistics.median(samples), statistics.quantiles(samples, n=20)[18]


def fresh_revision() -> None:
    """What an import does to the caches: every key of public data changes, nothing is deleted."""
    revisions.bump(revisions.STATISTICS, revisions.REFERENCE, revisions.GUIDES)


def inline_svg(html: str) -> str:
    """The largest <svg>…</svg> of the page: the map (icons are small)."""
    found = re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
    return max(found, key=len) if found else ""


@dataclass(frozen=True)
class SvgWeight:
    """The map.svg download as sent, and the page's own SVG compressed as the page is."""

    download_status: int
    download_bytes: int
    download_encoding: str
    inline_raw: int
    inline_br: int
    page_br: int


def svg_weight(port: int, query: str) -> SvgWeight:
    status, body, headers = get(port, f"/en/map/map.svg?{query}")
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", page_url(query), headers={"Accept": "text/html"})
        html = connection.getresponse().read()
    finally:
        connection.close()
    svg = inline_svg(html.decode()).encode()
    return SvgWeight(
        download_status=status,
        download_bytes=len(body),
        download_encoding=headers.get("content-encoding", "identity"),
        inline_raw=len(svg),
        inline_br=len(brotli.compress(svg, quality=9)) if svg else 0,
        page_br=len(brotli.compress(html, quality=9)),
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> None:
    if not (ROOT / "var" / "rabatnet.sqlite3").exists():
        raise SystemExit("No var/ database: run `make setup` first.")
    caches["default"].clear()  # the first requests below build everything
    with Server() as server:
        port = server.port
        cold = {}
        for name, query in LAYERS.items():
            start = time.perf_counter()
            status, _body, _headers = get(port, page_url(query))
            cold[name] = (time.perf_counter() - start) * 1000
            if status != 200:
                raise SystemExit(f"{page_url(query)} answered {status}: run `make setup` first.")
        timings(port, "/healthz", 20)  # warm the connection path
        first = {
            n: timings(port, page_url(q), FIRST_RUNS, fresh_revision) for n, q in LAYERS.items()
        }
        cached = {n: timings(port, page_url(q), CACHED_RUNS) for n, q in LAYERS.items()}
        swaps = {n: timings(port, page_url(q), FIRST_RUNS, htmx=True) for n, q in LAYERS.items()}
        base = timings(port, "/healthz", CACHED_RUNS * 2)
        svgs = {name: svg_weight(port, query) for name, query in LAYERS.items()}
        weights = wire_bytes(port, [page_url(query) for query in LAYERS.values()])

    base_p50, base_p95 = p50_p95(base)
    print(f"server on port {port}: gunicorn (config/gunicorn.py), demo settings, var/ database")
    print(f"/healthz (baseline): p50 {base_p50:.2f} ms, p95 {base_p95:.2f} ms over {len(base)}")
    print()
    print(
        f"server time of /en/map/ per layer: cached over {CACHED_RUNS} requests "
        f"(target p95 <= {CACHED_MS} ms), first render over {FIRST_RUNS} (a fresh revision "
        f"before each; target p95 <= {FIRST_MS} ms), x hz = p95 / healthz p95"
    )
    header = (
        f"{'layer':<11} {'cached p50':>10} {'p95':>8} {'x hz':>6} {'':4}  "
        f"{'first p50':>9} {'p95':>8} {'x hz':>6} {'':4}  {'htmx p95':>8} {'':4}  "
        f"{'cold start':>10}"
    )
    print(header)
    print("-" * len(header))
    for name in LAYERS:
        c50, c95 = p50_p95(cached[name])
        f50, f95 = p50_p95(first[name])
        h95 = p50_p95(swaps[name])[1]
        print(
            f"{name:<11} {c50:>8.1f}ms {c95:>6.1f}ms {c95 / base_p95:>6.1f} "
            f"{verdict(c95 <= CACHED_MS):4}  {f50:>7.1f}ms {f95:>6.1f}ms {f95 / base_p95:>6.1f} "
            f"{verdict(f95 <= FIRST_MS):4}  {h95:>6.1f}ms {verdict(h95 <= FIRST_MS):4}  "
            f"{cold[name]:>8.0f}ms"
        )
    print("(htmx: the state as htmx asks for it when it swaps it in place (HX-Request), which")
    print(" the public page cache does not keep; judged against the first-render target.")
    print(" cold start: the first request of each layer after the server started on an emptied")
    print(" cache, in this order: the first one prepares the geometry; not a target)")
    print()
    print(
        f"bytes over the wire, everything the page loads, as Chromium counts them (target JS off "
        f"<= {WIRE_OFF_KB} KB); the SVG compressed (target <= {SVG_KB} KB)"
    )
    header = (
        f"{'layer':<11} {'JS off KB':>9} {'req':>4} {'':4}  {'JS on KB':>8} {'req':>4}  "
        f"{'map.svg KB':>10} {'enc':>8} {'':4}  {'inline svg':>10} {'br KB':>6} {'share':>6} {'':4}"
    )
    print(header)
    print("-" * len(header))
    for name, query in LAYERS.items():
        off_bytes, off_requests = weights[(page_url(query), False)]
        on_bytes, on_requests = weights[(page_url(query), True)]
        svg = svgs[name]
        if svg.download_status == 200:
            download_text = (
                f"{svg.download_bytes / 1024:>10.1f} {svg.download_encoding:>8} "
                f"{verdict(svg.download_bytes <= SVG_KB * 1024):4}"
            )
        else:
            download_text = f"{'status ' + str(svg.download_status):>19} FAIL"
        share = svg.inline_br / svg.page_br if svg.page_br else 0.0
        print(
            f"{name:<11} {off_bytes / 1024:>9.1f} {off_requests:>4} "
            f"{verdict(off_bytes <= WIRE_OFF_KB * 1024):4}  {on_bytes / 1024:>8.1f} "
            f"{on_requests:>4}  {download_text}  {svg.inline_raw / 1024:>8.0f}KB "
            f"{svg.inline_br / 1024:>6.1f} {share:>6.0%} "
            f"{verdict(0 < svg.inline_br <= SVG_KB * 1024):4}"
        )
    print("(inline svg: raw size of the page's <svg>, brotli-compressed size, its share of the")
    print(" page's compressed bytes; map.svg: the download's bytes as sent, with their encoding)")


if __name__ == "__main__":
    main()
