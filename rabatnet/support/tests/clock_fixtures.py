"""Requests moved through their stages at given times, for the clock's tests: every guard
met for real, every move through ``services.request_advance(at=...)``."""

from datetime import UTC, datetime, timedelta
from typing import Any

from .. import lifecycle
from ..models import Evaluation, Mission, Proposal, SupportRequest, TermsOfReference
from ..services import request_advance
from .factories import make_expert, make_request


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def _ready(request: SupportRequest, action: str, at: datetime) -> None:
    """Make what the action's guard asks for (terms, an accepted expert, a mission...)."""
    if action == lifecycle.SCOPE and not request.terms.exists():
        TermsOfReference.objects.create(request=request, number=1, text="ToR", agreed_at=at)
    if action == lifecycle.MATCH and not request.proposals.exists():
        Proposal.objects.create(
            request=request, expert=make_expert(), rank=1, score=1, status="accepted"
        )
    if action == lifecycle.DEPLOY and not Mission.objects.filter(request=request).exists():
        Mission.objects.create(
            request=request, starts_on=at.date(), ends_on=at.date() + timedelta(days=2)
        )
    if action == lifecycle.REPORT:
        mission = Mission.objects.get(request=request)
        mission.report.name = "support/reports/report.pdf"
        mission.save()
    if action == lifecycle.EVALUATE and not Evaluation.objects.filter(request=request).exists():
        Evaluation.objects.create(
            request=request, relevance=4, quality=4, timeliness=4, usefulness=4
        )


def advance(request: SupportRequest, action: str, at: datetime) -> None:
    _ready(request, action, at)
    reason = "A reason." if action in lifecycle.NEEDS_REASON else ""
    request_advance(request=request, action=action, actor=None, reason=reason, at=at)


def filed(iso3: str, at: datetime, *steps: tuple[str, timedelta], **fields: Any) -> SupportRequest:
    """A request filed at ``at`` for ``iso3``, then each (action, time after filing)."""
    request = make_request(iso3, at=at, **fields)
    for action, after in steps:
        advance(request, action, at + after)
    request.refresh_from_db()
    return request


def days(n: float) -> timedelta:
    return timedelta(days=n)
