"""Writes of the matching: propose experts, ask them, withdraw, record their answer.

Keyword-only and atomic. Each write locks what it changes (the request through
``services.locked_request``, the proposal with ``select_for_update``), checks again that the
step still applies, and refuses it in words (``ValidationError``) otherwise. None of them
moves the request's stage: that stays ``services.request_advance``'s (the request page).
"""

import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor

from .matching import rank_experts, why_excluded
from .matching_notifications import mail_asked
from .models import Expert, Proposal, Stage, SupportRequest
from .services import locked_request

# Where matching makes sense: the request is known and not yet deployed nor ended.
MATCHING_STAGES = (Stage.ACKNOWLEDGED, Stage.SCOPED, Stage.MATCHED, Stage.APPROVED)

ANSWERS = (Proposal.Status.ACCEPTED, Proposal.Status.DECLINED)


def matching_open(request: SupportRequest) -> bool:
    return request.stage in MATCHING_STAGES


def _require_matching(request: SupportRequest) -> None:
    if not matching_open(request):
        raise ValidationError(
            _(
                "Experts are matched to a request once acknowledged and until deployed; "
                "this one is “%(stage)s”."
            )
            % {"stage": request.get_stage_display()},
            code="stage",
        )


def _locked_proposal(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().select_related("expert__person").get(pk=proposal.pk)


@transaction.atomic
def proposals_create(
    *, request: SupportRequest, experts: Iterable[Expert | int], actor: User | None
) -> list[Proposal]:
    """Propose the chosen experts, ranked and explained by a matching computed now (under the
    request's lock): refused, nothing written, if one no longer passes the hard filters."""
    request = locked_request(request)
    _require_matching(request)
    chosen = {e if isinstance(e, int) else e.pk for e in experts}
    if not chosen:
        raise ValidationError(_("Tick at least one expert."), code="empty")
    ranking = rank_experts(request, experts=Expert.objects.filter(pk__in=chosen))
    refused = [f"{x.facts.name}: {x.reason}" for x in ranking.excluded]
    missing = chosen - {c.facts.pk for c in ranking.ranked} - {x.facts.pk for x in ranking.excluded}
    if missing:
        refused.append(_("An expert chosen is no longer on the roster."))
    if refused:
        raise ValidationError(
            [_("Nothing was proposed: the matching changed meanwhile.")] + refused, code="changed"
        )
    last = request.proposals.aggregate(last=Max("rank"))["last"] or 0
    created = []
    for offset, candidate in enumerate(ranking.ranked, start=1):
        proposal = Proposal(
            request=request,
            expert_id=candidate.facts.pk,
            rank=last + offset,
            score=candidate.score,
            reasons=candidate.reasons(),
            proposed_by=actor,
        )
        record_actor(proposal, actor)
        proposal.save()
        created.append(proposal)
    return created


@transaction.atomic
def proposal_ask(*, proposal: Proposal, actor: User | None) -> Proposal:
    """Ask the expert: a fresh private link, mailed once the transaction commits. A proposal
    withdrawn earlier may be asked again (with a new link)."""
    request = locked_request(proposal.request)
    proposal = _locked_proposal(proposal)
    _require_matching(request)
    if proposal.status not in (Proposal.Status.PROPOSED, Proposal.Status.WITHDRAWN):
        raise ValidationError(
            _("This expert was already asked (“%(status)s”).")
            % {"status": proposal.get_status_display()},
            code="status",
        )
    blocked = why_excluded(request, proposal.expert)
    if blocked is not None:
        raise ValidationError(
            _("%(name)s cannot be asked: %(reason)s")
            % {"name": proposal.expert, "reason": blocked},
            code="excluded",
        )
    proposal.status = Proposal.Status.ASKED
    proposal.token = secrets.token_urlsafe(32)
    proposal.asked_at = timezone.now()
    proposal.answered_at = None
    proposal.answer_note = ""
    record_actor(proposal, actor)
    proposal.save()
    mail_asked(proposal)
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, actor: User | None) -> Proposal:
    """The secretariat no longer proposes the expert; their link stops working."""
    proposal = _locked_proposal(proposal)
    if proposal.status == Proposal.Status.WITHDRAWN:
        raise ValidationError(_("This proposal was already withdrawn."), code="status")
    proposal.status = Proposal.Status.WITHDRAWN
    proposal.token = ""
    record_actor(proposal, actor)
    proposal.save()
    return proposal


def _answer(proposal: Proposal, answer: str, note: str, actor: User | None) -> Proposal:
    if answer not in ANSWERS:
        raise ValidationError(_("Choose accept or decline."), code="answer")
    proposal.status = answer
    proposal.answered_at = timezone.now()
    proposal.answer_note = note.strip()
    record_actor(proposal, actor)
    proposal.save()
    return proposal


@transaction.atomic
def proposal_record(*, proposal: Proposal, answer: str, note: str, actor: User | None) -> Proposal:
    """The secretariat records an answer the expert gave by other means (telephone)."""
    proposal = _locked_proposal(proposal)
    if proposal.status != Proposal.Status.ASKED:
        raise ValidationError(
            _("Only an expert who was asked and has not answered can have an answer recorded."),
            code="status",
        )
    return _answer(proposal, answer, note, actor)


@transaction.atomic
def proposal_answer(*, proposal: Proposal, answer: str, note: str) -> Proposal:
    """The expert's answer through the private link. Once answered (or withdrawn) nothing
    changes: the proposal is returned as it stands."""
    proposal = _locked_proposal(proposal)
    if proposal.status != Proposal.Status.ASKED:
        return proposal
    user = proposal.expert.person.user
    return _answer(proposal, answer, note, user if isinstance(user, User) else None)
