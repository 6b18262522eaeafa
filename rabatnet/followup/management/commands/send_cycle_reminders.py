"""Queue today's cycle reminders: cron runs this once a day (see README)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from rabatnet.followup.reminders import due_reminders
from rabatnet.followup.tasks import send_cycle_reminder


class Command(BaseCommand):
    help = (
        "Queue for the worker one reminder per country that has not reported in an open "
        "collection cycle whose deadline is CYCLE_REMINDER_DAYS away or past (at most one "
        "per country, cycle and day). Run it once a day from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        due = due_reminders()
        for item in tqdm(
            due, desc="cycle reminders", unit="country", disable=options["no_progress"]
        ):
            send_cycle_reminder.enqueue(cycle_id=item.cycle_id, country_id=item.country_id)
        self.stdout.write(f"{len(due)} reminder(s) queued.")
