"""Writes of a request's mission, report, evaluation and appraisals (keyword-only, atomic).

Each re-reads the request under ``select_for_update`` (``services.locked_request``), refuses
in words a step that no longer applies, and — when its step completes a stage — ends with
``services.request_advance`` in the same transaction: the dates and the move to "deployed",
the report and the move to "reported", the evaluation and the move to "evaluated" are
written together or not at all.

The report: the rule of ``lifecycle.REPORT`` is the secretariat's, but an expert accepted
for the request may upload it too. ``report_upload`` checks that right itself
(``mission_permissions.can_upload_report``) and then takes the step for them, recording the
expert as the one who did it (``request_advance`` checks the stage and the guard; who may
take a step is the caller's question).
"""

from datetime import date
from typing import IO

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core import uploads
from rabatnet.core.services import record_actor

from . import lifecycle
from .mission_permissions import (
    can_appraise_on_request,
    can_enter_mission,
    can_evaluate_request,
    can_upload_report,
)
from .models import Appraisal, Evaluation, Expert, Mission, Proposal, Stage, SupportRequest
from .services import locked_request, request_advance

REPORT_EXTENSIONS = ("pdf", "docx", "odt")
# Where the mission's dates may still be corrected (after deployment, before closing).
DATES_EDITABLE = (Stage.DEPLOYED, Stage.REPORTED, Stage.EVALUATED)
# A report may be replaced until the country has evaluated it.
REPORT_REPLACEABLE = (Stage.REPORTED,)
# The experts are appraised once they have been deployed.
APPRAISABLE = (Stage.DEPLOYED, Stage.REPORTED, Stage.EVALUATED, Stage.CLOSED)
RATINGS = ("relevance", "quality", "timeliness", "usefulness")


def _stage_error(request: SupportRequest) -> ValidationError:
    return ValidationError(
        _("This step does not apply to a request at the stage “%(stage)s”.")
        % {"stage": request.get_stage_display()},
        code="stage",
    )


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError(
            _("The mission cannot end (%(end)s) before it starts (%(start)s).")
            % {"end": ends_on.isoformat(), "start": starts_on.isoformat()},
            code="dates",
        )


@transaction.atomic
def mission_deploy(
    *, request: SupportRequest, starts_on: date, ends_on: date, place: str, actor: User
) -> Mission:
    """At "approved": store the mission's dates and place, and deploy (one transaction).
    Later (deployed, reported, evaluated): correct the dates and place (a new save, history
    kept); the stage does not move."""
    request = locked_request(request)
    if not can_enter_mission(actor, request):
        raise PermissionDenied
    _check_dates(starts_on, ends_on)
    if request.stage != Stage.APPROVED and request.stage not in DATES_EDITABLE:
        raise _stage_error(request)
    mission = Mission.objects.select_for_update().filter(request=request).first()
    if mission is None:
        mission = Mission(request=request, starts_on=starts_on, ends_on=ends_on)
    mission.starts_on, mission.ends_on, mission.place = starts_on, ends_on, place.strip()
    record_actor(mission, actor)
    mission.save()
    if request.stage == Stage.APPROVED:
        request_advance(request=request, action=lifecycle.DEPLOY, actor=actor)
    return mission


def check_report(file: IO[bytes], filename: str, size: int) -> str:
    """The report's content type (PDF, DOCX or ODT by its content), or ValidationError."""
    return uploads.check_upload(
        file,
        filename,
        size,
        extensions=REPORT_EXTENSIONS,
        limit=int(settings.SUPPORT_UPLOAD_MAX_BYTES),
        too_big=_("“%(name)s” is %(size)s: a mission report may be %(limit)s at most."),
        wrong_type=_(
            "“%(name)s”: upload the report as a PDF, Word (.docx) or OpenDocument (.odt) file."
        ),
    )


@transaction.atomic
def report_upload(
    *,
    request: SupportRequest,
    file: IO[bytes],
    filename: str,
    size: int,
    summary: str,
    actor: User,
) -> Mission:
    """At "deployed": store the report (checked by its content) and move to "reported".
    At "reported": replace it (the stage stays). The secretariat or an accepted expert."""
    request = locked_request(request)
    if not can_upload_report(actor, request):
        raise PermissionDenied
    if request.stage != Stage.DEPLOYED and request.stage not in REPORT_REPLACEABLE:
        raise _stage_error(request)
    mission = Mission.objects.select_for_update().filter(request=request).first()
    if mission is None:
        raise ValidationError(_("Enter the mission's dates first."), code="no_mission")
    check_report(file, filename, size)  # before anything is stored
    extension = uploads.extension_of(filename)
    mission.report_sha256 = uploads.sha256_of(file)
    mission.report.save(f"{request.reference}-report.{extension}", File(file), save=False)
    mission.report_uploaded_at = timezone.now()
    mission.report_uploaded_by = actor
    mission.report_summary = summary.strip()
    record_actor(mission, actor)
    mission.save()
    if request.stage == Stage.DEPLOYED:
        request_advance(request=request, action=lifecycle.REPORT, actor=actor)
    return mission


@transaction.atomic
def evaluation_submit(
    *,
    request: SupportRequest,
    relevance: int,
    quality: int,
    timeliness: int,
    usefulness: int,
    comment: str,
    actor: User,
) -> Evaluation:
    """The country's evaluation, once, at "reported"; moves the request to "evaluated"."""
    request = locked_request(request)
    if not can_evaluate_request(actor, request):
        raise PermissionDenied
    if Evaluation.objects.filter(request=request).exists():
        raise ValidationError(_("This request has already been evaluated."), code="done")
    if request.stage != Stage.REPORTED:
        raise _stage_error(request)
    ratings = {
        "relevance": relevance,
        "quality": quality,
        "timeliness": timeliness,
        "usefulness": usefulness,
    }
    if any(not 1 <= value <= 5 for value in ratings.values()):
        raise ValidationError(_("Each rating is from 1 to 5."), code="rating")
    evaluation = Evaluation.objects.create(
        request=request, comment=comment.strip(), submitted_by=actor, **ratings
    )
    request_advance(request=request, action=lifecycle.EVALUATE, actor=actor)
    return evaluation


@transaction.atomic
def appraisal_write(
    *, request: SupportRequest, expert: Expert, rating: int, comment: str, actor: User
) -> Appraisal:
    """The secretariat's appraisal of an accepted expert, once per request and expert."""
    request = locked_request(request)
    if not can_appraise_on_request(actor, request):
        raise PermissionDenied
    accepted = Proposal.Status.ACCEPTED
    if not request.proposals.filter(expert=expert, status=accepted).exists():
        raise ValidationError(_("This expert was not accepted for this request."), code="expert")
    if request.stage not in APPRAISABLE:
        raise _stage_error(request)
    if Appraisal.objects.select_for_update().filter(request=request, expert=expert).exists():
        raise ValidationError(
            _("This expert has already been appraised for this request."), code="done"
        )
    if not 1 <= rating <= 5:
        raise ValidationError(_("The rating is from 1 to 5."), code="rating")
    return Appraisal.objects.create(
        request=request, expert=expert, rating=rating, comment=comment.strip(), written_by=actor
    )
