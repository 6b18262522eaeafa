"""The newsletter's mails: the issue, the confirmation, the test; and their list headers.

Every newsletter mail carries ``List-Id``, ``List-Unsubscribe`` (an HTTPS link with the
subscriber's own token) and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``
(RFC 2919, 2369, 8058). Outside DEBUG an issue is refused when ``SITE_URL`` is not HTTPS
(docs/decisions/0027-newsletter-delivery.md).
"""

import email.policy
from dataclasses import dataclass
from email.utils import make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Issue, Item, Subscriber
from .rendering import issue_view

LIST_NAME = "The Rabat Review"
# Headers written unfolded: a folded List-Unsubscribe (the link alone is ~100 characters)
# is read wrongly by some mail clients. RFC 5322 allows lines up to 998 characters.
UNFOLDED = email.policy.compat32.clone(max_line_length=0)


class ListMessage(EmailMultiAlternatives):
    """A newsletter mail: its headers are never folded."""

    def message(self, *args: Any, **kwargs: Any) -> Any:
        message = super().message(*args, **kwargs)
        message.policy = UNFOLDED
        return message


ONE_CLICK = "List-Unsubscribe=One-Click"


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def check_site_url() -> None:
    """Refuse to send when the unsubscribe link would not be HTTPS (DEBUG excepted)."""
    if urlsplit(settings.SITE_URL).scheme != "https" and not settings.DEBUG:
        raise ImproperlyConfigured(
            "SITE_URL must be an https:// address to send the newsletter "
            "(RFC 8058 one-click unsubscription); it is " + repr(settings.SITE_URL)
        )


def list_id() -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{LIST_NAME} <rabat-review.{host}>"


def absolute(name: str, language: str, **kwargs: object) -> str:
    with translation.override(language):
        return site_url() + reverse(name, kwargs=kwargs)


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute("newsletter:unsubscribe", subscriber.language, token=subscriber.token)


def list_headers(subscriber: Subscriber) -> dict[str, str]:
    return {
        "List-Id": list_id(),
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": ONE_CLICK,
    }


@dataclass(frozen=True)
class IssueMail:
    """An issue's mail in one language, with a placeholder for each subscriber's link."""

    subject: str
    text: str
    html: str


PLACEHOLDER = "%%UNSUBSCRIBE%%"


def issue_mail(issue: Issue, items: list[Item], language: str, *, test: bool = False) -> IssueMail:
    """Subject, text and HTML of the issue in ``language``; rendered once per language."""
    view = issue_view(issue, items, language, absolute=True)
    with translation.override(language):
        context = {
            "v": view,
            "page_url": absolute(
                "newsletter:issue", language, year=issue.year, quarter=issue.quarter
            ),
            "unsubscribe_url": PLACEHOLDER,
        }
        subject = view.title.value
        if issue.is_example:
            subject = _("[Example] %(subject)s") % {"subject": subject}
        if test:
            subject = f"[TEST] {subject}"
        return IssueMail(
            subject=subject,
            text=render_to_string("newsletter/mail/issue.txt", context),
            html=render_to_string("newsletter/mail/issue.html", context),
        )


def issue_message(mail: IssueMail, subscriber: Subscriber, to: str = "") -> ListMessage:
    """The mail for one subscriber (or a test address): their link, the list headers."""
    link = unsubscribe_url(subscriber)
    message = ListMessage(
        subject=mail.subject,
        body=mail.text.replace(PLACEHOLDER, link),
        to=[to or subscriber.email],
        headers={**list_headers(subscriber), "Message-ID": make_msgid(domain=str(DNS_NAME))},
    )
    message.attach_alternative(mail.html.replace(PLACEHOLDER, link), "text/html")
    return message


def confirmation_message(subscriber: Subscriber, *, already_active: bool) -> ListMessage:
    """The double opt-in mail (or, for an active subscriber, a reminder that they are)."""
    with translation.override(subscriber.language):
        context = {
            "confirm_url": absolute(
                "newsletter:confirm", subscriber.language, token=subscriber.token
            ),
            "unsubscribe_url": unsubscribe_url(subscriber),
            "already_active": already_active,
        }
        subject = (
            _("You are subscribed to the Rabat Review")
            if already_active
            else _("Confirm your subscription to the Rabat Review")
        )
        body = render_to_string("newsletter/mail/confirm.txt", context)
    return ListMessage(
        subject=subject, body=body, to=[subscriber.email], headers=list_headers(subscriber)
    )
