"""The support clock's figures: how long each stage of a request takes, read from its
``StageEvent`` rows (``clock.py`` counts the days).

Per request (``Timeline``):
- days from the request (``filed_at``) to its FIRST arrival at acknowledged, deployed and
  reported, in calendar days and in working days of the beneficiary country;
- the time spent in each working stage (received … evaluated), summed over every visit (a
  reopened request's second visit adds). Time while ended (closed, declined, withdrawn,
  until a reopen) counts in no stage. A visit still going on is left out of the stage
  figures (it is not finished; the secretariat's dashboard shows it);
- a withdrawn or declined request counts for the stages it reached, never as zero or
  infinity for the others.

Figures per year of filing (UTC year of ``filed_at``, as in the reference TS-<year>-…):
count, median and 90th percentile. Percentile method: linear interpolation between closest
ranks, inclusive (numpy's default, Excel's PERCENTILE.INC): sorted values x₀…xₙ₋₁, rank
h = (n − 1)·p, value x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋); n = 1 gives the value, n = 0 none.
Values are floats, published rounded to 0.01 day.
"""

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from rabatnet.core import revisions

from .clock import calendar_days, holiday_calendar_known, working_days
from .models import ENDED_STAGES, Stage, StageEvent, SupportRequest

WORKING_STAGES = [s for s in Stage if s not in ENDED_STAGES]
MILESTONES = [Stage.ACKNOWLEDGED, Stage.DEPLOYED, Stage.REPORTED]
CALENDAR = "calendar_days"
WORKING = "working_days"
UNITS = (CALENDAR, WORKING)
PERCENTILE_METHOD = "linear interpolation between closest ranks, inclusive (PERCENTILE.INC)"


def percentile(values: Iterable[float], p: float) -> float | None:
    """The ``p``-th quantile (0 ≤ p ≤ 1), inclusive linear interpolation; None if empty."""
    xs = sorted(values)
    if not xs:
        return None
    rank = (len(xs) - 1) * p
    low = math.floor(rank)
    high = min(low + 1, len(xs) - 1)
    return xs[low] + (rank - low) * (xs[high] - xs[low])


