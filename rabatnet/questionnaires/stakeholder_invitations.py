"""The workgroup invitation: a personal signed link and the mails of an expression of interest.

The link is ``/<lang>/workgroup/invitation/<token>/``. The token is signed with its own salt
and names the stakeholder, its guide and the moment it was invited; it expires after 30 days
and serves once: it only works while the stakeholder is "invited" at that very moment (an
answer, or a new invitation, ends it). Mails leave through the worker once the transaction
commits, each in its recipient's language.
"""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from rabatnet.accounts.models import User
from rabatnet.core.tasks import send_email
from rabatnet.network.models import Person
from rabatnet.network.selectors import secretariat_recipients

from .models import ExpressionOfInterest, Stakeholder

SALT = "rabatnet.questionnaires.workgroup-invitation"
MAX_AGE_DAYS = 30
MAX_AGE = MAX_AGE_DAYS * 24 * 60 * 60
MAX_TOKEN_LENGTH = 300


def _stamp(moment: datetime | None) -> int:
    return int(moment.timestamp() * 1_000_000) if moment else 0


def make_token(stakeholder: Stakeholder) -> str:
    """The signed token of the stakeholder's current invitation."""
    payload = {"s": stakeholder.pk, "g": stakeholder.guide_id, "t": _stamp(stakeholder.invited_at)}
    return signing.dumps(payload, salt=SALT)


def read_token(token: str) -> tuple[Stakeholder | None, str]:
    """The stakeholder a token invites, or None and why: "bad" (forged, expired, unknown),
    "withdrawn" (the declaration was) or "used" (answered, withdrawn or invited again since,
    the person erased). Never raises."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return None, "bad"
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired included
        return None, "bad"
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int) for k in "sgt"):
        return None, "bad"
    stakeholder = (
        Stakeholder.objects.select_related(
            "guide__country", "organisation", "person", "guide__expression_of_interest"
        )
        .filter(pk=data["s"], guide_id=data["g"])
        .first()
    )
    if stakeholder is None or stakeholder.person is None:
        return None, "bad"
    if (
        stakeholder.status != Stakeholder.Status.INVITED
        or _stamp(stakeholder.invited_at) != data["t"]
        or stakeholder.person.erased_at is not None
    ):
        return None, "used"
    if withdrawn(stakeholder):
        return None, "withdrawn"
    return stakeholder, ""


def withdrawn(stakeholder: Stakeholder) -> bool:
    """True if the declaration the stakeholder was invited for was withdrawn since."""
    interest = getattr(stakeholder.guide, "expression_of_interest", None)
    return interest is not None and interest.status == ExpressionOfInterest.Status.WITHDRAWN


def invitation_url(stakeholder: Stakeholder, language: str) -> str:
    with translation.override(language):
        path = reverse("interest:invitation", kwargs={"token": make_token(stakeholder)})
    return settings.SITE_URL.rstrip("/") + path


def _language(person: Person | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = person.language if person is not None else ""
    return language if language in codes else settings.LANGUAGE_CODE[:2]


def _queue(subject: str, body: str, to: str) -> None:
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[to]))


def _mail(people: Iterable[Person], template: str, subject: str, **context: object) -> None:
    """Queue ``template`` to each person, rendered in their language."""
    for person in people:
        language = _language(person)
        with translation.override(language):
            body = render_to_string(
                f"questionnaires/{template}", {**context, "name": person.full_name}
            )
            _queue(_(subject) % _subject_params(context), body, person.email)


def _subject_params(context: dict[str, object]) -> dict[str, object]:
    interest = context["interest"]
    assert isinstance(interest, ExpressionOfInterest)
    return {"country": interest.country.name, "language": interest.guide.get_language_display()}


def _detail_url(interest: ExpressionOfInterest, language: str) -> str:
    with translation.override(language):
        path = reverse("interest:detail", kwargs={"pk": interest.pk})
    return settings.SITE_URL.rstrip("/") + path


def mail_declared(interest: ExpressionOfInterest) -> None:
    """Tell the secretariat that a country declared its interest."""
    for person in secretariat_recipients():
        _mail(
            [person],
            "interest_mail_declared.txt",
            gettext_noop("%(country)s declares its interest in a guide (%(language)s)"),
            interest=interest,
            url=_detail_url(interest, _language(person)),
        )


def mail_acknowledged(interest: ExpressionOfInterest) -> None:
    """Tell the declarer that the secretariat acknowledged the declaration."""
    user = interest.declared_by
    person = getattr(user, "person", None) if isinstance(user, User) else None
    if person is None or person.erased_at is not None or not person.email:
        return
    _mail(
        [person],
        "interest_mail_acknowledged.txt",
        gettext_noop("The secretariat acknowledged the interest of %(country)s (%(language)s)"),
        interest=interest,
        url=_detail_url(interest, _language(person)),
    )


def mail_invitation(stakeholder: Stakeholder) -> None:
    """Invite the stakeholder's person to the workgroup, with their personal link."""
    person = stakeholder.person
    if person is None or person.erased_at is not None or not person.email:
        return
    interest = stakeholder.guide.expression_of_interest
    language = _language(person)
    _mail(
        [person],
        "stakeholder_mail_invitation.txt",
        gettext_noop("%(country)s: an invitation to the workgroup of the guide (%(language)s)"),
        interest=interest,
        stakeholder=stakeholder,
        url=invitation_url(stakeholder, language),
        days=MAX_AGE_DAYS,
    )
