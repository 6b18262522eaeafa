"""The respondent's personal link: a token signed with ``django.core.signing`` (its own salt)
carrying the invitation's id and the questionnaire's form ID.

The link is the only key of the answer page: no account. It works while the invitation has
not expired nor been revoked and the questionnaire is open. A token that does not verify, or
names another questionnaire than its invitation's, names nobody (404); an expired, revoked
or closed one says so (410). Never another questionnaire's or country's data.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models import Invitation, Questionnaire

SALT = "rabatnet.questionnaires.invitation"
MAX_TOKEN = 200


def make_token(invitation: Invitation) -> str:
    """The same token every time for one invitation (no timestamp: the expiry is the
    invitation's own, which can be extended)."""
    data = {"i": invitation.pk, "f": invitation.questionnaire.form_id}
    return signing.Signer(salt=SALT).sign_object(data)


def answer_url(invitation: Invitation, language: str | None = None) -> str:
    """The respondent's link, absolute, in ``language`` (theirs by default)."""
    with translation.override(language or invitation.language or "en"):
        path = reverse("answers:answer", kwargs={"token": make_token(invitation)})
    return settings.SITE_URL.rstrip("/") + path


@dataclass(frozen=True)
class LinkRefused(Exception):
    """Why a link does not open: the HTTP status and the words shown."""

    status: int
    message: str


def invitation_from_token(token: str) -> Invitation:
    """The invitation the token names, if the link still works; else ``LinkRefused``."""
    unknown = LinkRefused(404, str(_("This link is not valid. Check that it was copied whole.")))
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN:
        raise unknown
    try:
        data = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, UnicodeError):
        raise unknown from None
    if not isinstance(data, dict):
        raise unknown
    pk, form_id = data.get("i"), data.get("f")
    if not isinstance(pk, int) or not 0 < pk < 2**31 or not isinstance(form_id, str):
        raise unknown
    invitation = (
        Invitation.objects.select_related("questionnaire", "country", "department")
        .filter(pk=pk, questionnaire__form_id=form_id)
        .first()
    )
    if invitation is None:
        raise unknown
    if invitation.revoked_at is not None:
        raise LinkRefused(410, str(_("This link was withdrawn. Ask whoever invited you.")))
    if invitation.expires_at <= timezone.now():
        raise LinkRefused(
            410, str(_("This link has expired. Ask whoever invited you for a new one."))
        )
    if invitation.questionnaire.status != Questionnaire.Status.OPEN:
        raise LinkRefused(410, str(_("This questionnaire is not open for answers any more.")))
    return invitation
