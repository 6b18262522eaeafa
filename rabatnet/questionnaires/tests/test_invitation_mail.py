"""The invitation mail over SMTP, and reminders: only to those who have not submitted, on
the configured days, never twice a day, through the worker."""

from datetime import timedelta
from email import message_from_bytes, policy
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network.tests import factories as f
from rabatnet.questionnaires import invitation_services as services
from rabatnet.questionnaires.invitations import make_token
from rabatnet.questionnaires.reminders import due_reminders, invitation_remind
from rabatnet.questionnaires.tests.factories import make_department, make_response

from .answer_fixtures import invited

pytestmark = pytest.mark.django_db


def test_the_invitation_crosses_smtp_in_the_respondents_language(
    smtp_inbox, django_capture_on_commit_callbacks
):
    questionnaire = invited().questionnaire
    senegal = Country.objects.get(iso3="SEN")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            questionnaire=questionnaire,
            country=senegal,
            department=make_department("SEN", "ANSD"),
            respondent_name="Fatou Sow",
            respondent_email="fatou@example.org",
            language="fr",
            by=f.secretariat(),
        )
    [(recipients, raw)] = smtp_inbox.messages
    assert recipients == ["fatou@example.org"]
    message = message_from_bytes(raw, policy=policy.default)
    assert "Sources d'information (test)" in str(message["Subject"])
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert f"https://testserver/fr/questionnaires/answer/{make_token(invitation)}/" in text
    assert "Fatou Sow" in text and "ANSD" in text


def _aged(days: int, **fields):
    invitation = invited(**fields)
    invitation.created_at = timezone.now() - timedelta(days=days)
    invitation.save(update_fields=["created_at"])
    return invitation


@override_settings(QUESTIONNAIRE_REMINDER_DAYS=(7, 14))
def test_reminders_only_to_non_submitters_on_the_days(mailoutbox):
    due = _aged(7, respondent_email="due@example.org")
    submitted = _aged(7, respondent_email="done@example.org")
    make_response(submitted.questionnaire, "SEN", invitation=submitted)
    draft = _aged(14, respondent_email="draft@example.org")
    make_response(draft.questionnaire, "SEN", invitation=draft, status="draft", submitted_at=None)
    _aged(8, respondent_email="notday@example.org")
    _aged(7, respondent_email="revoked@example.org", revoked_at=timezone.now())
    _aged(7, respondent_email="expired@example.org", expires_at=timezone.now())
    assert sorted(due_reminders()) == sorted([due.pk, draft.pk])
    out = StringIO()
    call_command("send_questionnaire_reminders", "--no-progress", stdout=out)
    assert "2 reminder(s) queued" in out.getvalue()
    assert sorted(m.to[0] for m in mailoutbox) == ["draft@example.org", "due@example.org"]
    mail = next(m for m in mailoutbox if m.to == ["due@example.org"])
    assert "Rappel" in mail.subject or "Reminder" in mail.subject
    assert "/fr/questionnaires/answer/" in mail.body
    due.refresh_from_db()
    assert due.reminders_sent == 1 and due.reminded_at is not None
    # Not twice a day: the command and the task both find nothing more.
    assert due_reminders() == []
    assert invitation_remind(invitation_id=due.pk) == 0
    call_command("send_questionnaire_reminders", "--no-progress", stdout=StringIO())
    assert len(mailoutbox) == 2


@override_settings(QUESTIONNAIRE_REMINDER_DAYS=(7,))
def test_the_daily_task_sends_what_is_due(mailoutbox):
    from rabatnet.questionnaires.tasks import send_questionnaire_reminders

    _aged(7)
    result = send_questionnaire_reminders.enqueue()
    assert result.return_value == 1 and len(mailoutbox) == 1
    assert invitation_remind(invitation_id=10**9) == 0
