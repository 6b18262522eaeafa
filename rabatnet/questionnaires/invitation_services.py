"""Writes of a country's invitations to answer: invite, revoke, extend, resend, opened.

Keyword-only, atomic; each locks the invitation it changes and refuses, with a message, a
step that no longer applies (a revoked link is not extended, a closed questionnaire takes
no new invitation). The mail goes through the worker once the transaction commits.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.guides.models import Stage
from rabatnet.network.models import Organisation

from .invitation_mail import mail_invitation
from .models import Invitation, Questionnaire
from .services import country_guides_follow


def link_days() -> timedelta:
    return timedelta(days=settings.QUESTIONNAIRE_LINK_DAYS)


def _open(questionnaire: Questionnaire) -> Questionnaire:
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if locked.status != Questionnaire.Status.OPEN:
        raise ValidationError(
            _("The questionnaire is not open for answers: nobody can be invited to it.")
        )
    return locked


@transaction.atomic
def invitation_create(
    *,
    questionnaire: Questionnaire,
    country: Country,
    department: Organisation,
    respondent_name: str,
    respondent_email: str,
    language: str,
    by: User | None,
) -> Invitation:
    """Invite a respondent of one of the country's departments and mail the link; once per
    address (a withdrawn link aside)."""
    questionnaire = _open(questionnaire)
    if department.country_id != country.pk:
        raise ValidationError(_("The department is not one of this country's."))
    if Invitation.objects.filter(
        questionnaire=questionnaire,
        country=country,
        respondent_email__iexact=respondent_email.strip(),
        revoked_at__isnull=True,
    ).exists():  # a second click, or a second link that would count the respondent twice
        raise ValidationError(
            _(
                "%(email)s is already invited to this questionnaire: send the link again or "
                "extend it rather than inviting again."
            )
            % {"email": respondent_email}
        )
    first = not Invitation.objects.filter(country=country).exists()
    invitation = Invitation.objects.create(
        questionnaire=questionnaire,
        country=country,
        department=department,
        respondent_name=respondent_name,
        respondent_email=respondent_email,
        language=language if language in ("en", "fr") else "en",
        created_by=by,
        expires_at=timezone.now() + link_days(),
    )
    if first:
        country_guides_follow(
            country=country,
            stage=Stage.QUESTIONNAIRES,
            actor=by,
            comment=_("First invitation to answer “%(form_id)s”.")
            % {"form_id": questionnaire.form_id},
        )
    mail_invitation(invitation)
    return invitation


def _locked(invitation: Invitation) -> Invitation:
    return (
        Invitation.objects.select_for_update()
        .select_related("questionnaire", "country", "department")
        .get(pk=invitation.pk)
    )


def _submitted(invitation: Invitation) -> bool:
    return invitation.questionnaire.responses.filter(
        invitation=invitation, status="submitted"
    ).exists()


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """The link stops working at once (answers saved so far stay)."""
    invitation = _locked(invitation)
    if invitation.revoked_at is not None:
        raise ValidationError(_("This link was already withdrawn."))
    if _submitted(invitation):  # the page offers no button: a withdrawn one left the rate
        raise ValidationError(_("The answers were submitted: the link is not withdrawn."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def invitation_extend(*, invitation: Invitation) -> Invitation:
    """The link works QUESTIONNAIRE_LINK_DAYS more days from today."""
    invitation = _locked(invitation)
    if invitation.revoked_at is not None:
        raise ValidationError(_("A withdrawn link cannot be extended: invite again."))
    if _submitted(invitation):
        raise ValidationError(_("The answers were submitted: the link needs no more time."))
    invitation.expires_at = max(invitation.expires_at, timezone.now()) + link_days()
    invitation.save(update_fields=["expires_at"])
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> Invitation:
    """Mail the link again (an expired one is extended first)."""
    invitation = _locked(invitation)
    if invitation.revoked_at is not None:
        raise ValidationError(_("A withdrawn link is not sent again: invite again."))
    if invitation.questionnaire.status != Questionnaire.Status.OPEN:
        raise ValidationError(_("The questionnaire is not open for answers."))
    if _submitted(invitation):
        raise ValidationError(_("The answers were submitted: there is nothing to send."))
    if invitation.expires_at <= timezone.now():
        invitation.expires_at = timezone.now() + link_days()
        invitation.save(update_fields=["expires_at"])
    mail_invitation(invitation)
    return invitation


def invitation_opened(*, invitation: Invitation) -> None:
    """Note the first time the link was opened (once)."""
    Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )
