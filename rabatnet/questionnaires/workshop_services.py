"""Writes of the national workshops (keyword-only, atomic).

A workshop's life: planned → held (once its last day has come; the guide then follows to
the "national workshop" stage) or cancelled (with a reason, kept in its history). Each
step re-reads the workshop under ``select_for_update`` and refuses, with a message, a step
that no longer applies: a held or cancelled workshop is not held again; a cancelled one
takes no more participants, experts or outcomes.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.guides.models import Guide, Stage
from rabatnet.network.models import Organisation, Person
from rabatnet.support.models import Expert

from .models import Outcome, Participant, Workshop, WorkshopExpert
from .services import guide_follows

REASON_LENGTH = 100
FIELDS = ["kind", "title", "starts_on", "ends_on", "venue", "city", "agenda", "summary"]


@dataclass(frozen=True)
class WorkshopIn:
    """What the form gives: every field an editor sets."""

    kind: str
    title: str
    starts_on: date
    ends_on: date
    venue: str = ""
    city: str = ""
    agenda: str = ""
    summary: str = ""


def _check_dates(data: WorkshopIn) -> None:
    if data.ends_on < data.starts_on:
        raise ValidationError(_("The last day cannot come before the first."))


def _locked(workshop: Workshop, allowed: Iterable[str]) -> Workshop:
    current = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if current.status not in allowed:
        raise ValidationError(
            _("This workshop is now “%(status)s”: this step no longer applies.")
            % {"status": current.get_status_display()}
        )
    return current


OPEN = [Workshop.Status.PLANNED, Workshop.Status.HELD]


@transaction.atomic
def workshop_create(
    *, guide: Guide, data: WorkshopIn, by: User | None, is_example: bool = False
) -> Workshop:
    """A planned workshop of ``guide``."""
    _check_dates(data)
    workshop = Workshop(guide=guide, is_example=is_example)
    for name in FIELDS:
        setattr(workshop, name, getattr(data, name))
    record_actor(workshop, by)
    workshop.save()
    return workshop


@transaction.atomic
def workshop_update(
    *, workshop: Workshop, data: WorkshopIn, expected_version: int, by: User
) -> Workshop:
    """Save an edit (refused if stale, or if the workshop was cancelled)."""
    _check_dates(data)
    _locked(workshop, OPEN)
    for name in FIELDS:
        setattr(workshop, name, getattr(data, name))
    record_actor(workshop, by)
    return save_versioned(obj=workshop, expected_version=expected_version, fields=FIELDS)


@transaction.atomic
def workshop_hold(*, workshop: Workshop, by: User | None, today: date | None = None) -> Workshop:
    """The workshop took place: only once its last day has come. The guide follows to the
    "national workshop" stage (forward only)."""
    current = _locked(workshop, [Workshop.Status.PLANNED])
    if current.ends_on > (today or timezone.localdate()):
        raise ValidationError(
            _("A workshop is marked held once its last day (%(day)s) has come.")
            % {"day": current.ends_on.isoformat()}
        )
    current.status = Workshop.Status.HELD
    record_actor(current, by)
    current.save(update_fields=["status"])
    guide_follows(
        guide=current.guide,
        stage=Stage.WORKSHOP,
        actor=by,
        comment=_("Workshop held: %(title)s") % {"title": current.title},
    )
    return current


@transaction.atomic
def workshop_cancel(*, workshop: Workshop, reason: str, by: User) -> Workshop:
    """A planned workshop is cancelled; the reason stays in its history."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the workshop is cancelled."))
    current = _locked(workshop, [Workshop.Status.PLANNED])
    current.status = Workshop.Status.CANCELLED
    record_actor(current, by)
    # The history keeps the reason (its column holds 100 characters).
    cast(Any, current)._change_reason = reason[:REASON_LENGTH]
    current.save(update_fields=["status"])
    return current


# --- Participants --------------------------------------------------------------------


@transaction.atomic
def participant_add(
    *,
    workshop: Workshop,
    by: User | None,
    person: Person | None = None,
    full_name: str = "",
    organisation: Organisation | None = None,
    function: str = "",
) -> Participant:
    """A line of the sign-in list: a person of the directory, or a typed name."""
    current = _locked(workshop, OPEN)
    if person is not None:
        if person.erased_at is not None:
            raise ValidationError(_("This person's data was erased."))
        if current.participants.filter(person=person).exists():
            raise ValidationError(_("This person is already on the list."))
        full_name = full_name or person.display_name
        organisation = organisation or person.organisation
        function = function or person.job_title
    full_name = full_name.strip()
    if not full_name:
        raise ValidationError(_("Give the participant's name."))
    if (
        person is None
        and current.participants.filter(
            person=None, full_name__iexact=full_name, organisation=organisation
        ).exists()
    ):  # a second click
        raise ValidationError(_("This person is already on the list."))
    return Participant.objects.create(
        workshop=current,
        person=person,
        full_name=full_name,
        organisation=organisation,
        function=function.strip(),
    )


