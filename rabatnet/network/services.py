"""Writes for the network. Every write records who made it (simple-history, ``created_by``)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.accounts.services import user_create
from rabatnet.core.services import save_versioned
from rabatnet.countries.models import Country
from rabatnet.strategy.models import Theme

from .models import Appointment, Organisation, Person, Role

PERSON_FIELDS = [
    "full_name",
    "job_title",
    "organisation",
    "email",
    "phone",
    "directory_consent",
    "guide_consent",
]
ORGANISATION_FIELDS = ["name", "acronym", "kind", "country", "website"]


def _consent_time(person: Person, previous: bool | None) -> None:
    if person.directory_consent and not previous:
        person.consent_recorded_at = timezone.now()
    elif not person.directory_consent:
        person.consent_recorded_at = None


def appointment_validate(
    *,
    role: str,
    country: Country | None,
    theme: Theme | None,
    starts_on: date,
    ends_on: date | None,
) -> None:
    """Raise ValidationError naming the field that makes the appointment impossible."""
    errors: dict[str, str] = {}
    if role not in Role.values:
        errors["role"] = _("Unknown role “%(role)s”.") % {"role": role}
    elif Role.needs_country(role) and country is None:
        errors["country"] = _("This role is held for a country: choose one.")
    elif role == Role.SECRETARIAT and country is not None:
        errors["country"] = _("The secretariat serves every country: leave the country empty.")
    elif country is not None and not Country.objects.taking_part().filter(pk=country.pk).exists():
        errors["country"] = _(
            "%(country)s does not take part in the dialogue now (not a partner or observer)."
        ) % {"country": country.name}
    if role == Role.THEMATIC_CONTACT and theme is None:
        errors["theme"] = _("A thematic contact point needs a theme.")
    elif role != Role.THEMATIC_CONTACT and theme is not None:
        errors["theme"] = _("Only a thematic contact point has a theme.")
    if ends_on is not None and ends_on <= starts_on:
        errors["ends_on"] = _("The end date must come after the start date.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def appointment_create(
    *,
    person: Person,
    role: str,
    country: Country | None = None,
    theme: Theme | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    actor: User | None = None,
) -> Appointment:
    starts_on = starts_on or timezone.localdate()
    appointment_validate(
        role=role, country=country, theme=theme, starts_on=starts_on, ends_on=ends_on
    )
    return Appointment.objects.create(
        person=person,
        role=role,
        country=country,
        theme=theme,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=actor,
    )


@transaction.atomic
def appointment_end(
    *, appointment: Appointment, ends_on: date, actor: User | None = None
) -> Appointment:
    """End an appointment: from ``ends_on`` it gives no access. The record stays."""
    if ends_on <= appointment.starts_on:
        raise ValidationError({"ends_on": _("The end date must come after the start date.")})
    appointment.ends_on = ends_on
    appointment._history_user = actor  # type: ignore[attr-defined]
    appointment.save(update_fields=["ends_on"])
    return appointment


@transaction.atomic
def person_create(
    *,
    full_name: str,
    email: str,
    job_title: str = "",
    organisation: Organisation | None = None,
    phone: str = "",
    directory_consent: bool = False,
    guide_consent: bool = False,
    user: User | None = None,
    actor: User | None = None,
) -> Person:
    person = Person(
        full_name=full_name,
        email=email.lower(),
        job_title=job_title,
        organisation=organisation,
        phone=phone,
        directory_consent=directory_consent,
        guide_consent=guide_consent,
        user=user,
    )
    _consent_time(person, previous=None)
    person._history_user = actor  # type: ignore[attr-defined]
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_update(*, person: Person, expected_version: int, actor: User | None = None) -> Person:
    """Save the edited ``person``; refused (StaleEditError) if somebody saved meanwhile."""
    previous = Person.objects.values_list("directory_consent", flat=True).get(pk=person.pk)
    _consent_time(person, previous)
    person.email = person.email.lower()
    person._history_user = actor  # type: ignore[attr-defined]
    saved = save_versioned(
        obj=person,
        expected_version=expected_version,
        fields=[*PERSON_FIELDS, "consent_recorded_at"],
    )
    if saved.user_id and saved.user.email != saved.email:
        saved.user.email = saved.email
        saved.user.save(update_fields=["email"])
    return saved


@transaction.atomic
def person_with_account_create(
    *,
    email: str,
    full_name: str,
    role: str,
    country: Country | None = None,
    theme: Theme | None = None,
    password: str | None = None,
    actor: User | None = None,
) -> Person:
    """The person, their account and their appointment, in one transaction (``adduser``)."""
    appointment_validate(
        role=role, country=country, theme=theme, starts_on=timezone.localdate(), ends_on=None
    )
    email = email.lower()
    person = Person.objects.filter(email=email).first()
    user = person.user if person else None
    user = user or User.objects.filter(email__iexact=email).first()
    if user is None:
        user = user_create(email=email, full_name=full_name, password=password)
    elif password is not None:
        user.set_password(password)
        user.save(update_fields=["password"])
    if person is None:
        person = person_create(full_name=full_name, email=email, user=user, actor=actor)
    elif person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    already = Appointment.objects.current().filter(
        person=person, role=role, country=country, theme=theme
    )
    if not already.exists():
        appointment_create(person=person, role=role, country=country, theme=theme, actor=actor)
    return person


@transaction.atomic
def organisation_create(*, actor: User | None = None, **values: object) -> Organisation:
    organisation = Organisation(**{k: values[k] for k in ORGANISATION_FIELDS if k in values})
    organisation._history_user = actor  # type: ignore[attr-defined]
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, expected_version: int, actor: User | None = None
) -> Organisation:
    organisation._history_user = actor  # type: ignore[attr-defined]
    return save_versioned(
        obj=organisation, expected_version=expected_version, fields=ORGANISATION_FIELDS
    )
