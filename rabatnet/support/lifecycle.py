"""A support request's life as one table: ``(stage, action) -> stage``, who may take each
action, and what must be true before it (its guard).

received → acknowledged → scoped (terms of reference agreed) → matched (experts asked) →
approved (an expert accepted) → deployed (mission dates) → reported (mission report) →
evaluated (the country's evaluation) → closed; declined (secretariat) or withdrawn (country
or secretariat) with a reason, from any stage before deployment; an ended request may be
reopened, back to the stage it ended from. Views ask ``open_actions`` what to offer; the one
service that moves a request (``services.request_advance``) locks it, asks ``transition``
whether the action still applies and its guard whether the request is ready, then records a
``StageEvent`` (the clock reads those).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rabatnet.core.access import AnyUser

from .models import Proposal, Stage, SupportRequest
from .permissions import can_manage_request, can_speak_for_request

ACKNOWLEDGE = "acknowledge"
SCOPE = "scope"
MATCH = "match"
APPROVE = "approve"
DEPLOY = "deploy"
REPORT = "report"
EVALUATE = "evaluate"
CLOSE = "close"
DECLINE = "decline"
WITHDRAW = "withdraw"
REOPEN = "reopen"

# Labels of the actions, for buttons and the request's history.
ACTION_LABELS = {
    ACKNOWLEDGE: gettext_lazy("Acknowledge"),
    SCOPE: gettext_lazy("Mark as scoped"),
    MATCH: gettext_lazy("Mark as matched"),
    APPROVE: gettext_lazy("Approve"),
    DEPLOY: gettext_lazy("Mark as deployed"),
    REPORT: gettext_lazy("Mark as reported"),
    EVALUATE: gettext_lazy("Mark as evaluated"),
    CLOSE: gettext_lazy("Close"),
    DECLINE: gettext_lazy("Decline"),
    WITHDRAW: gettext_lazy("Withdraw"),
    REOPEN: gettext_lazy("Reopen"),
}

# Actions that need a reason in words (kept on the StageEvent and shown to the country).
NEEDS_REASON = {DECLINE, WITHDRAW, REOPEN}

# The stage an ended request goes back to is the one it ended from: not fixed in the table.
PREVIOUS = "previous"

BEFORE_DEPLOYMENT = (
    Stage.RECEIVED,
    Stage.ACKNOWLEDGED,
    Stage.SCOPED,
    Stage.MATCHED,
    Stage.APPROVED,
)

TRANSITIONS: dict[tuple[str, str], str] = {
    (Stage.RECEIVED, ACKNOWLEDGE): Stage.ACKNOWLEDGED,
    (Stage.ACKNOWLEDGED, SCOPE): Stage.SCOPED,
    (Stage.SCOPED, MATCH): Stage.MATCHED,
    (Stage.MATCHED, APPROVE): Stage.APPROVED,
    (Stage.APPROVED, DEPLOY): Stage.DEPLOYED,
    (Stage.DEPLOYED, REPORT): Stage.REPORTED,
    (Stage.REPORTED, EVALUATE): Stage.EVALUATED,
    (Stage.EVALUATED, CLOSE): Stage.CLOSED,
    **{(stage, DECLINE): Stage.DECLINED for stage in BEFORE_DEPLOYMENT},
    **{(stage, WITHDRAW): Stage.WITHDRAWN for stage in BEFORE_DEPLOYMENT},
    **{(stage, REOPEN): PREVIOUS for stage in (Stage.CLOSED, Stage.DECLINED, Stage.WITHDRAWN)},
}

Rule = Callable[[AnyUser, SupportRequest], bool]

# Who may take each action. The country evaluates (and its evaluation moves the request);
# the country or the secretariat withdraws; the secretariat does everything else.
RULES: dict[str, Rule] = {
    ACKNOWLEDGE: can_manage_request,
    SCOPE: can_manage_request,
    MATCH: can_manage_request,
    APPROVE: can_manage_request,
    DEPLOY: can_manage_request,
    REPORT: can_manage_request,
    EVALUATE: can_speak_for_request,
    CLOSE: can_manage_request,
    DECLINE: can_manage_request,
    WITHDRAW: can_speak_for_request,
    REOPEN: can_manage_request,
}


def _scope_ready(request: SupportRequest) -> str | None:
    latest = request.terms.order_by("-number").first()
    if latest is None:
        return _("Write the terms of reference first.")
    if latest.agreed_at is None:
        return _("The country has not agreed version %(number)s of the terms of reference.") % {
            "number": latest.number
        }
    return None


def _match_ready(request: SupportRequest) -> str | None:
    asked = (Proposal.Status.ASKED, Proposal.Status.ACCEPTED)
    if not request.proposals.filter(status__in=asked).exists():
        return _("Ask at least one expert from the roster first.")
    return None


def _approve_ready(request: SupportRequest) -> str | None:
    if not request.proposals.filter(status=Proposal.Status.ACCEPTED).exists():
        return _("No expert has accepted yet.")
    return None


def _deploy_ready(request: SupportRequest) -> str | None:
    if not hasattr(request, "mission"):
        return _("Enter the mission's dates first.")
    return None


def _report_ready(request: SupportRequest) -> str | None:
    if not hasattr(request, "mission") or not request.mission.report:
        return _("Upload the mission report first.")
    return None


def _evaluate_ready(request: SupportRequest) -> str | None:
    if not hasattr(request, "evaluation"):
        return _("The country's evaluation is missing.")
    return None


# What must be true before an action, in words when it is not (None: ready).
GUARDS: dict[str, Callable[[SupportRequest], str | None]] = {
    SCOPE: _scope_ready,
    MATCH: _match_ready,
    APPROVE: _approve_ready,
    DEPLOY: _deploy_ready,
    REPORT: _report_ready,
    EVALUATE: _evaluate_ready,
}


@dataclass(frozen=True)
class Step:
    action: str
    label: str
    needs_reason: bool
    blocked_by: str | None  # the guard's message while the request is not ready


def may_take(user: AnyUser, request: SupportRequest, action: str) -> bool:
    rule = RULES.get(action)
    return rule is not None and rule(user, request)


def open_actions(user: AnyUser, request: SupportRequest) -> list[Step]:
    """The actions this user may take on the request where it stands now, each with what
    still blocks it (a view shows a blocked action greyed out, with the reason)."""
    steps = []
    for (stage, action), _target in TRANSITIONS.items():
        if stage != request.stage or not may_take(user, request, action):
            continue
        guard = GUARDS.get(action)
        steps.append(
            Step(
                action=action,
                label=str(ACTION_LABELS[action]),
                needs_reason=action in NEEDS_REASON,
                blocked_by=guard(request) if guard else None,
            )
        )
    return steps


def transition(request: SupportRequest, action: str, reason: str = "") -> str:
    """The stage ``action`` takes the request to now; ValidationError, in words, if it does
    not apply any more, the request is not ready or a reason is missing. Call it on the row
    read under ``select_for_update``."""
    target = TRANSITIONS.get((request.stage, action))
    if target is None:
        raise ValidationError(
            _("This step does not apply to a request at the stage “%(stage)s”."),
            code="stage",
            params={"stage": request.get_stage_display()},
        )
    if action in NEEDS_REASON and not reason.strip():
        raise ValidationError(_("Give the reason."), code="reason")
    guard = GUARDS.get(action)
    blocked = guard(request) if guard else None
    if blocked:
        raise ValidationError(blocked, code="not_ready")
    if target == PREVIOUS:
        last = request.events.filter(to_stage=request.stage).order_by("-at", "-pk").first()
        target = last.from_stage if last and last.from_stage else Stage.RECEIVED
    return target
