"""Writes for the network. Every write records who made it (simple-history, ``created_by``)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.accounts.selectors import account_with_email
from rabatnet.accounts.services import user_create, user_invite
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.countries.models import Country
from rabatnet.strategy.models import Theme

from .models import Appointment, Organisation, Person, Role
from .permissions import is_secretariat
from .signals import guide_consent_withdrawn

PERSON_FIELDS = [
    "full_name",
    "job_title",
    "organisation",
    "email",
    "phone",
    "directory_consent",
    "guide_consent",
    "share_email",
    "share_phone",
    "language",
    "working_languages",
]
ORGANISATION_FIELDS = ["name", "acronym", "kind", "country", "website"]


def person_consent_stamp(*, person: Person, current: Person | None) -> None:
    """Date the directory consent of ``person`` (unsaved) against ``current`` (as stored).

    Given now: stamped now. Kept: the stored stamp stays. Withdrawn: no stamp.
    ``current`` is None for a new person; for an edit, read it under the row lock.
    """
    if not person.directory_consent:
        person.consent_recorded_at = None
    elif current is not None and current.directory_consent:
        person.consent_recorded_at = current.consent_recorded_at
    else:
        person.consent_recorded_at = timezone.now()


def account_email_follows(*, person: Person, actor: User | None) -> bool:
    """Whether the account's sign-in address follows a change of ``person.email``.

    Only when the secretariat edits somebody else's record and that account is neither
    staff nor superuser (docs/decisions/0009-account-email-follows-person.md).
    """
    user = person.user
    return (
        user is not None
        and actor is not None
        and actor.pk != user.pk
        and not (user.is_staff or user.is_superuser)
        and is_secretariat(actor)
    )


def _account_email_update(*, person: Person, actor: User | None) -> None:
    user = person.user
    if user is None or user.email == person.email:
        return
    if not account_email_follows(person=person, actor=actor):
        return
    other = account_with_email(person.email)
    if other is not None and other.pk != user.pk:
        raise ValidationError(
            {"email": _("This e-mail address is the sign-in address of another account.")}
        )
    user.email = person.email
    user.save(update_fields=["email"])


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
    record_actor(appointment, actor)
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
    share_email: bool = False,
    share_phone: bool = False,
    language: str = "en",
    working_languages: str = "",
    user: User | None = None,
    with_account: bool = False,
    site_url: str = "",
    actor: User | None = None,
) -> Person:
    """Add a person; ``with_account`` also opens their account and e-mails an invitation.

    The invitation (a link to choose a password, pointing at ``site_url``) leaves once
    the transaction commits. An address another account signs in with is refused.
    """
    if with_account and user is not None:
        raise ValueError("Give an existing account or ask for a new one, not both.")
    if with_account and not site_url:
        raise ValueError("An invitation needs the site's address (site_url).")
    person = Person(
        full_name=full_name,
        email=email.strip().lower(),
        job_title=job_title,
        organisation=organisation,
        phone=phone,
        directory_consent=directory_consent,
        guide_consent=guide_consent,
        share_email=share_email,
        share_phone=share_phone,
        language=language,
        working_languages=working_languages,
        user=user,
    )
    person_consent_stamp(person=person, current=None)
    record_actor(person, actor)
    person.full_clean()
    if with_account:
        if account_with_email(person.email) is not None:
            raise ValidationError(
                {"email": _("This e-mail address is the sign-in address of another account.")}
            )
        person.user = user_create(email=person.email, full_name=full_name, password=None)
    person.save()
    if with_account and person.user is not None:
        user_invite(user=person.user, site_url=site_url)
    return person


@transaction.atomic
def person_update(*, person: Person, expected_version: int, actor: User | None = None) -> Person:
    """Save the edited ``person``; refused (StaleEditError) if somebody saved meanwhile.

    The account's sign-in address follows a new e-mail only as ``account_email_follows``
    says; an address another account signs in with is refused (ValidationError).
    """
    current = Person.objects.select_for_update().get(pk=person.pk)
    person_consent_stamp(person=person, current=current)
    withdrawn = current.guide_consent and not person.guide_consent
    person.guide_consent_withdrawn_at = (
        timezone.now()
        if withdrawn
        else None
        if person.guide_consent
        else current.guide_consent_withdrawn_at
    )
    person.email = person.email.strip().lower()
    record_actor(person, actor)
    saved = save_versioned(
        obj=person,
        expected_version=expected_version,
        fields=[*PERSON_FIELDS, "consent_recorded_at", "guide_consent_withdrawn_at"],
    )
    if withdrawn:
        guide_consent_withdrawn.send(
            sender=Person, person=saved, at=saved.guide_consent_withdrawn_at
        )
    # Only a change made in this edit: an address the person set themself earlier must
    # not reach their account because the secretariat later saves the record.
    if saved.email != current.email:
        _account_email_update(person=saved, actor=actor)
    return saved


@transaction.atomic
def person_guide_consent_withdraw(*, person: Person, actor: User | None = None) -> Person:
    """The person no longer appears in published guides: the next editions leave them out,
    and every edition already made shows their position instead of them, from now on.

    Withdrawing twice changes nothing (docs/decisions/0020).
    """
    current = Person.objects.select_for_update().get(pk=person.pk)
    if not current.guide_consent:
        return current
    current.guide_consent = False
    current.guide_consent_withdrawn_at = timezone.now()
    record_actor(current, actor)
    current.save(update_fields=["guide_consent", "guide_consent_withdrawn_at"])
    guide_consent_withdrawn.send(
        sender=Person, person=current, at=current.guide_consent_withdrawn_at
    )
    return current


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
    record_actor(organisation, actor)
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, expected_version: int, actor: User | None = None
) -> Organisation:
    record_actor(organisation, actor)
    return save_versioned(
        obj=organisation, expected_version=expected_version, fields=ORGANISATION_FIELDS
    )
