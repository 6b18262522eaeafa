"""Queue today's reminders to respondents: cron runs this once a day (see README)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from rabatnet.questionnaires.reminders import due_reminders
from rabatnet.questionnaires.tasks import send_questionnaire_reminder


class Command(BaseCommand):
    help = (
        "Queue for the worker one reminder per respondent who has not submitted their "
        "answers, on the days QUESTIONNAIRE_REMINDER_DAYS after the invitation (at most one "
        "per invitation and day; never to those who submitted, nor on a withdrawn or expired "
        "link). Run it once a day from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        due = due_reminders()
        for pk in tqdm(
            due, desc="questionnaire reminders", unit="invitation", disable=options["no_progress"]
        ):
            send_questionnaire_reminder.enqueue(invitation_id=pk)
        self.stdout.write(f"{len(due)} reminder(s) queued.")
