"""The questionnaires' work for the worker: reminders to respondents."""

from django_tasks import task

from .reminders import due_reminders, invitation_remind


@task()
def send_questionnaire_reminder(*, invitation_id: int) -> int:
    """Remind one respondent (nothing if no longer due); the mails sent."""
    return invitation_remind(invitation_id=invitation_id)


@task()
def send_questionnaire_reminders() -> int:
    """Every reminder due today, one after the other; the mails sent. Cron starts it through
    ``manage.py send_questionnaire_reminders`` (which queues one task per invitation)."""
    return sum(invitation_remind(invitation_id=pk) for pk in due_reminders())
