"""Writes to meetings: each locks what it changes and records who made the change."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import StaleEditError, changed_fields, record_actor, save_versioned

from .documents import sha256_of
from .models import AgendaItem, Conclusion, Document, DocumentFile, Meeting, Participation, Session


@transaction.atomic
def meeting_create(
    *, meeting: Meeting, co_chairs: Iterable[Any], objectives: Iterable[Any], actor: User | None
) -> Meeting:
    """Store the new ``meeting`` (built from a form) with its co-chairs and objectives."""
    record_actor(meeting, actor)
    meeting.save()
    meeting.co_chairs.set(list(co_chairs))
    meeting.objectives.set(list(objectives))
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    expected_version: int,
    fields: Iterable[str],
    co_chairs: Iterable[Any],
    objectives: Iterable[Any],
    actor: User | None,
) -> Meeting:
    """Save ``fields`` if nobody saved the meeting since ``expected_version`` was read
    (else StaleEditError); a cancelled meeting is not edited (ValidationError)."""
    stored = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if stored.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("This meeting was cancelled: it can no longer be edited."))
    record_actor(meeting, actor)
    save_versioned(obj=meeting, expected_version=expected_version, fields=fields)
    meeting.co_chairs.set(list(co_chairs))
    meeting.objectives.set(list(objectives))
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, expected_version: int, actor: User | None) -> Meeting:
    """Mark the meeting cancelled (its calendar entries then say so)."""
    stored = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if stored.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("This meeting is already cancelled."))
    if stored.version != expected_version:
        raise StaleEditError(
            current=stored,
            changed_fields=changed_fields(stored, expected_version, meeting, ["status"]),
        )
    stored.status = Meeting.Status.CANCELLED
    record_actor(stored, actor)
    stored.save(update_fields=["status"])
    return stored


def _locked_open(meeting: Meeting) -> Meeting:
    stored = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if stored.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("This meeting was cancelled: it can no longer be edited."))
    return stored


def _save_unique(obj: Any, message: str) -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise ValidationError(message) from exc


@transaction.atomic
def session_add(*, meeting: Meeting, session: Session) -> Session:
    session.meeting = _locked_open(meeting)
    _save_unique(session, _("This meeting already has a session with that number."))
    return session


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, item: AgendaItem) -> AgendaItem:
    _locked_open(meeting)
    if item.session.meeting_id != meeting.pk:
        raise ValidationError(_("That session is not part of this meeting."))
    _save_unique(item, _("This session already has an item with that number."))
    return item


@transaction.atomic
def conclusion_add(*, meeting: Meeting, conclusion: Conclusion) -> Conclusion:
    conclusion.meeting = _locked_open(meeting)
    _save_unique(conclusion, _("This meeting already has a conclusion with that number."))
    return conclusion


@transaction.atomic
def participation_set(*, meeting: Meeting, participation: Participation) -> Participation:
    """Add a country or organisation present, or change the count of one already there."""
    locked = _locked_open(meeting)
    existing = (
        Participation.objects.select_for_update()
        .filter(
            meeting=locked,
            country=participation.country,
            organisation=participation.organisation,
        )
        .first()
    )
    if existing is not None:
        existing.delegates = participation.delegates
        existing.save(update_fields=["delegates"])
        return existing
    participation.meeting = locked
    participation.save()
    return participation


@transaction.atomic
def document_add(
    *,
    meeting: Meeting,
    titles: dict[str, str],
    kind: str,
    restricted: bool,
    agenda_item: AgendaItem | None,
    files: dict[str, tuple[UploadedFile, str]],
    actor: User | None,
) -> Document:
    """A document with one file per language (``files``: language → upload and the type
    read from its content), each with its size and SHA-256."""
    locked = _locked_open(meeting)
    if agenda_item is not None and agenda_item.session.meeting_id != locked.pk:
        raise ValidationError(_("That agenda item is not part of this meeting."))
    document = Document.objects.create(
        meeting=locked,
        agenda_item=agenda_item,
        kind=kind,
        restricted=restricted,
        title_en=titles.get("en", ""),
        title_fr=titles.get("fr", ""),
    )
    for language, (upload, content_type) in files.items():
        digest = sha256_of(upload)
        version = DocumentFile(
            document=document,
            language=language,
            filename=(upload.name or f"document-{language}")[:200],
            content_type=content_type,
            size=upload.size or 0,
            sha256=digest,
            uploaded_by=actor,
        )
        version.file.save(upload.name or f"document-{language}", upload, save=False)
        version.save()
    return document
