"""Writes of compilation: answers and workshop outcomes propose candidate records; the
workgroup accepts one (as proposed or edited: a record of the draft is made through the
part's own form, so it obeys every rule a hand-made one does) or rejects it with a reason.

Proposing goes through ``services.candidate_propose`` (never overwrites: proposing again
changes nothing). Deciding locks the candidate, refuses one already decided or read at an
older version, and moves the guide forward to drafting.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import StaleEditError, changed_fields, record_actor
from rabatnet.guides import services as guide_services
from rabatnet.guides.forms import PARTS
from rabatnet.guides.models import Guide, Stage
from rabatnet.sources import services as source_services
from rabatnet.sources.forms import SourceForm

from . import compilation_selectors as selectors
from .compilation import proposals
from .models import Candidate, Outcome, Response, Workshop
from .services import candidate_propose, guide_follows

DECIDED_FIELDS = ["status", "data", "reason", "record_id", "decided_at"]


@transaction.atomic
def propose_from_response(*, response: Response, guide: Guide, actor: User | None) -> int:
    """The candidates a submitted response's answers make, for ``guide``; how many are new.

    Proposing again changes nothing (a candidate already there stays as it is, reviewed or
    not). ``actor`` is who asked (the history records it through the request)."""
    if response.status != Response.Status.SUBMITTED:
        raise ValidationError(_("Only submitted responses propose records to the guide."))
    if response.country_id != guide.country_id:
        raise ValidationError(_("This response answers for another country than the guide's."))
    return _propose(response, guide, selectors.lookups(guide.country))


def _propose(response: Response, guide: Guide, lookups: Any) -> int:
    made = proposals(selectors.response_facts(response), lookups)
    existing = set(response.candidates.values_list("row", "kind"))
    for proposal in made:
        candidate_propose(
            guide=guide,
            kind=proposal.kind,
            data=proposal.data,
            response=response,
            row=proposal.row,
            is_example=response.is_example,
        )
    return len({(p.row, p.kind) for p in made} - existing)


@transaction.atomic
def propose_from_country(*, guide: Guide, actor: User | None) -> int:
    """``propose_from_response`` for every submitted response of the guide's country to a
    questionnaire that feeds the guide; how many candidates are new."""
    lookups = selectors.lookups(guide.country)
    return sum(
        _propose(response, guide, lookups)
        for response in selectors.compilable_responses(guide.country)
    )


def outcome_data(outcome: Outcome) -> tuple[str, dict[str, Any]]:
    """The kind and data of the candidate a workshop outcome proposes."""
    text = outcome.text.strip()
    if outcome.kind == Outcome.Kind.RECOMMENDATION:
        data = {"category": "other", "text": text, "addressee": "", "priority": "medium"}
        return Candidate.Kind.RECOMMENDATION, data
    title = " ".join(text.split())
    if len(title) > 250:
        title = title[:249] + "…"
    description = text if outcome.kind == Outcome.Kind.NEED or title != text else ""
    return Candidate.Kind.CHALLENGE, {"title": title, "description": description}


@transaction.atomic
def propose_from_workshop(*, workshop: Workshop, actor: User | None) -> int:
    """Each outcome of the workshop (need, challenge, recommendation) proposes a candidate
    for the workshop's guide; how many are new."""
    if workshop.status == Workshop.Status.CANCELLED:
        raise ValidationError(_("This workshop was cancelled: it proposes nothing."))
    outcomes = list(workshop.outcomes.order_by("kind", "position", "pk"))
    existing = set(Candidate.objects.filter(outcome__in=outcomes).values_list("outcome", flat=True))
    for outcome in outcomes:
        kind, data = outcome_data(outcome)
        candidate_propose(
            guide=workshop.guide,
            kind=kind,
            data=data,
            outcome=outcome,
            is_example=workshop.is_example,
        )
    return len({o.pk for o in outcomes} - existing)


def _locked(candidate: Candidate, expected_version: int) -> Candidate:
    """The candidate read again under its row lock; refused if decided or read too early."""
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if locked.status != Candidate.Status.PENDING:
        raise ValidationError(
            _("This candidate was already decided (%(status)s): nothing was changed.")
            % {"status": locked.get_status_display()}
        )
    if locked.version != expected_version:
        changed = changed_fields(locked, expected_version, candidate, DECIDED_FIELDS)
        raise StaleEditError(current=locked, changed_fields=changed)
    return locked


def record_form(candidate: Candidate, data: Mapping[str, Any] | None, editor: Any) -> Any:
    """The form of the record the candidate would become (the part's own, or a source's)."""
    part = selectors.PART_OF_KIND[candidate.kind]
    guide = candidate.guide
    if part is None:
        return SourceForm(data, country=guide.country, editor=editor)
    return PARTS[part].form(guide, data, editor=editor)


def _create_record(candidate: Candidate, data: Mapping[str, Any], actor: User) -> int:
    form = record_form(candidate, data, actor)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    if isinstance(form, SourceForm):
        values = {k: v for k, v in form.cleaned_data.items() if k not in ("areas", "version")}
        source = source_services.source_create(
            country=candidate.guide.country,
            areas=list(form.cleaned_data["areas"]),
            actor=actor,
            **values,
        )
        return source.pk
    record = guide_services.part_create(instance=form.instance, actor=actor)
    return int(record.pk)


@transaction.atomic
def candidate_accept(
    *, candidate: Candidate, expected_version: int, data: Mapping[str, Any], actor: User
) -> Candidate:
    """Make the record ``data`` describes (the form as the reviewer left it: the proposed
    values, edited or not) in the draft; the candidate keeps it as its trace. Refused —
    nothing made — if the candidate was decided or changed meanwhile, or ``data`` breaks a
    rule of the record's form. The guide moves forward to drafting."""
    locked = _locked(candidate, expected_version)
    locked.guide = candidate.guide
    locked.record_id = _create_record(locked, data, actor)
    locked.status = Candidate.Status.ACCEPTED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    record_actor(locked, actor)
    locked.save()
    guide_follows(
        guide=candidate.guide,
        stage=Stage.DRAFTING,
        actor=actor,
        comment=_("A candidate record was accepted into the draft."),
    )
    return locked


@transaction.atomic
def candidate_reject(
    *, candidate: Candidate, expected_version: int, reason: str, actor: User
) -> Candidate:
    """Reject a pending candidate; the reason is required and kept."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why: the reason is required.")})
    locked = _locked(candidate, expected_version)
    locked.status = Candidate.Status.REJECTED
    locked.reason = reason.strip()
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    record_actor(locked, actor)
    locked.save()
    return locked
