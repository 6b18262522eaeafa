"""Writes of registration: a delegation drafted, submitted, confirmed or withdrawn.

Each step locks the registration (``select_for_update``), refuses what no longer applies
(window closed, meeting cancelled or unpublished, wrong status) with a clear message and
records who made the change in the registration's history.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import StaleEditError, changed_fields, record_actor
from rabatnet.countries.models import Country
from rabatnet.network.models import Person

from .models import CalendarToken, Delegate, Meeting, Registration
from .models.registration import new_calendar_token
from .registration_tasks import send_registration_confirmation

Status = Registration.Status
# The steps a focal point may still write in; confirmed and withdrawn ones are closed.
EDITABLE = (Status.DRAFT, Status.SUBMITTED)


@dataclass(frozen=True)
class DelegateData:
    """One delegate as a form gives it (see ``registration_forms.DelegateForm``)."""

    full_name: str
    function: str
    email: str = ""
    arrival_on: date | None = None
    departure_on: date | None = None
    travel_details: str = ""
    head_of_delegation: bool = False
    person: Person | None = None


def registration_window_problem(meeting: Meeting, now: datetime | None = None) -> str | None:
    """Why the meeting takes no registration now, or None when it does."""
    now = now or timezone.now()
    if not meeting.published:
        return _("This meeting is not published: it takes no registration.")
    if meeting.status == Meeting.Status.CANCELLED:
        return _("This meeting is cancelled: it takes no registration.")
    opens, closes = meeting.registration_opens_at, meeting.registration_closes_at
    if opens is None:
        return _("Registration for this meeting has not been opened.")
    if now < opens:
        return _("Registration opens on %(date)s (UTC).") % {
            "date": opens.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        }
    if closes is not None and now >= closes:
        return _("Registration closed on %(date)s (UTC).") % {
            "date": closes.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        }
    return None


def _check_window(meeting: Meeting) -> None:
    problem = registration_window_problem(meeting)
    if problem:
        raise ValidationError(problem)


def _check_delegates(meeting: Meeting, delegates: list[DelegateData]) -> None:
    if meeting.delegation_size is not None and len(delegates) > meeting.delegation_size:
        raise ValidationError(
            _("This meeting takes at most %(size)s delegates per country; you listed %(count)s.")
            % {"size": meeting.delegation_size, "count": len(delegates)}
        )
    if sum(d.head_of_delegation for d in delegates) > 1:
        raise ValidationError(_("Only one delegate can be the head of delegation."))


def _locked(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("meeting", "country")
        .get(pk=registration.pk)
    )


@transaction.atomic
def registration_save(
    *,
    meeting: Meeting,
    country: Country,
    note: str,
    delegates: list[DelegateData],
    expected_version: int | None,
    by: User,
) -> Registration:
    """Write the country's delegation (a new draft, or the draft or submitted one).

    ``expected_version`` is the version the form was read at (None for a new one): a
    registration saved meanwhile by somebody else raises ``StaleEditError``.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)  # one creation at a time
    _check_window(meeting)
    _check_delegates(meeting, delegates)
    current = (
        Registration.objects.select_for_update().filter(meeting=meeting, country=country).first()
    )
    if current is None:
        if expected_version is not None:
            raise ValidationError(_("This registration no longer exists."))
        current = Registration(meeting=meeting, country=country)
    else:
        if expected_version is None or current.version != expected_version:
            submitted = Registration(pk=current.pk, meeting=meeting, country=country, note=note)
            fields = ["note", "status"]
            raise StaleEditError(
                current=current,
                changed_fields=changed_fields(current, expected_version or 0, submitted, fields),
            )
        if current.status not in EDITABLE:
            raise ValidationError(
                _("This registration is %(status)s: it can no longer be changed.")
                % {"status": current.get_status_display()}
            )
    current.note = note
    record_actor(current, by)
    current.save()
    current.delegates.all().delete()
    Delegate.objects.bulk_create([Delegate(registration=current, **vars(d)) for d in delegates])
    return current


@transaction.atomic
def registration_submit(*, registration: Registration, by: User) -> Registration:
    """Send a draft to the secretariat (at least one delegate, within the window)."""
    registration = _locked(registration)
    if registration.status != Status.DRAFT:
        raise ValidationError(
            _("This registration is %(status)s already.")
            % {"status": registration.get_status_display()}
        )
    _check_window(registration.meeting)
    if not registration.delegates.exists():
        raise ValidationError(_("List at least one delegate before submitting."))
    registration.status = Status.SUBMITTED
    registration.submitted_at = timezone.now()
    registration.submitted_by = by
    record_actor(registration, by)
    registration.save()
    return registration


@transaction.atomic
def registration_confirm(*, registration: Registration, by: User) -> Registration:
    """The secretariat confirms a submitted delegation; the confirmations are mailed by
    the worker once this commits."""
    registration = _locked(registration)
    if registration.status != Status.SUBMITTED:
        raise ValidationError(
            _("Only a submitted registration can be confirmed; this one is %(status)s.")
            % {"status": registration.get_status_display()}
        )
    if registration.meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("This meeting is cancelled: it takes no registration."))
    registration.status = Status.CONFIRMED
    registration.confirmed_at = timezone.now()
    registration.confirmed_by = by
    record_actor(registration, by)
    registration.save()
    transaction.on_commit(
        partial(send_registration_confirmation.enqueue, registration_id=registration.pk)
    )
    return registration


@transaction.atomic
def registration_withdraw(*, registration: Registration, by: User) -> Registration:
    """Withdraw the delegation (any step but withdrawn), until the meeting has ended."""
    registration = _locked(registration)
    if registration.status == Status.WITHDRAWN:
        raise ValidationError(_("This registration is withdrawn already."))
    if registration.meeting.ends_at < timezone.now():
        raise ValidationError(_("This meeting is over: its registrations stay as they were."))
    registration.status = Status.WITHDRAWN
    record_actor(registration, by)
    registration.save()
    return registration


@transaction.atomic
def calendar_token_replace(*, person: Person) -> CalendarToken:
    """A new secret for the person's calendar address; the old address stops working."""
    token, created = CalendarToken.objects.select_for_update().get_or_create(person=person)
    if not created:
        token.token = new_calendar_token()
        token.save(update_fields=["token", "created_at"])
    return token
