"""Writes on the roster: on and off it, a profile, availability periods, the CV.

Each write locks what it changes and refuses, in words, a step that no longer applies.
"""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.core.uploads import sha256_of
from rabatnet.network.models import Appointment, Person, Role
from rabatnet.network.services import appointment_create

from .models import Availability, Expert

PROFILE_FIELDS = (
    "kind",
    "local_expertise",
    "nationality",
    "summary",
    "kinds",
    "languages",
    "daily_rate",
    "rate_currency",
)


def _expert_appointments(person: Person) -> list[Appointment]:
    return list(
        Appointment.objects.current()
        .select_for_update()
        .filter(person=person, role=Role.EXPERT)
        .order_by("pk")
    )


@transaction.atomic
def expert_enrol(*, person: Person, kind: str, actor: User | None) -> Expert:
    """Put ``person`` on the roster: their profile (created if missing) and an ``expert``
    appointment from today (if they hold none in force)."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        raise ValidationError(_("This person was erased: they cannot be put on the roster."))
    if kind not in Expert.Kind.values:
        raise ValidationError(_("Unknown kind of expert."))
    expert = Expert.objects.filter(person=person).first()
    if expert is None:
        expert = Expert(person=person, kind=kind)
        record_actor(expert, actor)
        expert.save()
    if not _expert_appointments(person):
        appointment_create(person=person, role=Role.EXPERT, actor=actor)
    return expert


@transaction.atomic
def expert_take_off(*, expert: Expert, actor: User | None) -> date:
    """End the expert's ``expert`` appointments: they leave the roster (the profile and the
    track record stay). Returns the day they are off (tomorrow if the appointment started
    today: an appointment lasts one day at least)."""
    appointments = _expert_appointments(expert.person)
    if not appointments:
        raise ValidationError(_("%(name)s is not on the roster.") % {"name": expert})
    today = timezone.localdate()
    ends = today
    for appointment in appointments:
        ends_on = max(today, appointment.starts_on + timedelta(days=1))
        appointment.ends_on = ends_on
        record_actor(appointment, actor)
        appointment.save(update_fields=["ends_on"])
        ends = max(ends, ends_on)
    return ends


@transaction.atomic
def expert_update(
    *,
    expert: Expert,
    expected_version: int,
    fields: list[str],
    relations: dict[str, list[Any]],
    actor: User | None,
) -> Expert:
    """Save the profile's ``fields`` (refused if somebody saved meanwhile) and its
    many-to-many ``relations`` (objectives, themes, countries of experience)."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed here."))
    record_actor(expert, actor)
    save_versioned(obj=expert, expected_version=expected_version, fields=fields)
    for name, values in relations.items():
        getattr(expert, name).set(values)
    return expert


def _overlapping(expert: Expert, starts_on: date, ends_on: date) -> Availability | None:
    return (
        Availability.objects.filter(expert=expert, starts_on__lte=ends_on, ends_on__gte=starts_on)
        .order_by("starts_on")
        .first()
    )


@transaction.atomic
def availability_add(
    *, expert: Expert, starts_on: date, ends_on: date, note: str = "", actor: User | None
) -> Availability:
    """A new period; refused if it ends before it starts or overlaps another one."""
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The period cannot end before it starts.")})
    clash = _overlapping(expert, starts_on, ends_on)
    if clash is not None:
        raise ValidationError(
            _(
                "This period overlaps the period from %(start)s to %(end)s: change that one "
                "or choose other dates."
            )
            % {"start": clash.starts_on.isoformat(), "end": clash.ends_on.isoformat()}
        )
    return Availability.objects.create(
        expert=expert, starts_on=starts_on, ends_on=ends_on, note=note
    )


@transaction.atomic
def availability_delete(*, expert: Expert, pk: int, actor: User | None) -> None:
    """Delete one of the expert's periods; refused if it is gone already."""
    Expert.objects.select_for_update().get(pk=expert.pk)
    deleted, _rows = Availability.objects.filter(expert=expert, pk=pk).delete()
    if not deleted:
        raise ValidationError(_("This period was deleted already."))


@transaction.atomic
def cv_store(*, expert: Expert, upload: UploadedFile, actor: User | None) -> Expert:
    """Keep ``upload`` (checked by ``CVForm``) as the expert's CV, replacing the old one
    once the transaction commits."""
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    old = expert.cv.name if expert.cv else ""
    expert.cv_sha256 = sha256_of(upload)
    expert.cv.save(f"cv-{expert.pk}.pdf", upload, save=False)
    expert.cv_uploaded_at = timezone.now()
    record_actor(expert, actor)
    expert.save(update_fields=["cv", "cv_sha256", "cv_uploaded_at"])
    if old and old != expert.cv.name:
        storage = expert.cv.storage
        transaction.on_commit(lambda: storage.delete(old))
    return expert


def cv_delete_file(expert: Expert) -> None:
    """Remove the CV file from storage (erasure)."""
    if expert.cv:
        expert.cv.delete(save=False)
