"""The forums' e-mails: one post at once, or the day's digest, in the reader's language.

Each mail names its list (``List-Id: <forum-slug.forums.host>``) and where to stop it
(``List-Unsubscribe``: the preference centre, in the reader's language).
"""

from collections.abc import Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from rabatnet.core.markdown import render_markdown
from rabatnet.network.models import Person

from .models import Forum, Notification


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def list_headers(forum: Forum | None) -> dict[str, str]:
    """The list headers; call inside the reader's language (the centre's address has it)."""
    list_name = f"{forum.slug}.forums" if forum is not None else "digest.forums"
    return {
        "List-Id": f"<{list_name}.{site_host()}>",
        "List-Unsubscribe": f"<{absolute(reverse('network:notifications'))}>",
    }


def _message(person: Person, subject: str, template: str, context: dict, forum: Forum | None):
    context = {
        **context,
        "person": person,
        "preferences_url": absolute(reverse("network:notifications")),
    }
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"forums/mail/{template}.txt", context),
        to=[person.email],
        headers=list_headers(forum),
    )
    message.attach_alternative(
        render_to_string(f"forums/mail/{template}.html", context), "text/html"
    )
    return message


def post_message(notification: Notification) -> EmailMultiAlternatives:
    """One post, for one reader: the forum and the thread in the subject."""
    post = notification.post
    thread = post.thread
    person = notification.person
    with translation.override(person.language):
        context = {
            "notification": notification,
            "post": post,
            "thread": thread,
            "forum": thread.forum,
            "author": post.author.display_name,
            "body_html": render_markdown(post.body),
            "post_url": absolute(thread.get_absolute_url()) + f"#post-{post.pk}",
        }
        subject = render_to_string("forums/mail/post_subject.txt", context)
        return _message(person, subject, "post", context, thread.forum)


def digest_message(person: Person, notifications: Sequence[Notification]) -> EmailMultiAlternatives:
    """The day's notifications of one reader, grouped by thread, in one mail."""
    with translation.override(person.language):
        items = [
            {
                "notification": n,
                "post": n.post,
                "thread": n.post.thread,
                "forum": n.post.thread.forum,
                "author": n.post.author.display_name,
                "post_url": absolute(n.post.thread.get_absolute_url()) + f"#post-{n.post.pk}",
            }
            for n in notifications
        ]
        forums = {n.post.thread.forum_id: n.post.thread.forum for n in notifications}
        only_forum = next(iter(forums.values())) if len(forums) == 1 else None
        context = {"items": items, "count": len(items)}
        subject = render_to_string("forums/mail/digest_subject.txt", context)
        return _message(person, subject, "digest", context, only_forum)
