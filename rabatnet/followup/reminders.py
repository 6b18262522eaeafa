"""Reminders to the countries that have not reported in an open cycle.

On the days ``settings.CYCLE_REMINDER_DAYS`` before the deadline, and every day once it is
past (until the secretariat closes the cycle), each country taking part that has not
submitted every objective gets one mail per focal point, in that person's language. At most
one reminder per country, cycle and day: a ``CycleReminder`` row records each, and the cycle
is locked while it is checked, so two workers never send it twice. Countries that reported
are never mailed.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Person, Role

from .cycle_permissions import is_open
from .cycle_selectors import DONE, objective_count, open_cycles
from .models import Cycle, CycleReminder


@dataclass(frozen=True)
class Due:
    cycle_id: int
    country_id: int


def is_reminder_day(cycle: Cycle, today: date) -> bool:
    """One of the configured days before the deadline, or the deadline day or later."""
    days_left = (cycle.deadline - today).days
    return days_left <= 0 or days_left in settings.CYCLE_REMINDER_DAYS


def countries_owing(cycle: Cycle) -> QuerySet[Country]:
    """Countries taking part that have not submitted (or had verified) every objective."""
    total = objective_count(cycle)
    reported = (
        Country.objects.annotate(
            done=Count(
                "assessments",
                filter=Q(assessments__cycle=cycle, assessments__review_state__in=DONE),
            )
        )
        .filter(done__gte=total)
        .values("pk")
    )
    return (
        Country.objects.filter(pk__in=Country.objects.taking_part().values("pk"))
        .exclude(pk__in=reported)
        .order_by("iso3")
    )


def _day_start(today: date) -> datetime:
    return timezone.make_aware(datetime.combine(today, time.min))


def reminded_today(cycle: Cycle, today: date) -> QuerySet[CycleReminder]:
    return CycleReminder.objects.filter(cycle=cycle, sent_at__gte=_day_start(today))


def due_reminders(today: date | None = None) -> list[Due]:
    """Each (cycle, country) to remind today, not reminded yet today."""
    today = today or timezone.localdate()
    due = []
    for cycle in open_cycles():
        if not is_reminder_day(cycle, today):
            continue
        done = set(reminded_today(cycle, today).values_list("country_id", flat=True))
        for country_id in countries_owing(cycle).values_list("pk", flat=True):
            if country_id not in done:
                due.append(Due(cycle.pk, country_id))
    return due


def focal_points(country: Country) -> QuerySet[Person]:
    """The country's focal points in post today, not erased, with an address."""
    posts = Appointment.objects.current().filter(role=Role.FOCAL_POINT, country=country)
    return (
        Person.objects.filter(pk__in=posts.values("person_id"), erased_at__isnull=True)
        .exclude(email="")
        .order_by("pk")
    )


def reminder_message(cycle: Cycle, country: Country, person: Person, today: date) -> EmailMessage:
    """The reminder in ``person``'s language, with the link to the country's page."""
    with translation.override(person.language):
        link = settings.SITE_URL.rstrip("/") + reverse(
            "cycles:country", kwargs={"slug": cycle.slug, "iso3": country.iso3}
        )
        days_left = (cycle.deadline - today).days
        subject = (
            gettext("Overdue: %(country)s's self-assessment for %(cycle)s")
            if days_left < 0
            else gettext("Reminder: %(country)s's self-assessment for %(cycle)s")
        ) % {"country": country.name, "cycle": cycle.title}
        body = render_to_string(
            "followup/mail/cycle_reminder.txt",
            {
                "person": person,
                "cycle": cycle,
                "country": country,
                "link": link,
                "days_left": days_left,
                "overdue": -days_left,
            },
        )
    return EmailMessage(subject=subject, body=body, to=[person.email])


def cycle_reminder_send(*, cycle_id: int, country_id: int, today: date | None = None) -> int:
    """Remind the country's focal points if it is still due; the number of mails sent.

    Nothing when the cycle closed, the country reported meanwhile, or it was reminded today.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        cycle = Cycle.objects.select_for_update().filter(pk=cycle_id).first()
        country = Country.objects.filter(pk=country_id).first()
        if (
            cycle is None
            or country is None
            or not is_open(cycle, today)
            or not is_reminder_day(cycle, today)
            or reminded_today(cycle, today).filter(country=country).exists()
            or not countries_owing(cycle).filter(pk=country.pk).exists()
        ):
            return 0
        people = list(focal_points(country))
        for person in people:
            reminder_message(cycle, country, person, today).send()
        CycleReminder.objects.create(cycle=cycle, country=country, recipients=len(people))
    return len(people)
