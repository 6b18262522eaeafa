"""Technical support in the API: the public clock's figures (anonymised; no request text).

The same figures as the page /en/support/ (``rabatnet.support.clock_figures``): requests
marked public only, counts and durations, never a title, a need, an institution or a person.
Every number says its unit, its clock (calendar or working days), that it is derived, the
count it is computed on, its method and the data revision.
"""

from datetime import datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from rabatnet.support.clock_figures import (
    CALENDAR,
    PERCENTILE_METHOD,
    Count,
    Figure,
    PublicFigures,
    Target,
    YearFigures,
    public_figures,
)

router = Router(tags=["support"])

SOURCE = "rabatnet's own support request records (filing time and every change of stage)"
WORKING_RULE = (
    "working days: in the beneficiary country's time zone (IANA zone.tab, first zone of the "
    "country), each working day counted by the share of its real length in the interval; "
    "weekends and public holidays from the 'holidays' library (Saturday/Sunday and no "
    "holidays for a country it does not know)"
)


class NumberOut(Schema):
    value: int | float | None = Field(description="null when computed on no request")
    unit: str = Field(description="calendar_days, working_days, requests or share (0 to 1)")
    clock: str | None = Field(description="calendar or working; null for counts and shares")
    derived: bool = Field(description="true: computed by rabatnet, not published by anyone")
    n: int = Field(description="the number of requests the value is computed on")
    method: str
    revision: str = Field(description="the data revision the value was computed at")


class FigureOut(Schema):
    stage: str
    median: NumberOut
    p90: NumberOut


class YearOut(Schema):
    year: int = Field(description="year of filing (UTC)")
    requests: NumberOut
    days_to_first: list[FigureOut] = Field(
        description="days from the request to its first arrival at a stage"
    )
    time_in_stage: list[FigureOut] = Field(
        description="time in each stage, summed over every visit; finished visits only"
    )


class TargetOut(Schema):
    stage: str
    limit: NumberOut
    met: NumberOut
    missed: NumberOut
    share_met: NumberOut


class CountOut(Schema):
    key: str = Field(description="theme slug, kind code or ISO 3166-1 alpha-3 code")
    label: str
    requests: NumberOut


class StatisticsOut(Schema):
    revision: str
    computed_at: datetime = Field(description="UTC")
    source: str
    years: list[int] = Field(description="the years of filing covered")
    method: str
    working_days: str
    example: bool = Field(description="true when some counted requests are example content")
    unknown_calendars: list[str] = Field(description="countries without a holiday calendar")
    requests: NumberOut
    targets: list[TargetOut]
    per_year: list[YearOut]
    by_theme: list[CountOut]
    by_kind: list[CountOut]
    by_country: list[CountOut]


def _count(value: int, revision: str, what: str = "count of requests") -> NumberOut:
    return NumberOut(
        value=value,
        unit="requests",
        clock=None,
        derived=True,
        n=value,
        method=what,
        revision=revision,
    )


def _days(f: Figure, value: float | None, what: str, revision: str) -> NumberOut:
    return NumberOut(
        value=value,
        unit=f.unit,
        clock="calendar" if f.unit == CALENDAR else "working",
        derived=True,
        n=f.n,
        method=f"{what}: {PERCENTILE_METHOD}",
        revision=revision,
    )


def _figures(items: list[Figure], revision: str) -> list[FigureOut]:
    return [
        FigureOut(
            stage=f.key,
            median=_days(f, f.median, "median", revision),
            p90=_days(f, f.p90, "90th percentile", revision),
        )
        for f in items
    ]


def _year(y: YearFigures, revision: str) -> YearOut:
    return YearOut(
        year=y.year,
        requests=_count(y.count, revision),
        days_to_first=_figures(y.milestones, revision),
        time_in_stage=_figures(y.stages, revision),
    )


def _target(t: Target, revision: str) -> TargetOut:
    clock = "calendar" if t.unit == CALENDAR else "working"
    return TargetOut(
        stage=t.stage,
        limit=NumberOut(
            value=t.limit,
            unit=t.unit,
            clock=clock,
            derived=False,
            n=0,
            method="the target (settings)",
            revision=revision,
        ),
        met=_count(t.met, revision, "requests that reached the stage within the limit"),
        missed=_count(t.missed, revision, "reached it late, or open and already past the limit"),
        share_met=NumberOut(
            value=t.share,
            unit="share",
            clock=None,
            derived=True,
            n=t.n,
            method="met / (met + missed)",
            revision=revision,
        ),
    )


def _counts(items: list[Count], revision: str) -> list[CountOut]:
    return [CountOut(key=c.key, label=c.label, requests=_count(c.count, revision)) for c in items]


def statistics_out(figures: PublicFigures) -> StatisticsOut:
    rev = figures.revision
    return StatisticsOut(
        revision=rev,
        computed_at=figures.now,
        source=SOURCE,
        years=[y.year for y in figures.years],
        method=PERCENTILE_METHOD,
        working_days=WORKING_RULE,
        example=figures.example,
        unknown_calendars=figures.unknown_calendars,
        requests=_count(figures.total, rev),
        targets=[_target(t, rev) for t in figures.targets],
        per_year=[_year(y, rev) for y in figures.years],
        by_theme=_counts(figures.by_theme, rev),
        by_kind=_counts(figures.by_kind, rev),
        by_country=_counts(figures.by_country, rev),
    )


@router.get("/support/statistics", response=StatisticsOut, url_name="support_statistics")
def support_statistics(request: HttpRequest) -> StatisticsOut:
    """How long each stage of a technical support request takes, per year of filing.

    Derived from rabatnet's own records of the requests countries agreed to count in the
    public figures (anonymised: counts and durations only). Days from the request to the
    first acknowledgement, deployment and report, and the time in each stage: median and
    90th percentile, in calendar days and in working days of the beneficiary country; the
    targets and the share met; counts by theme, kind and country.
    """
    return statistics_out(public_figures(timezone.now()))
