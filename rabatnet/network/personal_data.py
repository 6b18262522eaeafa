"""All data held about a person, as plain JSON-able data (the person's download).

The account is described, never its secrets: no password hash, no device key, no token.
Apps above the network add their sections through ``registries.PERSONAL_DATA``.
"""

from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Appointment, Handover, Person
from .registries import PERSONAL_DATA

PERSON_FIELDS = [
    "full_name",
    "job_title",
    "email",
    "phone",
    "language",
    "working_languages",
    "directory_consent",
    "consent_recorded_at",
    "guide_consent",
    "guide_consent_withdrawn_at",
    "share_email",
    "share_phone",
    "details_confirmed_at",
    "confirmation_reminded_at",
    "erased_at",
    "created_at",
    "updated_at",
]
CONSENT_FIELDS = [
    "directory_consent",
    "consent_recorded_at",
    "guide_consent",
    "guide_consent_withdrawn_at",
    "share_email",
    "share_phone",
]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _appointment(appointment: Appointment) -> dict[str, Any]:
    return {
        "id": appointment.pk,
        "role": appointment.role,
        "role_label": str(appointment.get_role_display()),
        "country": appointment.country.iso3 if appointment.country else None,
        "theme": str(appointment.theme) if appointment.theme else None,
        "starts_on": _plain(appointment.starts_on),
        "ends_on": _plain(appointment.ends_on),
    }


def _handovers(person: Person) -> list[dict[str, Any]]:
    records = Handover.objects.filter(ended__person=person) | Handover.objects.filter(
        started__person=person
    )
    return [
        {
            "id": h.pk,
            "role": h.ended.role,
            "country": h.ended.country.iso3 if h.ended.country else None,
            "from_person": h.ended.person_id,
            "to_person": h.started.person_id,
            "on": _plain(h.started.starts_on),
            "moved": h.moved,
            "welcomed_at": _plain(h.welcomed_at),
        }
        for h in records.select_related("ended__country", "started").order_by("created_at")
    ]


def _account(person: Person) -> dict[str, Any] | None:
    user = person.user
    if user is None:
        return None
    return {
        "email": user.email,
        "full_name": user.full_name,
        "active": user.is_active,
        "date_joined": _plain(user.date_joined),
        "last_login": _plain(user.last_login),
        "two_factor_enrolled": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
    }


def _consent_history(person: Person) -> list[dict[str, Any]]:
    """Each recorded version of the consents, oldest first, kept when they changed."""
    rows = []
    previous: dict[str, Any] | None = None
    for record in person.history.order_by("history_date", "history_id"):
        consents = {name: _plain(getattr(record, name)) for name in CONSENT_FIELDS}
        if consents != previous:
            rows.append({"at": _plain(record.history_date), **consents})
        previous = consents
    return rows


def collect_personal_data(person: Person) -> dict[str, Any]:
    """Everything the platform holds about ``person``, section by section."""
    data: dict[str, Any] = {
        "generated_at": timezone.now().isoformat(),
        "person": {
            "id": person.pk,
            **{name: _plain(getattr(person, name)) for name in PERSON_FIELDS},
            "organisation": str(person.organisation) if person.organisation else None,
        },
        "appointments": [
            _appointment(a)
            for a in person.appointments.select_related("country", "theme").order_by("starts_on")
        ],
        "handovers": _handovers(person),
        "account": _account(person),
        "consent_history": _consent_history(person),
    }
    for name, collect in PERSONAL_DATA.items():
        data[name] = collect(person)
    return data
