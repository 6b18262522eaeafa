"""The mail that asks an expert: in their language, with their private link, through the
worker once the transaction commits."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from rabatnet.core.tasks import send_email

from .models import Proposal


def answer_url(proposal: Proposal, language: str) -> str:
    """The expert's private link, absolute, in ``language``."""
    with translation.override(language):
        path = reverse("matching:answer", kwargs={"token": proposal.token})
    return settings.SITE_URL.rstrip("/") + path


def mail_asked(proposal: Proposal) -> None:
    """Queue "you are asked" to the expert (on commit)."""
    person = proposal.expert.person
    if person.erased_at is not None or not person.email:
        return
    language = person.language or "en"
    request = proposal.request
    with translation.override(language):
        context = {
            "proposal": proposal,
            "support_request": request,
            "name": person.full_name,
            "url": answer_url(proposal, language),
        }
        subject = _("Would you support request %(reference)s?") % {"reference": request.reference}
        body = render_to_string("support/mail/matching_asked.txt", context)
    to = [person.email]
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to))