def _participant(workshop: Workshop, participant: Participant) -> Participant:
    _locked(workshop, OPEN)
    found = (
        Participant.objects.select_for_update().filter(pk=participant.pk, workshop=workshop).first()
    )
    if found is None:
        raise ValidationError(_("This participant is no longer on the list."))
    return found


@transaction.atomic
def participant_sign(
    *, workshop: Workshop, participant: Participant, attended: bool, by: User
) -> Participant:
    """Mark the participant signed in (or not)."""
    found = _participant(workshop, participant)
    found.attended = attended
    found.save(update_fields=["attended"])
    return found


@transaction.atomic
def participant_remove(*, workshop: Workshop, participant: Participant, by: User) -> None:
    _participant(workshop, participant).delete()


# --- Experts -------------------------------------------------------------------------


@transaction.atomic
def expert_add(
    *,
    workshop: Workshop,
    scope: str,
    by: User | None,
    expert: Expert | None = None,
    full_name: str = "",
    role: str = "",
) -> WorkshopExpert:
    """An expert from the roster, or one named."""
    current = _locked(workshop, OPEN)
    if scope not in WorkshopExpert.Scope.values:
        raise ValidationError(_("Say whether the expert is international or local."))
    if expert is not None:
        if current.experts.filter(expert=expert).exists():
            raise ValidationError(_("This expert is already listed."))
        full_name = expert.person.display_name
    full_name = full_name.strip()
    if not full_name:
        raise ValidationError(_("Choose an expert on the roster or give a name."))
    if expert is None and current.experts.filter(expert=None, full_name__iexact=full_name).exists():
        raise ValidationError(_("This expert is already listed."))
    return WorkshopExpert.objects.create(
        workshop=current, expert=expert, full_name=full_name, scope=scope, role=role.strip()
    )


@transaction.atomic
def expert_remove(*, workshop: Workshop, line: WorkshopExpert, by: User) -> None:
    _locked(workshop, OPEN)
    deleted, _rows = WorkshopExpert.objects.filter(pk=line.pk, workshop=workshop).delete()
    if not deleted:
        raise ValidationError(_("This expert is no longer listed."))


# --- Outcomes ------------------------------------------------------------------------


def _outcome_text(kind: str, text: str) -> str:
    if kind not in Outcome.Kind.values:
        raise ValidationError(_("Choose a need, a challenge or a recommendation."))
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the outcome."))
    return text


@transaction.atomic
def outcome_add(*, workshop: Workshop, kind: str, text: str, by: User | None) -> Outcome:
    text = _outcome_text(kind, text)
    current = _locked(workshop, OPEN)
    if current.outcomes.filter(kind=kind, text=text).exists():  # a second click
        raise ValidationError(_("This outcome is already on the list."))
    last = current.outcomes.filter(kind=kind).order_by("-position").first()
    position = (last.position + 1) if last else 1
    return Outcome.objects.create(workshop=current, kind=kind, text=text, position=position)


def _outcome(workshop: Workshop, outcome: Outcome) -> Outcome:
    _locked(workshop, OPEN)
    found = Outcome.objects.select_for_update().filter(pk=outcome.pk, workshop=workshop).first()
    if found is None:
        raise ValidationError(_("This outcome was removed meanwhile."))
    return found


def outcome_seen(outcome: Outcome) -> str:
    """A fingerprint of the outcome as a page showed it (outcomes keep no version)."""
    return hashlib.sha256(f"{outcome.kind}\n{outcome.text}".encode()).hexdigest()[:20]


class OutcomeChanged(ValidationError):
    """Somebody saved the outcome after the page was read: nothing saved; ``current`` is
    the outcome as it is now."""

    def __init__(self, current: Outcome) -> None:
        super().__init__(
            _(
                "Somebody changed this outcome after you opened the page; it now reads: "
                "“%(text)s”. Nothing was saved: check your text below and save again."
            )
            % {"text": current.text}
        )
        self.current = current


def _refuse_once_proposed(outcome: Outcome) -> None:
    """A proposed outcome stays as the workgroup reviews it (its trace names the workshop):
    the review edits the record, not the outcome."""
    if outcome.candidates.exists():
        raise ValidationError(
            _(
                "This outcome was proposed for the guide: it stays as proposed. "
                "Edit the record in the review instead."
            )
        )


@transaction.atomic
def outcome_update(
    *,
    workshop: Workshop,
    outcome: Outcome,
    kind: str,
    text: str,
    by: User,
    seen: str | None = None,
) -> Outcome:
    """Change an outcome; ``seen`` (``outcome_seen`` of the page's outcome) refuses a page
    read before somebody else's save (``OutcomeChanged``) rather than overwrite it."""
    text = _outcome_text(kind, text)
    found = _outcome(workshop, outcome)
    _refuse_once_proposed(found)
    if seen is not None and seen != outcome_seen(found):
        raise OutcomeChanged(found)
    found.kind, found.text = kind, text
    found.save(update_fields=["kind", "text"])
    return found


@transaction.atomic
def outcome_remove(*, workshop: Workshop, outcome: Outcome, by: User) -> None:
    found = _outcome(workshop, outcome)
    _refuse_once_proposed(found)
    found.delete()
