"""The countries × objectives matrix with 60 countries × 10 objectives of verified data.

Measures, in one process through Django's test client and the project's real middleware
(the public page cache, the compression):
- server time of /en/strategy/matrix/, median and p95 of N runs, with an empty cache (each
  run builds the page and keeps it in every encoding) and with a warm cache (a hit), and
  with the page cache off (the page built, compressed for the one encoding asked);
- the database queries of a build;
- bytes over the wire as a browser receives them: the body with ``Accept-Encoding: br``,
  ``gzip`` and none, with the Content-Encoding the middleware answered;
- baseline, in the same run: the countries list page (/en/countries/), measured the same way.
The data is written in one transaction rolled back at the end: the database is left as it
was. Run after `make setup`: `.venv/bin/python bench/followup.py`.
"""

import os
import time
from datetime import date

from _setup import p50_p95
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.followup.models import Assessment, Cycle
from rabatnet.strategy.models import Framework, Objective

RUNS = int(os.environ.get("BENCH_RUNS", "20"))
COUNTRIES = 60
MATRIX = "/en/strategy/matrix/"
BASELINE = "/en/countries/"
STATUSES = ["not_started", "planned", "in_progress", "achieved", "not_applicable"]


def load_data() -> int:
    framework = Framework.objects.get(slug="dakar-strategy")
    objectives = list(Objective.objects.filter(framework=framework).order_by("number"))
    taking_part = list(Country.objects.taking_part().distinct().order_by("iso3"))
    others = Country.objects.exclude(pk__in=[c.pk for c in taking_part]).order_by("iso3")
    countries = (taking_part + list(others))[:COUNTRIES]
    cycle = Cycle.objects.create(
        framework=framework,
        slug="bench-cycle",
        title_en="Bench cycle",
        opens_on=date(2099, 1, 1),
        deadline=date(2099, 6, 30),
    )
    now = timezone.now()
    Assessment.objects.bulk_create(
        [
            Assessment(
                cycle=cycle,
                country=country,
                objective=objective,
                self_status=STATUSES[(i + j) % 5],
                verified_status=STATUSES[(i * j) % 5],
                review_state="verified",
                verified_at=now,
                narrative="Bench narrative. " * 20,
            )
            for i, country in enumerate(countries)
            for j, objective in enumerate(objectives)
        ]
    )
    return len(countries) * len(objectives)


def timed_get(client: Client, url: str, empty: bool) -> list[float]:
    client.get(url, HTTP_ACCEPT_ENCODING="br")  # warm-up (imports, templates)
    samples = []
    for _ in range(RUNS):
        if empty:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url, HTTP_ACCEPT_ENCODING="br")
        samples.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            print(f"  ! {url} answered {response.status_code}")
    return samples


def wire(client: Client, url: str) -> list[tuple[str, int, str]]:
    out = []
    for accept in ("br", "gzip", ""):
        response = client.get(url, HTTP_ACCEPT_ENCODING=accept)
        out.append(
            (accept or "identity", len(response.content), response.get("Content-Encoding", "-"))
        )
    return out


def queries(client: Client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def report(label: str, url: str, client: Client) -> tuple[float, float]:
    cold_p50, cold_p95 = p50_p95(timed_get(client, url, empty=True))
    warm_p50, warm_p95 = p50_p95(timed_get(client, url, empty=False))
    print(f"{label} {url}")
    print(f"  empty cache: p50 {cold_p50:.1f} ms, p95 {cold_p95:.1f} ms ({RUNS} runs)")
    print(f"  warm cache:  p50 {warm_p50:.2f} ms, p95 {warm_p95:.2f} ms")
    with override_settings(PUBLIC_PAGE_CACHE=False):
        built_p50, built_p95 = p50_p95(timed_get(client, url, empty=False))
    print(f"  page cache off (the view and middleware only): p50 {built_p50:.1f} ms")
    print(f"  queries (empty cache): {queries(client, url)}")
    for accept, size, encoding in wire(client, url):
        print(f"  Accept-Encoding {accept:<8} -> {size:>7,} bytes (Content-Encoding: {encoding})")
    return cold_p50, warm_p50


def main() -> None:
    settings = {"PUBLIC_PAGE_CACHE": True, "ALLOWED_HOSTS": ["testserver"]}
    with override_settings(**settings), transaction.atomic():
        cells = load_data()
        client = Client()
        print(f"matrix of {COUNTRIES} countries x 10 objectives: {cells} verified assessments")
        ours_cold, ours_warm = report("matrix", MATRIX, client)
        base_cold, base_warm = report("baseline", BASELINE, client)
        print(
            f"ratio matrix / baseline: empty cache {ours_cold / base_cold:.1f}, "
            f"warm cache {ours_warm / base_warm:.1f}"
        )
        transaction.set_rollback(True)
    cache.clear()


if __name__ == "__main__":
    main()
