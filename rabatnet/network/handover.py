"""A post passes from one person to the next, in one step (the secretariat)."""

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.selectors import dialogue_name
from rabatnet.core.tasks import send_email

from .models import Appointment, Handover, Person
from .services import appointment_create, person_create
from .signals import person_handed_over
from .welcome import welcome_sections


@dataclass(frozen=True)
class NewSuccessor:
    """A successor not yet in the network: a person, an account and an invitation are made."""

    full_name: str
    email: str
    language: str = "en"


def merge_summaries(responses: list[tuple[Any, Any]]) -> dict[str, Any]:
    """The receivers' summaries (dicts) of a signal, merged into one."""
    merged: dict[str, Any] = {}
    for _receiver, summary in responses:
        if isinstance(summary, dict):
            merged.update(summary)
    return merged


def _refuse_if_closed(appointment: Appointment, on: date) -> None:
    if Handover.objects.filter(ended=appointment).exists():
        raise ValidationError(_("This post was already handed over."), code="handed_over")
    today = timezone.localdate()
    if appointment.ends_on is not None and appointment.ends_on <= max(on, today):
        raise ValidationError(
            _("This appointment ended on %(date)s: there is nothing to hand over.")
            % {"date": appointment.ends_on.isoformat()},
            code="ended",
        )
    if on <= appointment.starts_on:
        raise ValidationError(
            {
                "on": _("The handover must come after the start of the appointment (%(date)s).")
                % {"date": appointment.starts_on.isoformat()}
            },
            code="too_early",
        )


def _successor_person(
    successor: Person | NewSuccessor, *, site_url: str, actor: User | None
) -> Person:
    if isinstance(successor, Person):
        return Person.objects.select_for_update().get(pk=successor.pk)
    with translation.override(successor.language):  # the invitation in their language
        person = person_create(
            full_name=successor.full_name,
            email=successor.email,
            with_account=True,
            site_url=site_url,
            actor=actor,
        )
    Person.objects.filter(pk=person.pk).update(language=successor.language)
    person.language = successor.language
    return person


@transaction.atomic
def handover(
    *,
    appointment: Appointment,
    successor: Person | NewSuccessor,
    on: date,
    actor: User | None,
    site_url: str,
) -> Handover:
    """End ``appointment`` on ``on`` and give the same post to ``successor`` from ``on``.

    The appointment is locked: a second handover (even a concurrent one) is refused, as is
    one of an ended appointment (ValidationError). Apps copy what the predecessor held on
    ``person_handed_over``; the welcome pack leaves once the transaction commits.
    """
    current = Appointment.objects.select_for_update().get(pk=appointment.pk)
    _refuse_if_closed(current, on)
    person = _successor_person(successor, site_url=site_url, actor=actor)
    if person.pk == current.person_id:
        raise ValidationError({"successor": _("The successor must be somebody else.")})
    if person.erased_at is not None:
        raise ValidationError({"successor": _("This person was erased.")})
    started = appointment_create(
        person=person,
        role=current.role,
        country=current.country,
        theme=current.theme,
        starts_on=on,
        actor=actor,
    )
    current.ends_on = on
    current.save(update_fields=["ends_on"])
    record = Handover.objects.create(ended=current, started=started, created_by=actor)
    record.moved = merge_summaries(person_handed_over.send(sender=Handover, handover=record))
    record.save(update_fields=["moved"])
    transaction.on_commit(partial(welcome_send, handover_pk=record.pk))
    return record


def welcome_mail(person: Person) -> tuple[str, str]:
    """The welcome pack as an e-mail (subject, text body), in the person's language."""
    with translation.override(person.language):
        site_url = settings.SITE_URL.rstrip("/")
        context = {
            "person": person,
            "dialogue": dialogue_name(),
            "sections": welcome_sections(person),
            "site_url": site_url,
            "welcome_url": f"{site_url}{reverse('network:welcome')}",
        }
        subject = loader.render_to_string("network/mail/welcome_subject.txt", context)
        body = loader.render_to_string("network/mail/welcome.txt", context)
    return "".join(subject.splitlines()), body


def welcome_send(*, handover_pk: int) -> None:
    """Queue the successor's welcome mail through the worker and stamp ``welcomed_at``."""
    record = Handover.objects.select_related("started__person").get(pk=handover_pk)
    person = record.started.person
    subject, body = welcome_mail(person)
    send_email.enqueue(subject=subject, body=body, to=[person.email])
    Handover.objects.filter(pk=record.pk).update(welcomed_at=timezone.now())
