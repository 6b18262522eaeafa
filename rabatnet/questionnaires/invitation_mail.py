"""The mails a respondent receives: the invitation (sent again on request) and reminders —
in their language, with their personal link, through the worker once the transaction
commits."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from rabatnet.core.tasks import send_email

from .answer_layout import translated
from .invitations import answer_url
from .models import Invitation


def invitation_message(invitation: Invitation, reminder: bool = False) -> tuple[str, str]:
    """The subject and body, in the respondent's language."""
    language = invitation.language or "en"
    with translation.override(language):
        questionnaire = invitation.questionnaire
        title = translated(questionnaire, "title", language)
        context = {
            "invitation": invitation,
            "title": title,
            "country": invitation.country.name,
            "url": answer_url(invitation, language),
            "reminder": reminder,
        }
        subject = (
            _("Reminder: questionnaire “%(title)s”")
            if reminder
            else _("Questionnaire “%(title)s”: your personal link")
        ) % {"title": title}
        body = render_to_string("questionnaires/mail/answer_invitation.txt", context)
    return subject, body


def mail_invitation(invitation: Invitation, reminder: bool = False) -> None:
    """Queue the invitation (or a reminder) to the respondent, on commit."""
    subject, body = invitation_message(invitation, reminder)
    to = [invitation.respondent_email]
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to))
