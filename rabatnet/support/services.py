"""The one write that moves a support request from a stage to another (keyword-only, atomic).

Filing, terms of reference, matching, missions and evaluations have their own modules; each
ends, when its step completes a stage, by calling ``request_advance``.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor
from rabatnet.strategy.models import Objective

from .lifecycle import transition
from .models import StageEvent, SupportRequest
from .signals import request_filed, stage_changed


def locked_request(request: SupportRequest) -> SupportRequest:
    """The request read again, in place, under a row lock: its stage is the database's now."""
    request.refresh_from_db(from_queryset=SupportRequest.objects.select_for_update())
    return request


@transaction.atomic
def request_advance(
    *,
    request: SupportRequest,
    action: str,
    actor: User | None,
    reason: str = "",
    at: datetime | None = None,
) -> StageEvent:
    """Take ``action`` on the request (ValidationError in words if it no longer applies, the
    request is not ready, or a needed reason is missing); records who, when and why.
    ``at`` is for loading past requests (the demo, imports); a person's step is now."""
    request = locked_request(request)
    target = transition(request, action, reason)
    event = StageEvent.objects.create(
        request=request,
        action=action,
        from_stage=request.stage,
        to_stage=target,
        at=at or timezone.now(),
        by=actor,
        reason=reason.strip(),
    )
    request.stage = target
    record_actor(request, actor)
    request.save(update_fields=["stage", "version", "updated_at"])
    transaction.on_commit(
        lambda: stage_changed.send(sender=SupportRequest, request=request, event=event)
    )
    return event


@transaction.atomic
def request_file(
    *,
    request: SupportRequest,
    objectives: Iterable[Objective | int] | None = None,
    actor: User | None,
    at: datetime | None = None,
) -> SupportRequest:
    """Store a new request (built, not yet saved, by a form or a loader) as received, with
    its objectives; the clock starts at ``filed_at`` (``at``, or now). Once committed,
    ``request_filed`` tells the secretariat."""
    request.filed_at = at or timezone.now()
    request.filed_by = actor
    request.stage = SupportRequest.Stage.RECEIVED
    record_actor(request, actor)
    request.save()
    if objectives:
        request.objectives.set(objectives)
    StageEvent.objects.create(
        request=request,
        action="file",
        from_stage="",
        to_stage=SupportRequest.Stage.RECEIVED,
        at=request.filed_at,
        by=actor,
    )
    transaction.on_commit(lambda: request_filed.send(sender=SupportRequest, request=request))
    return request
