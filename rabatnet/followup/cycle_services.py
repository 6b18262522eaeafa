"""Writes of collection cycles and self-assessments.

Each service locks what it changes (``select_for_update``) and refuses, with a translated
message, a step that no longer applies: an entry once the cycle is closed, an edit of a
submitted or verified assessment, a verification of one that is no longer submitted.
Entries stay possible after the deadline until the secretariat closes the cycle; the pages
flag them late (``cycle_selectors.is_late``).
"""

from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import StaleEditError, record_actor, save_versioned
from rabatnet.countries.models import Country
from rabatnet.strategy.models import Framework, Objective

from .cycle_permissions import is_open
from .models import Assessment, Cycle, ReviewState

EDITABLE = (ReviewState.DRAFT, ReviewState.RETURNED)
ENTRY_FIELDS = ["self_status", "narrative"]


def _check_dates(opens_on: date, deadline: date) -> None:
    if deadline < opens_on:
        raise ValidationError(_("The deadline cannot come before the day the cycle opens."))


@transaction.atomic
def cycle_create(
    *,
    framework: Framework,
    slug: str,
    title_en: str,
    title_fr: str,
    opens_on: date,
    deadline: date,
    example: bool = False,
) -> Cycle:
    """A new cycle on ``framework``; refused if the deadline comes before it opens."""
    _check_dates(opens_on, deadline)
    if Cycle.objects.filter(slug=slug).exists():
        raise ValidationError(_("A cycle with this identifier already exists."))
    return Cycle.objects.create(
        framework=framework,
        slug=slug,
        title=title_en,
        title_en=title_en,
        title_fr=title_fr,
        opens_on=opens_on,
        deadline=deadline,
        example=example,
    )


@transaction.atomic
def cycle_update(*, cycle: Cycle, expected_version: int, fields: list[str]) -> Cycle:
    """Save the cycle's titles and dates unless somebody saved it meanwhile."""
    _check_dates(cycle.opens_on, cycle.deadline)
    return save_versioned(obj=cycle, expected_version=expected_version, fields=fields)


@transaction.atomic
def cycle_close(*, cycle: Cycle) -> Cycle:
    """No more entries: refused if it is closed already."""
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.closed_at is not None:
        raise ValidationError(_("This cycle is closed already."))
    cycle.closed_at = timezone.now()
    cycle.save(update_fields=["closed_at"])
    return cycle


def _open_cycle(cycle: Cycle) -> Cycle:
    """The cycle locked (entries wait for each other), refused unless it takes entries."""
    locked = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if locked.closed_at is not None:
        raise ValidationError(_("This cycle is closed: it takes no more entries."))
    if not is_open(locked):
        raise ValidationError(_("This cycle is not open for entries yet."))
    return locked


@transaction.atomic
def assessment_save(
    *,
    cycle: Cycle,
    country: Country,
    objective: Objective,
    self_status: str,
    narrative: str,
    expected_version: int | None,
    actor: User,
) -> Assessment:
    """Create or change the country's entry on ``objective`` (a draft until submitted).

    Refused when the cycle is closed, when the entry was submitted or verified meanwhile,
    and (StaleEditError) when somebody saved it since ``expected_version`` was read, or
    created it while this person's form was a new one (``expected_version`` None).
    """
    cycle = _open_cycle(cycle)
    if objective.framework_id != cycle.framework_id:
        raise ValidationError(_("This objective is not one of the cycle's framework."))
    stored = (
        Assessment.objects.select_for_update()
        .filter(cycle=cycle, country=country, objective=objective)
        .first()
    )
    if stored is None:
        assessment = Assessment(
            cycle=cycle,
            country=country,
            objective=objective,
            self_status=self_status,
            narrative=narrative,
            example=cycle.example,
        )
        record_actor(assessment, actor)
        assessment.save()
        return assessment
    if expected_version is None:
        typed = {"self_status": self_status, "narrative": narrative}
        changed = [f for f in ENTRY_FIELDS if getattr(stored, f) != typed[f]]
        raise StaleEditError(current=stored, changed_fields=changed)
    if stored.review_state not in EDITABLE:
        raise ValidationError(
            _("This entry was %(state)s: it cannot be changed unless the secretariat returns it.")
            % {"state": stored.get_review_state_display()}
        )
    stored.self_status = self_status
    stored.narrative = narrative
    record_actor(stored, actor)
    return save_versioned(obj=stored, expected_version=expected_version, fields=ENTRY_FIELDS)


@transaction.atomic
def country_submit(*, cycle: Cycle, country: Country, actor: User) -> list[Assessment]:
    """Submit the country's drafts and returned entries for verification.

    Refused unless every objective of the framework has a status, or when there is
    nothing left to submit.
    """
    cycle = _open_cycle(cycle)
    objectives = list(Objective.objects.filter(framework_id=cycle.framework_id).order_by("number"))
    entries = {
        a.objective_id: a
        for a in Assessment.objects.select_for_update().filter(cycle=cycle, country=country)
    }
    missing = [o for o in objectives if not getattr(entries.get(o.pk), "self_status", "")]
    if missing:
        raise ValidationError(
            _("Give every objective a status before submitting; missing: %(numbers)s.")
            % {"numbers": ", ".join(str(o.number) for o in missing)}
        )
    to_submit = [a for a in entries.values() if a.review_state in EDITABLE]
    if not to_submit:
        raise ValidationError(_("Nothing to submit: every entry is submitted already."))
    now = timezone.now()
    for assessment in to_submit:
        assessment.review_state = ReviewState.SUBMITTED
        assessment.submitted_at = now
        record_actor(assessment, actor)
        assessment.save(update_fields=["review_state", "submitted_at"])
    return to_submit


def _submitted(assessment: Assessment) -> Assessment:
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.review_state != ReviewState.SUBMITTED:
        raise ValidationError(
            _("This entry is no longer waiting for verification (now: %(state)s).")
            % {"state": locked.get_review_state_display()}
        )
    return locked


@transaction.atomic
def assessment_verify(
    *,
    assessment: Assessment,
    verified_status: str,
    verification_note: str,
    expected_version: int,
    actor: User,
) -> Assessment:
    """The secretariat's verified status (it may differ from the self-assessed one) and
    note; the entry is published. Refused unless it is still submitted."""
    _submitted(assessment)
    if not verified_status:
        raise ValidationError(_("Choose the verified status."))
    assessment.verified_status = verified_status
    assessment.verification_note = verification_note
    assessment.review_state = ReviewState.VERIFIED
    assessment.verified_at = timezone.now()
    assessment.verified_by = actor
    record_actor(assessment, actor)
    fields = ["verified_status", "verification_note", "review_state", "verified_at"]
    return save_versioned(
        obj=assessment, expected_version=expected_version, fields=[*fields, "verified_by"]
    )


@transaction.atomic
def assessment_return(*, assessment: Assessment, reason: str, actor: User) -> Assessment:
    """Send the entry back to the country with ``reason`` (required), mailed to its focal
    points through the worker. Refused unless it is still submitted."""
    from .tasks import send_assessment_returned

    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the entry is returned."))
    locked = _submitted(assessment)
    locked.review_state = ReviewState.RETURNED
    locked.return_reason = reason
    record_actor(locked, actor)
    locked.save(update_fields=["review_state", "return_reason"])
    transaction.on_commit(partial(send_assessment_returned.enqueue, assessment_id=locked.pk))
    return locked
