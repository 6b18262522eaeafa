"""Cycle reminders: only countries that have not reported, on the configured days and once
past the deadline, at most once a day, each focal point in their language; through a real
SMTP server on loopback (aiosmtpd) and the command that cron runs."""

import email
import io
from email import policy

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.followup import reminders
from rabatnet.followup.models import CycleReminder
from rabatnet.network.tests import factories as f

from .cycle_fixtures import fill, make_cycle, person_of, report

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = io.StringIO()
    call_command("send_cycle_reminders", "--no-progress", stdout=out)
    return out.getvalue()


def test_only_countries_that_have_not_reported_are_reminded(smtp_inbox, settings):
    settings.CYCLE_REMINDER_DAYS = (14, 7, 1)
    cycle = make_cycle(days_left=7)
    sen, mli = f.focal_point("SEN"), f.focal_point("MLI")
    french = f.focal_point("BFA")
    person = person_of(french)
    person.language = "fr"
    person.save()
    report(cycle, "SEN", sen)  # Senegal reported
    fill(cycle, "MLI", mli)  # Mali entered everything but did not submit

    assert "reminder(s) queued" in _run()

    recipients = {to for tos, _raw in smtp_inbox.messages for to in tos}
    assert sen.email not in recipients
    assert {mli.email, french.email} <= recipients
    by_address = {tos[0]: raw for tos, raw in smtp_inbox.messages}
    english = email.message_from_bytes(by_address[mli.email], policy=policy.default)
    assert english["Subject"] == f"Reminder: Mali's self-assessment for {cycle.title_en}"
    assert "in 7 days" in english.get_content()
    body = email.message_from_bytes(by_address[french.email], policy=policy.default)
    assert cycle.title_fr in body["Subject"]  # the cycle's title in the person's language
    assert "/fr/private/strategy/cycles/" in body.get_content()
    assert not CycleReminder.objects.filter(country__iso3="SEN").exists()
    assert CycleReminder.objects.get(country__iso3="MLI").recipients == 1


def test_at_most_one_reminder_a_day(settings):
    settings.CYCLE_REMINDER_DAYS = (14, 7, 1)
    cycle = make_cycle(days_left=1)
    f.focal_point("MLI")
    _run()
    sent = len(mail.outbox)
    assert sent >= 1
    _run()
    assert len(mail.outbox) == sent
    mli = Country.objects.get(iso3="MLI")
    assert reminders.cycle_reminder_send(cycle_id=cycle.pk, country_id=mli.pk) == 0
    assert CycleReminder.objects.filter(cycle=cycle, country=mli).count() == 1


def test_no_reminder_on_other_days_nor_for_a_closed_cycle(settings):
    settings.CYCLE_REMINDER_DAYS = (14, 7, 1)
    cycle = make_cycle(days_left=5)
    f.focal_point("MLI")
    assert reminders.due_reminders() == []
    past = make_cycle("late-round", days_left=-2, opened=40)
    due = {d.cycle_id for d in reminders.due_reminders()}
    assert due == {past.pk}
    past.closed_at = timezone.now()
    past.save()
    assert reminders.due_reminders() == []
    assert cycle.reminders.count() == 0


def test_the_overdue_reminder_says_so(settings):
    make_cycle(days_left=-3, opened=40)
    f.focal_point("MLI")
    _run()
    message = next(m for m in mail.outbox if "Mali" in m.subject)
    assert message.subject.startswith("Overdue:")
    assert "3 days ago" in message.body


def test_the_task_sends_what_is_due(settings):
    from rabatnet.followup.tasks import send_cycle_reminders

    settings.CYCLE_REMINDER_DAYS = (7,)
    make_cycle(days_left=7)
    f.focal_point("MLI")
    assert send_cycle_reminders.call() >= 1
    assert send_cycle_reminders.call() == 0
