"""Queue a reminder for every person in post whose confirmation is overdue (cron, daily)."""

from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm

from rabatnet.network.confirmation import people_to_remind
from rabatnet.network.tasks import send_confirmation_reminder


class Command(BaseCommand):
    help = (
        "Queue, for the worker, a reminder to each person in post whose details were last "
        "confirmed more than six months ago (or never) and who was not reminded in 30 days."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        person_ids = list(people_to_remind().values_list("pk", flat=True))
        quiet = options["verbosity"] == 0
        for person_id in tqdm(person_ids, desc="reminders", unit="person", disable=quiet):
            send_confirmation_reminder.enqueue(person_id=person_id)
        if not quiet:
            self.stdout.write(f"{len(person_ids)} reminder(s) queued.")
