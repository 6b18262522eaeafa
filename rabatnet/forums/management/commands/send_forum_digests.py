"""Queue the forums' daily digests: cron runs this once a day (see docs/operations)."""

from datetime import date, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from rabatnet.forums.digests import digest_people
from rabatnet.forums.tasks import send_person_digest


class Command(BaseCommand):
    help = (
        "Queue the daily forum digests of a day (yesterday by default) for the worker: one "
        "task per person due. Run it once a day from cron, after midnight."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--day", help="The day to digest, YYYY-MM-DD (default: yesterday).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            day = (
                date.fromisoformat(options["day"])
                if options["day"]
                else timezone.localdate() - timedelta(days=1)
            )
        except ValueError as exc:
            raise CommandError(f"--day: not a date (YYYY-MM-DD): {options['day']}") from exc
        people = digest_people(day)
        for person_id in tqdm(
            people, desc=f"digests {day}", unit="person", disable=options["no_progress"]
        ):
            send_person_digest.enqueue(person_id=person_id, day=day.isoformat())
        self.stdout.write(f"{len(people)} digest(s) of {day} queued.")
