"""Technical support: the public clock page with 600 requests, and the ranking of experts.

Measures, in one process through Django's test client and the project's real middleware
(the public page cache, the compression):
- server time of /en/support/ (the public clock: counts and stage durations), median and p95
  of N runs, with an empty cache (each run builds the page and keeps it in every encoding)
  and with a warm cache (a hit), and with the page cache off;
- the database queries of a build;
- bytes over the wire as a browser receives them: the body with ``Accept-Encoding: br``,
  ``gzip`` and none, with the Content-Encoding the middleware answered;
- the ranking of the roster for one request (``rabatnet.support.matching``, when it is
  there), with 200 more experts on the roster: median and p95, and its queries;
- baseline, in the same run: the countries list page (/en/countries/), measured the same way.
On top of what `make setup` loaded (the demo roster and requests), 600 public requests with
their stage events and 200 experts are written in one transaction rolled back at the end:
the database is left as it was. Run after `make setup`: `.venv/bin/python bench/support.py`.
"""

import importlib
import os
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from _setup import p50_p95, timed
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from followup import report  # the same timing, wire and query measures as the matrix's

from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Person, Role
from rabatnet.strategy.models import Objective, Theme
from rabatnet.support.models import Availability, Expert, StageEvent, SupportKind, SupportRequest

RUNS = int(os.environ.get("BENCH_RUNS", "20"))
REQUESTS = 600
EXPERTS = 200
CLOCK = "/en/support/"
BASELINE = "/en/countries/"
# The stages a request goes through, with the days each took (varied below).
PATH = [("acknowledge", "acknowledged", 2), ("scope", "scoped", 9), ("match", "matched", 4)]
PATH += [("approve", "approved", 5), ("deploy", "deployed", 20), ("report", "reported", 12)]
PATH += [("evaluate", "evaluated", 10), ("close", "closed", 3)]
KINDS = list(SupportKind.values)


def load_requests() -> int:
    countries = list(Country.objects.taking_part().distinct().order_by("iso3"))[:30]
    themes = list(Theme.objects.filter(framework__slug="dakar-strategy"))
    start = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)
    requests = SupportRequest.objects.bulk_create(
        SupportRequest(
            country=countries[i % len(countries)],
            title=f"Bench request {i}",
            kind=KINDS[i % len(KINDS)],
            theme=themes[i % len(themes)],
            needs="Bench needs. " * 10,
            beneficiary_institution="Bench institution",
            stage=PATH[i % len(PATH)][1],
            filed_at=start + timedelta(days=i * 1.5),
        )
        for i in range(REQUESTS)
    )
    events = []
    for i, request in enumerate(requests):
        at, stage = request.filed_at, "received"
        events.append(StageEvent(request=request, action="file", to_stage=stage, at=at))
        for step, (action, target, days) in enumerate(PATH[: i % len(PATH) + 1]):
            at += timedelta(days=days + (i * 7 + step) % 5, hours=i % 9)
            events.append(
                StageEvent(request=request, action=action, from_stage=stage, to_stage=target, at=at)
            )
            stage = target
    StageEvent.objects.bulk_create(events)
    return len(events)


def load_experts() -> None:
    people = Person.objects.bulk_create(
        Person(full_name=f"Bench Expert {i}", email=f"bench.expert.{i}@example.org")
        for i in range(EXPERTS)
    )
    Appointment.objects.bulk_create(
        Appointment(person=p, role=Role.EXPERT, starts_on=date(2024, 1, 1)) for p in people
    )
    nationalities = list(Country.objects.order_by("iso3")[:40])
    experts = Expert.objects.bulk_create(
        Expert(
            person=p,
            kind="international" if i % 3 else "local",
            nationality=nationalities[i % len(nationalities)],
            kinds=KINDS[i % 4 :: 2],
            languages=["en", "fr"] if i % 2 else ["fr"],
        )
        for i, p in enumerate(people)
    )
    objectives = list(Objective.objects.filter(framework__slug="dakar-strategy"))
    through = Expert.objectives.through
    through.objects.bulk_create(
        through(expert_id=e.pk, objective_id=objectives[i % len(objectives)].pk)
        for i, e in enumerate(experts)
    )
    today = timezone.localdate()
    Availability.objects.bulk_create(
        Availability(
            expert=e,
            starts_on=today + timedelta(days=i % 30),
            ends_on=today + timedelta(days=60 + i % 200),
        )
        for i, e in enumerate(experts)
    )


def ranking() -> tuple[str, Callable[[SupportRequest], Any]] | None:
    """The matching's ranking function, if the matching module is there."""
    try:
        matching = importlib.import_module("rabatnet.support.matching")
    except ImportError:
        return None
    for name in ("rank_experts", "rank", "ranking", "ranked_experts", "ranked"):
        function = getattr(matching, name, None)
        if callable(function):
            return name, function
    return None


def report_ranking() -> None:
    found = ranking()
    request = (
        SupportRequest.objects.filter(stage__in=["acknowledged", "scoped", "matched"])
        .exclude(title__startswith="Bench")
        .first()
    ) or SupportRequest.objects.filter(stage="scoped").first()
    if found is None or request is None:
        print("ranking of experts: not measured (no rabatnet.support.matching ranking yet)")
        return
    name, rank = found
    p50, p95 = p50_p95(timed(lambda: rank(request), RUNS))
    with CaptureQueriesContext(connection) as captured:
        result = rank(request)
    ranked = getattr(result, "ranked", result)  # matching.Ranking: ranked and excluded
    excluded = len(getattr(result, "excluded", []))
    size = f"{len(ranked)} ranked, {excluded} excluded" if hasattr(ranked, "__len__") else "?"
    roster = Expert.objects.count()
    print(f"ranking of experts: matching.{name}() for {request.reference}, roster of {roster}")
    print(f"  p50 {p50:.1f} ms, p95 {p95:.1f} ms ({RUNS} runs); {len(captured)} queries")
    print(f"  {size}")


def main() -> None:
    settings = {"PUBLIC_PAGE_CACHE": True, "ALLOWED_HOSTS": ["testserver"]}
    with override_settings(**settings), transaction.atomic():
        events = load_requests()
        load_experts()
        client = Client()
        public = SupportRequest.objects.counted_in_public().count()
        print(f"clock over {public} public requests ({events} bench stage events added)")
        answered = client.get(CLOCK).status_code
        base_cold, base_warm = report("baseline", BASELINE, client)
        if answered == 200:
            ours_cold, ours_warm = report("clock", CLOCK, client)
            print(
                f"ratio clock / baseline: empty cache {ours_cold / base_cold:.1f}, "
                f"warm cache {ours_warm / base_warm:.1f}"
            )
        else:
            print(f"clock {CLOCK}: not measured, it answered {answered} (not on this branch)")
        report_ranking()
        transaction.set_rollback(True)
    cache.clear()


if __name__ == "__main__":
    main()
