"""When each step of a demo request happens: a plan from its filing (acknowledgement after
some working days, terms of reference, matching, deployment 3–10 weeks after the request, the
report 1–3 weeks after), moved back by whole weeks until every step is past."""

from datetime import UTC, date, datetime, time, timedelta

from . import lifecycle as lc
from .demo_requests import REOPENED, RequestSpec
from .models import Stage

ORDER = [Stage.RECEIVED, Stage.ACKNOWLEDGED, Stage.SCOPED, Stage.MATCHED, Stage.APPROVED]
ORDER += [Stage.DEPLOYED, Stage.REPORTED, Stage.EVALUATED, Stage.CLOSED]


def at_day(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


def working_days_after(moment: datetime, days: int) -> datetime:
    """``days`` working days (Monday to Friday) after ``moment``, at 11:00 UTC."""
    day = moment.date()
    while days > 0:
        day += timedelta(days=1)
        days -= day.weekday() < 5
    return at_day(day, 11)


def reach(spec: RequestSpec) -> int:
    """How far along the full path the request goes (an index of ``ORDER``)."""
    if spec.end == REOPENED:
        return ORDER.index(Stage.SCOPED)
    return ORDER.index(Stage(spec.ended_from or spec.end))


def plan(spec: RequestSpec, filed: datetime) -> dict[str, datetime]:
    """The moments of the request's steps, from its filing, in time order."""
    moments = {"file": filed, lc.ACKNOWLEDGE: working_days_after(filed, spec.ack_working_days)}
    t = moments[lc.ACKNOWLEDGE]
    for number in range(1, spec.tor_versions + 1):
        t += timedelta(days=3 if number == 1 else 6)
        moments[f"tor{number}"] = t
    moments["agreed"] = t + timedelta(days=4)
    moments[lc.SCOPE] = moments["agreed"] + timedelta(hours=2)
    moments["proposed"] = moments[lc.SCOPE] + timedelta(days=2)
    moments[lc.MATCH] = moments["asked"] = moments["proposed"] + timedelta(hours=1)
    moments["declined"] = moments["asked"] + timedelta(days=2)
    moments["accepted"] = moments["asked"] + timedelta(days=3)
    moments[lc.APPROVE] = moments["accepted"] + timedelta(days=1)
    start = max(filed.date() + timedelta(weeks=spec.deploy_weeks), moments[lc.APPROVE].date())
    start += timedelta(days=7 if start <= moments[lc.APPROVE].date() else 0)
    moments[lc.DEPLOY] = at_day(start, 8)
    moments["mission_end"] = at_day(start + timedelta(days=spec.duration - 1), 17)
    report = start + timedelta(weeks=spec.report_weeks)
    report = max(report, moments["mission_end"].date() + timedelta(days=2))
    moments[lc.REPORT] = at_day(report, 15)
    moments["appraised"] = moments[lc.REPORT] + timedelta(days=5)
    moments["evaluated"] = moments[lc.REPORT] + timedelta(days=10)
    moments[lc.EVALUATE] = moments["evaluated"] + timedelta(hours=1)
    moments[lc.CLOSE] = moments[lc.EVALUATE] + timedelta(days=3)
    moments[lc.DECLINE] = moments[lc.WITHDRAW] = moments[lc.ACKNOWLEDGE] + timedelta(days=8)
    if spec.ended_from == Stage.SCOPED:
        moments[lc.WITHDRAW] = moments[lc.SCOPE] + timedelta(days=9)
    return moments


STEP_OF = {
    Stage.ACKNOWLEDGED: lc.ACKNOWLEDGE,
    Stage.SCOPED: lc.SCOPE,
    Stage.MATCHED: lc.MATCH,
    Stage.APPROVED: lc.APPROVE,
    Stage.DEPLOYED: lc.DEPLOY,
    Stage.REPORTED: lc.REPORT,
    Stage.EVALUATED: lc.EVALUATE,
    Stage.CLOSED: lc.CLOSE,
}


def _last_moment(spec: RequestSpec, moments: dict[str, datetime]) -> datetime:
    if spec.end in (Stage.DECLINED, Stage.WITHDRAWN):
        return moments[lc.DECLINE if spec.end == Stage.DECLINED else lc.WITHDRAW]
    if spec.end == REOPENED:
        return moments[lc.DECLINE]
    stage = ORDER[reach(spec)]
    return moments[STEP_OF[stage]] if stage in STEP_OF else moments["file"]


def schedule(spec: RequestSpec, now: datetime) -> dict[str, datetime]:
    """``plan`` from ``days_ago`` before ``now``, moved back by whole weeks (the weekdays
    stay) until the request's last step is at least an hour past."""
    filed = at_day((now - timedelta(days=spec.days_ago)).date(), 9) + timedelta(minutes=30)
    moments = plan(spec, filed)
    while _last_moment(spec, moments) > now - timedelta(hours=1):
        filed -= timedelta(weeks=1)
        moments = plan(spec, filed)
    return moments