def published(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@dataclass
class Timeline:
    """One request's clock, as of ``now``."""

    request: SupportRequest
    now: datetime
    reached: dict[str, datetime] = field(default_factory=dict)  # first arrival
    stage_time: dict[str, dict[str, float]] = field(default_factory=dict)  # unit → stage → days
    current_since: datetime | None = None  # when the current stage began

    @property
    def year(self) -> int:
        return self.request.filed_at.year

    def days_to(self, stage: str, unit: str) -> float | None:
        """Days from the request to its first arrival at ``stage``; None if never."""
        at = self.reached.get(stage)
        return None if at is None else self._days(self.request.filed_at, at, unit)

    def _days(self, start: datetime, end: datetime, unit: str) -> float:
        if unit == CALENDAR:
            return calendar_days(start, end)
        return working_days(start, end, self.request.country)

    def age(self, unit: str) -> tuple[float, float]:
        """(in the current stage, since the request), as of ``now``."""
        since = self.current_since or self.request.filed_at
        return self._days(since, self.now, unit), self._days(self.request.filed_at, self.now, unit)


def timeline(request: SupportRequest, events: Sequence[StageEvent], now: datetime) -> Timeline:
    """Walk the request's events in order (``at``, then ``pk``)."""
    line = Timeline(request=request, now=now, stage_time={unit: {} for unit in UNITS})
    ordered = sorted(events, key=lambda e: (e.at, e.pk or 0))
    if not ordered:  # a request stored without its filing event: received since filed_at
        ordered = [StageEvent(request=request, to_stage=Stage.RECEIVED, at=request.filed_at)]
    for index, event in enumerate(ordered):
        line.reached.setdefault(event.to_stage, event.at)
        line.current_since = event.at
        if event.to_stage in ENDED_STAGES or index == len(ordered) - 1:
            continue  # ended time counts nowhere; the visit going on is not finished
        ends = ordered[index + 1].at
        for unit in UNITS:
            spent = line.stage_time[unit]
            spent[event.to_stage] = spent.get(event.to_stage, 0.0) + line._days(
                event.at, ends, unit
            )
    return line


def timelines(requests: Iterable[SupportRequest], now: datetime) -> list[Timeline]:
    """Timelines of requests fetched with ``with_events`` (no query per request)."""
    return [timeline(r, list(r.events.all()), now) for r in requests]


def with_events(queryset: QuerySet[SupportRequest]) -> QuerySet[SupportRequest]:
    """The requests with their country, theme and events (three queries in all)."""
    return queryset.select_related("country", "theme").prefetch_related(
        Prefetch("events", queryset=StageEvent.objects.order_by("at", "pk"))
    )


@dataclass(frozen=True)
class Figure:
    """A derived figure over ``n`` requests: median and 90th percentile, in ``unit``."""

    key: str
    unit: str
    n: int
    median: float | None
    p90: float | None

    @property
    def label(self) -> str:
        return str(Stage(self.key).label)


def figure(key: str, unit: str, values: list[float]) -> Figure:
    median, p90 = percentile(values, 0.5), percentile(values, 0.9)
    return Figure(key, unit, len(values), published(median), published(p90))


@dataclass(frozen=True)
class YearFigures:
    year: int
    count: int
    milestones: list[Figure]  # days from the request to acknowledged, deployed, reported
    stages: list[Figure]  # time spent in each working stage

    @staticmethod
    def _pairs(items: list[Figure]) -> list[tuple[Figure, Figure]]:
        """(calendar, working) figure of each key, in order."""
        return [(items[i], items[i + 1]) for i in range(0, len(items), 2)]

    @property
    def milestone_pairs(self) -> list[tuple[Figure, Figure]]:
        return self._pairs(self.milestones)

    @property
    def stage_pairs(self) -> list[tuple[Figure, Figure]]:
        return self._pairs(self.stages)

    @staticmethod
    def scale(items: list[Figure]) -> float:
        """The longest 90th percentile of a table: the full length of its bars."""
        return max((f.p90 for f in items if f.p90), default=1.0)

    @property
    def milestone_scale(self) -> float:
        return self.scale(self.milestones)

    @property
    def stage_scale(self) -> float:
        return self.scale(self.stages)


@dataclass(frozen=True)
class Target:
    """A target and how many requests met it: ``met`` of ``met + missed`` (the others are
    still within it, or ended without reaching the stage)."""

    stage: str
    limit: int
    unit: str
    met: int
    missed: int

    @property
    def label(self) -> str:
        return str(Stage(self.stage).label)

    @property
    def n(self) -> int:
        return self.met + self.missed

    @property
    def share(self) -> float | None:
        return round(self.met / self.n, 4) if self.n else None


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class PublicFigures:
    revision: str
    now: datetime
    total: int
    years: list[YearFigures]
    targets: list[Target]
    by_theme: list[Count]
    by_kind: list[Count]
    by_country: list[Count]
    unknown_calendars: list[str]  # countries counted with Saturday/Sunday and no holidays
    example: bool  # some counted requests are example content

    @property
    def year_span(self) -> tuple[int, int] | None:
        return (self.years[0].year, self.years[-1].year) if self.years else None


def year_figures(year: int, lines: list[Timeline]) -> YearFigures:
    milestones = []
    for stage in MILESTONES:
        for unit in UNITS:
            values = [d for line in lines if (d := line.days_to(stage, unit)) is not None]
            milestones.append(figure(stage, unit, values))
    stages = []
    for stage in WORKING_STAGES:
        for unit in UNITS:
            values = [
                line.stage_time[unit][stage]
                for line in lines
                if stage in line.stage_time[unit] and line.request.stage != stage
            ]
            stages.append(figure(stage, unit, values))
    return YearFigures(year, len(lines), milestones, stages)


def target_met(line: Timeline, stage: str, limit: int, unit: str) -> bool | None:
    """True met, False missed, None not decided (still within it, or ended before)."""
    days = line.days_to(stage, unit)
    if days is not None:
        return days <= limit
    if line.request.is_ended:
        return None
    return False if line.age(unit)[1] > limit else None


def targets(lines: list[Timeline]) -> list[Target]:
    out = []
    for stage, limit, unit in (
        (Stage.ACKNOWLEDGED, settings.SUPPORT_ACKNOWLEDGE_WORKING_DAYS, WORKING),
        (Stage.DEPLOYED, settings.SUPPORT_DEPLOY_DAYS, CALENDAR),
    ):
        results = [target_met(line, stage, limit, unit) for line in lines]
        out.append(Target(stage, limit, unit, results.count(True), results.count(False)))
    return out


def _counts(pairs: Iterable[tuple[str, str]]) -> list[Count]:
    counter = Counter(pairs)
    return [Count(k, label, n) for (k, label), n in sorted(counter.items(), key=lambda i: i[0][1])]


def public_figures(now: datetime) -> PublicFigures:
    """The public figures: requests marked public only, counts and durations only."""
    requests = list(with_events(SupportRequest.objects.counted_in_public()))
    lines = timelines(requests, now)
    by_year: dict[int, list[Timeline]] = {}
    for line in lines:
        by_year.setdefault(line.year, []).append(line)
    countries = {r.country.iso2: r.country for r in requests}
    return PublicFigures(
        revision=revisions.token(revisions.SUPPORT),
        now=now,
        total=len(requests),
        years=[year_figures(year, by_year[year]) for year in sorted(by_year)],
        targets=targets(lines),
        by_theme=_counts(
            (r.theme.slug, str(r.theme.title)) if r.theme else ("", "—") for r in requests
        ),
        by_kind=_counts((r.kind, str(r.get_kind_display())) for r in requests),
        by_country=_counts((r.country.iso3, str(r.country.name)) for r in requests),
        unknown_calendars=sorted(
            str(c.name) for c in countries.values() if not holiday_calendar_known(c)
        ),
        example=any(r.example for r in requests),
    )
