"""Every person in post confirms their details every six months.

A confirmation is overdue six months after the last one (at once if there never was
one); a reminder goes to each overdue person at most once in 30 days, in their language.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from rabatnet.accounts.models import User

from .models import Appointment, Person

CONFIRMATION_PERIOD = timedelta(days=183)  # six months
REMINDER_INTERVAL = timedelta(days=30)


def is_overdue(confirmed_at: datetime | None, *, now: datetime | None = None) -> bool:
    """Whether details last confirmed at ``confirmed_at`` (None: never) need confirming."""
    now = now or timezone.now()
    return confirmed_at is None or confirmed_at <= now - CONFIRMATION_PERIOD


def overdue_filter(*, now: datetime | None = None) -> Q:
    """The people whose confirmation is overdue, as a filter on Person."""
    now = now or timezone.now()
    return Q(details_confirmed_at__isnull=True) | Q(
        details_confirmed_at__lte=now - CONFIRMATION_PERIOD
    )


def people_in_post() -> QuerySet[Person]:
    """People holding an appointment today, not erased."""
    return Person.objects.filter(
        pk__in=Appointment.objects.current().values("person"), erased_at__isnull=True
    )


def overdue_people(*, now: datetime | None = None) -> QuerySet[Person]:
    """People in post whose confirmation is overdue, the longest overdue first."""
    return (
        people_in_post()
        .filter(overdue_filter(now=now))
        .select_related("organisation")
        .order_by("details_confirmed_at", "full_name")
    )


def people_to_remind(*, now: datetime | None = None) -> QuerySet[Person]:
    """Overdue people not reminded in the last 30 days."""
    now = now or timezone.now()
    return overdue_people(now=now).filter(
        Q(confirmation_reminded_at__isnull=True)
        | Q(confirmation_reminded_at__lte=now - REMINDER_INTERVAL)
    )


@transaction.atomic
def person_details_confirm(
    *, person: Person, actor: User | None = None, at: datetime | None = None
) -> Person:
    """Record that ``person`` confirmed their details (now, or ``at`` for demo data)."""
    at = at or timezone.now()
    Person.objects.filter(pk=person.pk).update(details_confirmed_at=at)
    person.details_confirmed_at = at
    return person


def reminder_message(person: Person) -> EmailMessage:
    """The reminder e-mail, in the person's language, with a link to their page."""
    link = settings.SITE_URL.rstrip("/")
    with translation.override(person.language):
        link += reverse("network:person_detail", kwargs={"pk": person.pk})
        subject = gettext("Please confirm your details in the Rabat Process directory")
        body = render_to_string(
            "network/confirmation_reminder.txt",
            {"person": person, "link": link, "confirmed_at": person.details_confirmed_at},
        )
    return EmailMessage(subject=subject, body=body, to=[person.email])


def confirmation_reminder_send(*, person_id: int, now: datetime | None = None) -> bool:
    """E-mail one person a reminder if it is still due; True if one was sent.

    The row is locked and checked again, so two workers never send it twice.
    """
    now = now or timezone.now()
    with transaction.atomic():
        person = (
            people_to_remind(now=now).select_for_update(of=("self",)).filter(pk=person_id).first()
        )
        if person is None:
            return False
        reminder_message(person).send()
        Person.objects.filter(pk=person.pk).update(confirmation_reminded_at=now)
    return True
