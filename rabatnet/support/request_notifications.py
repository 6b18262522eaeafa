"""Mails about a request, each in the reader's language, through the worker: to the country
(its requesters in post: focal points, coordinating authority), each change of stage (with
the reason) and each new version of the terms of reference awaiting its agreement; to the
secretariat, each new request filed."""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from rabatnet.core.tasks import send_email
from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Person
from rabatnet.network.selectors import secretariat_recipients

from .models import Stage, StageEvent, SupportRequest, TermsOfReference
from .permissions import REQUESTERS
from .signals import request_filed, stage_changed


def requesters(country: Country) -> QuerySet[Person]:
    """The people who speak for ``country`` in its requests today, not erased, with an address."""
    posts = Appointment.objects.current().filter(role__in=REQUESTERS, country=country)
    return (
        Person.objects.filter(pk__in=posts.values("person_id"), erased_at__isnull=True)
        .exclude(email="")
        .order_by("pk")
    )


def _link(name: str, **kwargs: Any) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _mail_country(
    request: SupportRequest, subject: str, template: str, context: dict[str, Any]
) -> int:
    """One mail per requester, in their language; the number queued."""
    return _mail_people(requesters(request.country), request, subject, template, context)


def _mail_people(
    people: QuerySet[Person],
    request: SupportRequest,
    subject: str,
    template: str,
    context: dict[str, Any],
) -> int:
    """One mail per person, in their language; the number queued."""
    queued = 0
    for person in people:
        with translation.override(person.language or "en"):
            values = {
                "person": person,
                "support_request": request,
                "country": request.country.name,
                "link": _link("support:detail", pk=request.pk),
                **context,
            }
            title = gettext(subject) % {"reference": request.reference, "title": request.title}
            body = render_to_string(template, values)
        send_email.enqueue(subject=title, body=body, to=[person.email])
        queued += 1
    return queued


# Subjects, marked for translation here and translated in each person's language.
STAGE_SUBJECT = gettext_noop("Technical support request %(reference)s: %(title)s")
TERMS_SUBJECT = gettext_noop("Terms of reference to agree: %(reference)s %(title)s")
FILED_SUBJECT = gettext_noop("New technical support request %(reference)s: %(title)s")


@receiver(request_filed, dispatch_uid="support_request_filed_mail")
def mail_request_filed(sender: Any, request: SupportRequest, **kwargs: Any) -> int:
    """Tell the secretariat a country filed a request (example requests mail nobody)."""
    if request.example:
        return 0
    return _mail_people(
        secretariat_recipients(),
        request,
        FILED_SUBJECT,
        "support/request_mail_filed.txt",
        {"filer": request.filed_by.get_full_name() if request.filed_by else ""},
    )


@receiver(stage_changed, dispatch_uid="support_request_stage_mail")
def mail_stage_changed(
    sender: Any, request: SupportRequest, event: StageEvent, **kwargs: Any
) -> int:
    """Tell the country its request moved, to which stage, and why (when a reason was given).
    Example requests (the demo) mail nobody: loading them takes ~130 steps."""
    if request.example:
        return 0
    return _mail_country(
        request,
        STAGE_SUBJECT,
        "support/request_mail_stage.txt",
        {
            "stage": Stage(event.to_stage).label,
            "previous": Stage(event.from_stage).label if event.from_stage else "",
            "reason": event.reason,
        },
    )


def mail_terms_awaiting(terms_id: int) -> int:
    """Ask the country to agree the new version (nothing if it was agreed or superseded)."""
    terms = (
        TermsOfReference.objects.select_related("request", "request__country")
        .filter(pk=terms_id, agreed_at__isnull=True)
        .first()
    )
    if terms is None or terms.request.terms.filter(number__gt=terms.number).exists():
        return 0
    request = terms.request
    return _mail_country(
        request,
        TERMS_SUBJECT,
        "support/request_mail_terms.txt",
        {"number": terms.number, "terms_link": _link("support:terms", pk=request.pk)},
    )
