"""Writes of an expression of interest (keyword-only, atomic, locking what changes).

Declaring starts the guide (``guides.services.guide_start``) and records the declaration in
one transaction: a country that already has a guide in that language is refused and nothing
is written. The secretariat acknowledges once. The country's focal point (or the secretariat)
withdraws, with a reason, while the guide has not gone past drafting: the declaration shows
"withdrawn" with the reason and its date (kept in its history), its stakeholders can no longer
be changed, and the guide stays as it is (its own timeline is untouched).
"""

from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.countries.models import Country
from rabatnet.guides import lifecycle
from rabatnet.guides.models import Guide
from rabatnet.guides.services import guide_start
from rabatnet.network.models import Organisation, Person

from . import stakeholder_invitations as mails
from .models import ExpressionOfInterest

EDIT_FIELDS = ["lead_institution", "coordinator", "note"]
# The reason is kept as the history record's change reason (100 characters there).
REASON_LENGTH = 100


def country_people(country: Country) -> Any:
    """The people of a country: of its organisations, or appointed for it; not erased."""
    people = Person.objects.filter(organisation__country=country) | Person.objects.filter(
        appointments__country=country
    )
    return people.filter(erased_at__isnull=True).distinct()


def _check_parties(country: Country, lead_institution: Organisation, coordinator: Person) -> None:
    errors: dict[str, str] = {}
    if lead_institution.country_id != country.pk:
        errors["lead_institution"] = _("Choose an institution of %(country)s.") % {
            "country": country.name
        }
    if not country_people(country).filter(pk=coordinator.pk).exists():
        errors["coordinator"] = _("Choose a person of %(country)s.") % {"country": country.name}
    if errors:
        raise ValidationError(errors)


def may_withdraw(interest: ExpressionOfInterest) -> bool:
    """Declared or acknowledged, and the guide not past drafting."""
    return interest.status != ExpressionOfInterest.Status.WITHDRAWN and (
        interest.guide.stage in lifecycle.PREPARATION
    )


@transaction.atomic
def interest_declare(
    *,
    country: Country,
    language: str,
    lead_institution: Organisation,
    coordinator: Person,
    note: str = "",
    actor: User | None,
    is_example: bool = False,
) -> ExpressionOfInterest:
    """The country declares its interest: the guide starts and the secretariat is told."""
    _check_parties(country, lead_institution, coordinator)
    guide = guide_start(country=country, language=language, actor=actor)
    interest = ExpressionOfInterest(
        country=country,
        guide=guide,
        lead_institution=lead_institution,
        coordinator=coordinator,
        note=note,
        declared_at=timezone.now(),
        declared_by=actor,
        is_example=is_example,
    )
    record_actor(interest, actor)
    interest.full_clean(exclude=["declared_by"])  # None for a loader's declaration
    interest.save()
    mails.mail_declared(interest)
    return interest


def _locked(interest: ExpressionOfInterest) -> ExpressionOfInterest:
    interest.refresh_from_db(from_queryset=ExpressionOfInterest.objects.select_for_update())
    return interest


@transaction.atomic
def interest_acknowledge(
    *, interest: ExpressionOfInterest, actor: User | None
) -> ExpressionOfInterest:
    """The secretariat acknowledges the declaration, once; the declarer is told."""
    interest = _locked(interest)
    if interest.status != ExpressionOfInterest.Status.DECLARED:
        raise ValidationError(
            _("This declaration is “%(status)s”: it cannot be acknowledged now."),
            params={"status": interest.get_status_display()},
        )
    interest.status = ExpressionOfInterest.Status.ACKNOWLEDGED
    interest.acknowledged_at = timezone.now()
    interest.acknowledged_by = actor
    record_actor(interest, actor)
    interest.save(update_fields=["status", "acknowledged_at", "acknowledged_by", "updated_at"])
    mails.mail_acknowledged(interest)
    return interest


@transaction.atomic
def interest_withdraw(
    *, interest: ExpressionOfInterest, reason: str, actor: User | None
) -> ExpressionOfInterest:
    """The country withdraws its interest, with a reason, while the guide is still prepared."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the country withdraws.")})
    interest = _locked(interest)
    interest.guide = Guide.objects.select_for_update().get(pk=interest.guide_id)
    if interest.status == ExpressionOfInterest.Status.WITHDRAWN:
        raise ValidationError(_("This declaration was already withdrawn."))
    if not may_withdraw(interest):
        raise ValidationError(
            _(
                "The guide is at the stage “%(stage)s”: it went past drafting, so the "
                "interest can no longer be withdrawn."
            ),
            params={"stage": interest.guide.get_stage_display()},
        )
    interest.status = ExpressionOfInterest.Status.WITHDRAWN
    record_actor(interest, actor)
    cast(Any, interest)._change_reason = reason.strip()[:REASON_LENGTH]
    interest.save(update_fields=["status", "updated_at"])
    return interest


def withdrawal(interest: ExpressionOfInterest) -> Any:
    """The history record of the withdrawal (its date, who, the reason), or None."""
    if interest.status != ExpressionOfInterest.Status.WITHDRAWN:
        return None
    return (
        interest.history.filter(status=ExpressionOfInterest.Status.WITHDRAWN)
        .select_related("history_user")
        .order_by("history_date")
        .first()
    )


@transaction.atomic
def interest_update(
    *, interest: ExpressionOfInterest, expected_version: int, actor: User | None
) -> ExpressionOfInterest:
    """Save the edited lead institution, coordinator and note; refused if stale or withdrawn."""
    current = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if current.status == ExpressionOfInterest.Status.WITHDRAWN:
        raise ValidationError(_("This declaration was withdrawn: it can no longer be changed."))
    _check_parties(interest.country, interest.lead_institution, interest.coordinator)
    record_actor(interest, actor)
    return save_versioned(obj=interest, expected_version=expected_version, fields=EDIT_FIELDS)
