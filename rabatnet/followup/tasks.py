"""The follow-up's work for the worker: cycle reminders, the mail of a returned entry."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from .models import Assessment, ReviewState
from .reminders import cycle_reminder_send, due_reminders, focal_points


@task()
def send_cycle_reminder(*, cycle_id: int, country_id: int) -> int:
    """Remind one country's focal points (nothing if no longer due); the mails sent."""
    return cycle_reminder_send(cycle_id=cycle_id, country_id=country_id)


@task()
def send_cycle_reminders() -> int:
    """Every reminder due today, one country after the other; the mails sent. Cron starts
    it through ``manage.py send_cycle_reminders`` (which queues one task per country)."""
    return sum(
        cycle_reminder_send(cycle_id=d.cycle_id, country_id=d.country_id) for d in due_reminders()
    )


@task()
def send_assessment_returned(*, assessment_id: int) -> int:
    """Tell the country's focal points that an entry came back, with the reason, each in
    their language; nothing if it was resubmitted meanwhile. The mails sent."""
    assessment = (
        Assessment.objects.select_related("cycle", "country", "objective")
        .filter(pk=assessment_id, review_state=ReviewState.RETURNED)
        .first()
    )
    if assessment is None:
        return 0
    cycle, country = assessment.cycle, assessment.country
    sent = 0
    for person in focal_points(country):
        with translation.override(person.language):
            link = settings.SITE_URL.rstrip("/") + reverse(
                "cycles:assessment",
                kwargs={
                    "slug": cycle.slug,
                    "iso3": country.iso3,
                    "number": assessment.objective.number,
                },
            )
            subject = gettext("Returned: %(country)s's self-assessment, objective %(number)s") % {
                "country": country.name,
                "number": assessment.objective.number,
            }
            body = render_to_string(
                "followup/mail/assessment_returned.txt",
                {
                    "person": person,
                    "cycle": cycle,
                    "country": country,
                    "objective": assessment.objective,
                    "reason": assessment.return_reason,
                    "link": link,
                },
            )
        sent += EmailMessage(subject=subject, body=body, to=[person.email]).send()
    return sent
