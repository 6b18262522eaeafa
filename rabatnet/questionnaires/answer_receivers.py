"""Respondents' personal data where they are people of the network (same e-mail address):
their invitations in "all data held about me", and cleared at erasure (name and address
gone, the link withdrawn; the answers stay, with no name: they are the department's)."""

from typing import Any

from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext

from rabatnet.network.models import Person
from rabatnet.network.registries import register_personal_data
from rabatnet.network.signals import person_erasing

from .models import Invitation, Response


def _invitations(person: Person) -> Any:
    if not person.email:
        return Invitation.objects.none()
    return Invitation.objects.filter(respondent_email__iexact=person.email)


def personal_data(person: Person) -> list[dict[str, Any]]:
    """The invitations to answer a questionnaire sent to the person's address."""
    rows = _invitations(person).select_related("questionnaire", "country", "department")
    return [
        {
            "questionnaire": i.questionnaire.form_id,
            "country": i.country.iso3,
            "department": i.department.name,
            "respondent_name": i.respondent_name,
            "respondent_email": i.respondent_email,
            "language": i.language,
            "invited_at": i.created_at.isoformat(),
            "expires_at": i.expires_at.isoformat(),
            "revoked_at": i.revoked_at.isoformat() if i.revoked_at else None,
            "reminders_sent": i.reminders_sent,
        }
        for i in rows.order_by("created_at", "pk")
    ]


register_personal_data("questionnaire_invitations", personal_data)


@receiver(person_erasing, dispatch_uid="questionnaires_answer_erasure")
def forget_respondent(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    invitations = _invitations(person)
    pks = list(invitations.values_list("pk", flat=True))
    Response.objects.filter(invitation__in=pks).update(respondent_name="")
    now = timezone.now()
    Invitation.objects.filter(pk__in=pks, revoked_at__isnull=True).update(revoked_at=now)
    cleared = Invitation.objects.filter(pk__in=pks).update(
        respondent_name=gettext("erased person"), respondent_email=""
    )
    return {"questionnaire_invitations": cleared}
