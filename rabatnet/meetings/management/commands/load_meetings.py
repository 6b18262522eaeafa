"""Load the seed's meetings (data/meetings/seed_meetings.json) as reference data."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from rabatnet.core.loading import ReferenceDataError
from rabatnet.meetings.loading import default_path, meetings_load


class Command(BaseCommand):
    help = "Load the meetings of the seed (idempotent, in one transaction; after load_reference)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"]) if options["file"] else default_path()
        verbose = int(options.get("verbosity", 1)) > 1
        progress = self.stdout.write if verbose else None
        try:
            with transaction.atomic():
                report = meetings_load(path=path, progress=progress)
        except ReferenceDataError as exc:
            raise CommandError(f"{exc}. Nothing was loaded.") from exc
        self.stdout.write(f"meetings: {report}")
