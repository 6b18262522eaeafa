"""Erasure: a person's name and contacts leave the platform; "erased person #id" stays.

One transaction, the person locked. Apps above the network (guides, forums, newsletter)
hear ``person_erasing`` first, while the name is still there to find, and return what they
removed; then the record, its history, the account, its sessions and its sign-in records
lose the name and the contacts. The ``Erasure`` row keeps who erased and when.
"""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor

from .handover import merge_summaries
from .models import Appointment, Erasure, Person
from .signals import person_erasing

# What is removed from the person record (and from each of its history rows).
CLEARED = {"full_name": "", "job_title": "", "phone": "", "working_languages": ""}
CONSENTS_OFF = {
    "directory_consent": False,
    "guide_consent": False,
    "share_email": False,
    "share_phone": False,
    "consent_recorded_at": None,
}


def erased_email(person: Person) -> str:
    """The unique placeholder that replaces an erased person's address."""
    return f"erased-{person.pk}@invalid"


def _sessions_delete(user: User) -> int:
    doomed = [
        s.pk
        for s in Session.objects.filter(expire_date__gt=timezone.now())
        if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    return Session.objects.filter(pk__in=doomed).delete()[0]


def _account_scrub(user: User, person: Person) -> dict[str, int]:
    old_email = user.email
    user.email = erased_email(person)
    user.full_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["email", "full_name", "is_active", "password"])
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    sign_ins = sum(
        model.objects.filter(username__iexact=old_email).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )
    return {"sessions": _sessions_delete(user), "sign_in_records": sign_ins}


def _appointments_end(person: Person) -> int:
    """End every appointment still running: an erased person holds no post."""
    today = timezone.localdate()
    running = Appointment.objects.filter(person=person).exclude(ends_on__lte=today)
    for appointment in running:
        appointment.ends_on = max(today, appointment.starts_on + timedelta(days=1))
        appointment.save(update_fields=["ends_on"])
    return len(running)


@transaction.atomic
def person_erase(*, person: Person, actor: User | None) -> Erasure:
    """Remove ``person``'s name and contacts everywhere; refused if erased already."""
    current = Person.objects.select_for_update().get(pk=person.pk)
    if current.erased_at is not None:
        raise ValidationError(_("This person was erased already."), code="erased")
    removed = merge_summaries(person_erasing.send(sender=Person, person=current))
    old_email = current.email
    now = timezone.now()
    for name, value in {**CLEARED, **CONSENTS_OFF}.items():
        setattr(current, name, value)
    current.email = erased_email(current)
    current.erased_at = now
    if current.guide_consent_withdrawn_at is None:
        current.guide_consent_withdrawn_at = now
    record_actor(current, actor)
    current.save()
    removed["history_rows"] = current.history.filter(id=current.pk).update(
        **CLEARED, email=erased_email(current)
    )
    removed["appointments_ended"] = _appointments_end(current)
    if current.user is not None:
        removed.update(_account_scrub(current.user, current))
    else:
        removed["sign_in_records"] = sum(
            model.objects.filter(username__iexact=old_email).delete()[0]
            for model in (AccessAttempt, AccessFailureLog, AccessLog)
        )
    return Erasure.objects.create(person=current, erased_by=actor, removed=removed)
