"""The transition table and the one service that moves a request."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rabatnet.network.tests.factories import focal_point, secretariat, workgroup_member

from .. import lifecycle
from ..models import Mission, Proposal, Stage, StageEvent, TermsOfReference
from ..services import request_advance
from .factories import make_expert, make_request

pytestmark = pytest.mark.django_db


def _walk_to(request, stage, staff):
    """Take the request along the main line to ``stage``, meeting every guard for real."""
    order = [Stage.ACKNOWLEDGED, Stage.SCOPED, Stage.MATCHED, Stage.APPROVED, Stage.DEPLOYED]
    for target in order[: order.index(stage) + 1]:
        if target == Stage.SCOPED:
            TermsOfReference.objects.create(
                request=request, number=1, text="ToR", agreed_at=timezone.now()
            )
        if target == Stage.MATCHED:
            Proposal.objects.create(
                request=request, expert=make_expert(), rank=1, score=1, status="accepted"
            )
        if target == Stage.DEPLOYED:
            Mission.objects.create(
                request=request, starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 3)
            )
        action = next(
            a for (s, a), t in lifecycle.TRANSITIONS.items() if s == request.stage and t == target
        )
        request_advance(request=request, action=action, actor=staff)


def test_a_filed_request_is_received_with_its_first_event():
    request = make_request()
    assert request.stage == Stage.RECEIVED
    event = request.events.get()
    assert (event.from_stage, event.to_stage, event.at) == ("", Stage.RECEIVED, request.filed_at)
    assert request.reference == f"TS-{request.filed_at.year}-{request.pk:04d}"


def test_each_move_is_recorded_with_who_and_when():
    staff = secretariat()
    request = make_request()
    event = request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=staff)
    request.refresh_from_db()
    assert request.stage == Stage.ACKNOWLEDGED
    assert (event.from_stage, event.to_stage, event.by) == (
        Stage.RECEIVED,
        Stage.ACKNOWLEDGED,
        staff,
    )


def test_a_step_that_no_longer_applies_is_refused_and_changes_nothing():
    staff = secretariat()
    request = make_request()
    request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=staff)
    with pytest.raises(ValidationError, match="does not apply"):
        request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=staff)
    assert StageEvent.objects.filter(request=request).count() == 2


def test_a_stale_copy_is_read_again_under_the_lock():
    staff = secretariat()
    request = make_request()
    stale = type(request).objects.get(pk=request.pk)
    request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=staff)
    with pytest.raises(ValidationError):
        request_advance(request=stale, action=lifecycle.ACKNOWLEDGE, actor=staff)


@pytest.mark.parametrize(
    ("stage", "action", "message"),
    [
        (Stage.ACKNOWLEDGED, lifecycle.SCOPE, "terms of reference first"),
        (Stage.SCOPED, lifecycle.MATCH, "Ask at least one expert"),
        (Stage.APPROVED, lifecycle.DEPLOY, "mission's dates"),
    ],
)
def test_guards_say_what_is_missing(stage, action, message):
    staff = secretariat()
    request = make_request()
    order = [Stage.ACKNOWLEDGED, Stage.SCOPED, Stage.MATCHED, Stage.APPROVED]
    if stage != Stage.ACKNOWLEDGED:
        _walk_to(request, order[order.index(stage)], staff)
    else:
        _walk_to(request, Stage.ACKNOWLEDGED, staff)
    with pytest.raises(ValidationError, match=message):
        request_advance(request=request, action=action, actor=staff)


def test_an_unagreed_latest_version_blocks_scoping():
    staff = secretariat()
    request = make_request()
    _walk_to(request, Stage.ACKNOWLEDGED, staff)
    TermsOfReference.objects.create(request=request, number=1, text="a", agreed_at=timezone.now())
    TermsOfReference.objects.create(request=request, number=2, text="b")
    with pytest.raises(ValidationError, match="version 2"):
        request_advance(request=request, action=lifecycle.SCOPE, actor=staff)


def test_decline_and_withdraw_need_a_reason_and_reopen_goes_back():
    staff = secretariat()
    request = make_request()
    _walk_to(request, Stage.SCOPED, staff)
    with pytest.raises(ValidationError, match="reason"):
        request_advance(request=request, action=lifecycle.WITHDRAW, actor=staff, reason="  ")
    request_advance(request=request, action=lifecycle.WITHDRAW, actor=staff, reason="No budget")
    request.refresh_from_db()
    assert request.stage == Stage.WITHDRAWN and request.is_ended
    request_advance(request=request, action=lifecycle.REOPEN, actor=staff, reason="Budget found")
    request.refresh_from_db()
    assert request.stage == Stage.SCOPED


def test_no_withdrawal_once_deployed():
    staff = secretariat()
    request = make_request()
    _walk_to(request, Stage.DEPLOYED, staff)
    with pytest.raises(ValidationError, match="does not apply"):
        request_advance(request=request, action=lifecycle.WITHDRAW, actor=staff, reason="late")


def test_open_actions_follow_the_roles():
    request = make_request(preferred_start=timezone.localdate() + timedelta(days=40))
    staff_actions = [s.action for s in lifecycle.open_actions(secretariat(), request)]
    country_actions = [s.action for s in lifecycle.open_actions(focal_point("SEN"), request)]
    assert staff_actions == [lifecycle.ACKNOWLEDGE, lifecycle.DECLINE, lifecycle.WITHDRAW]
    assert country_actions == [lifecycle.WITHDRAW]
    assert lifecycle.open_actions(focal_point("MLI"), request) == []
    assert lifecycle.open_actions(workgroup_member("SEN"), request) == []
