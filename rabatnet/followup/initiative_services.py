"""Writes of the follow-up's initiatives and contributors (keyword-only, atomic).

An initiative's life (decision 0029): draft → submitted → verified (published) or returned
(with a reason) → submitted again. Editing a verified initiative makes it a new submission:
it leaves the public pages until the secretariat verifies it again. Each step re-reads the
initiative under ``select_for_update`` and refuses, with a message, a step that no longer
applies (two secretariat members deciding at once: one wins).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.core.tasks import send_email
from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation, Person
from rabatnet.strategy.models import Objective

from .initiative_selectors import shown
from .models import Contributor, Initiative, InitiativeSource, ReviewState


@dataclass(frozen=True)
class SourceIn:
    title: str
    url: str


@dataclass(frozen=True)
class InitiativeIn:
    """What the form gives: every field an editor sets."""

    kind: str
    title_en: str
    title_fr: str
    summary_en: str
    summary_fr: str
    status: str
    starts_on: date | None
    ends_on: date | None
    budget: Decimal | None
    currency: str
    countries: list[Country]
    objectives: list[Objective]
    partners: list[Organisation]
    sources: list[SourceIn]


SCALAR_FIELDS = [
    "kind",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "status",
    "starts_on",
    "ends_on",
    "budget",
    "currency",
]


# --- Contributors --------------------------------------------------------------------


@transaction.atomic
def contributor_designate(*, country: Country, person: Person, by: User) -> Contributor:
    """``person`` (of ``country``, with an account) may enter for the country from now."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None or person.user_id is None:
        raise ValidationError(_("Only a person with an account can be designated."))
    if Contributor.objects.filter(country=country, person=person, ended_at__isnull=True).exists():
        raise ValidationError(_("This person is already a contributor for this country."))
    return Contributor.objects.create(country=country, person=person, designated_by=by)


@transaction.atomic
def contributor_end(*, contributor: Contributor) -> Contributor:
    """The designation ends now; the record stays (who entered what stays readable)."""
    contributor = Contributor.objects.select_for_update().get(pk=contributor.pk)
    if contributor.ended_at is not None:
        raise ValidationError(_("This designation has already ended."))
    contributor.ended_at = timezone.now()
    contributor.save(update_fields=["ended_at"])
    return contributor


def end_designations_of(person: Person) -> int:
    """End every designation of ``person`` in force (erasure); the number ended."""
    return Contributor.objects.filter(person=person, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )


# --- Initiatives ---------------------------------------------------------------------


def _set_relations(initiative: Initiative, data: InitiativeIn) -> None:
    initiative.countries.set([c for c in data.countries if c.pk != initiative.country_id])
    initiative.objectives.set(data.objectives)
    initiative.partners.set(data.partners)
    initiative.sources.all().delete()
    InitiativeSource.objects.bulk_create(
        [InitiativeSource(initiative=initiative, title=s.title, url=s.url) for s in data.sources]
    )


def _apply(initiative: Initiative, data: InitiativeIn) -> None:
    for name in SCALAR_FIELDS:
        setattr(initiative, name, getattr(data, name))


@transaction.atomic
def initiative_create(*, country: Country, data: InitiativeIn, by: User) -> Initiative:
    """A new draft of ``country``."""
    initiative = Initiative(country=country)
    _apply(initiative, data)
    record_actor(initiative, by)
    initiative.save()
    _set_relations(initiative, data)
    return initiative


@transaction.atomic
def initiative_update(
    *, initiative: Initiative, data: InitiativeIn, expected_version: int, by: User
) -> Initiative:
    """Save an edit (refused if stale). A verified initiative becomes a new submission and
    leaves the public until verified again; a submitted one stays submitted."""
    current = Initiative.objects.select_for_update().get(pk=initiative.pk)
    _apply(initiative, data)
    fields = list(SCALAR_FIELDS)
    if current.review_state == ReviewState.VERIFIED:
        initiative.review_state = ReviewState.SUBMITTED
        initiative.submitted_at = timezone.now()
        fields += ["review_state", "submitted_at"]
    record_actor(initiative, by)
    save_versioned(obj=initiative, expected_version=expected_version, fields=fields)
    _set_relations(initiative, data)
    return initiative


def _locked(initiative: Initiative, allowed: Iterable[str]) -> Initiative:
    current = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if current.review_state not in allowed:
        raise ValidationError(
            _("This initiative is now “%(state)s”: this step no longer applies.")
            % {"state": current.get_review_state_display()}
        )
    return current


@transaction.atomic
def initiative_submit(*, initiative: Initiative, by: User) -> Initiative:
    """A draft or a returned initiative goes to the secretariat; it needs a source."""
    current = _locked(initiative, [ReviewState.DRAFT, ReviewState.RETURNED])
    if not current.sources.exists():
        raise ValidationError(_("Give at least one source before submitting."))
    if not current.objectives.exists():
        raise ValidationError(_("Choose at least one objective before submitting."))
    current.review_state = ReviewState.SUBMITTED
    current.submitted_at = timezone.now()
    record_actor(current, by)
    current.save(update_fields=["review_state", "submitted_at"])
    return current


@transaction.atomic
def initiative_verify(*, initiative: Initiative, by: User) -> Initiative:
    """The secretariat verifies a submitted initiative: it is published."""
    current = _locked(initiative, [ReviewState.SUBMITTED])
    current.review_state = ReviewState.VERIFIED
    current.verified_at = timezone.now()
    current.verified_by = by
    current.return_reason = ""
    record_actor(current, by)
    current.save(update_fields=["review_state", "verified_at", "verified_by", "return_reason"])
    return current


@transaction.atomic
def initiative_return(*, initiative: Initiative, reason: str, by: User) -> Initiative:
    """The secretariat returns a submitted initiative with a reason, mailed to its submitter."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the initiative is returned."))
    current = _locked(initiative, [ReviewState.SUBMITTED])
    current.review_state = ReviewState.RETURNED
    current.return_reason = reason
    record_actor(current, by)
    current.save(update_fields=["review_state", "return_reason"])
    submitter = submitter_of(current)
    if submitter is not None and submitter.email:
        _mail_return(current, submitter)
    return current


def submitter_of(initiative: Initiative) -> User | None:
    """Who last submitted ``initiative`` (the history's latest change to "submitted")."""
    record = (
        initiative.history.filter(review_state=ReviewState.SUBMITTED, history_user__isnull=False)
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )
    user = record.history_user if record is not None else None
    return user if isinstance(user, User) else None


def _mail_return(initiative: Initiative, user: User) -> None:
    person = Person.objects.filter(user=user).first()
    language = person.language if person is not None and person.language else "en"
    with translation.override(language):
        context = {
            "initiative": initiative,
            "reason": initiative.return_reason,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        subject = _("Initiative returned: %(title)s") % {"title": shown(initiative, "title")}
        body = render_to_string("followup/initiative_returned.txt", context)
    to = [user.email]
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to))
