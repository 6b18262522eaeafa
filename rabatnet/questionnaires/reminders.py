"""Reminders to respondents who have not submitted their answers.

On the days ``settings.QUESTIONNAIRE_REMINDER_DAYS`` after the invitation (7, 14 and 28 by
default), each invitation whose link still works (not withdrawn, not expired, the
questionnaire open) and whose answers are not submitted gets one mail, in the respondent's
language, with their link. At most one per invitation and day: the invitation is locked
while it is checked and ``reminded_at`` records the day, so two workers never send it twice.
"""

from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .invitation_mail import invitation_message
from .models import Invitation, Questionnaire, Response


def _reminder_day(invitation: Invitation, today: date) -> bool:
    days = (today - timezone.localdate(invitation.created_at)).days
    return days in settings.QUESTIONNAIRE_REMINDER_DAYS


def _still_due(invitation: Invitation, today: date) -> bool:
    return (
        invitation.revoked_at is None
        and invitation.expires_at > timezone.now()
        and invitation.questionnaire.status == Questionnaire.Status.OPEN
        and _reminder_day(invitation, today)
        and (invitation.reminded_at is None or timezone.localdate(invitation.reminded_at) != today)
        and not Response.objects.filter(
            invitation=invitation, status=Response.Status.SUBMITTED
        ).exists()
    )


def _candidates() -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            questionnaire__status=Questionnaire.Status.OPEN,
        )
        .exclude(response__status=Response.Status.SUBMITTED)
        .select_related("questionnaire")
        .order_by("pk")
    )


def due_reminders(today: date | None = None) -> list[int]:
    """The invitations to remind today, not reminded yet today."""
    today = today or timezone.localdate()
    return [i.pk for i in _candidates() if _still_due(i, today)]


def invitation_remind(*, invitation_id: int, today: date | None = None) -> int:
    """Remind the respondent if it is still due; the number of mails sent (0 or 1)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("questionnaire", "country", "department")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or not _still_due(invitation, today):
            return 0
        subject, body = invitation_message(invitation, reminder=True)
        sent = EmailMessage(subject=subject, body=body, to=[invitation.respondent_email]).send()
        invitation.reminded_at = timezone.now()
        invitation.reminders_sent += 1
        invitation.save(update_fields=["reminded_at", "reminders_sent"])
    return sent
