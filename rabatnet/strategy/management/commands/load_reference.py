"""Load the reference data: countries, the dialogue's members, the strategy framework.

Lives in ``strategy`` because that app sits above ``countries``: it may call both.
Idempotent: a second run duplicates nothing and applies changes to the files.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from rabatnet.core.loading import ReferenceDataError
from rabatnet.countries.services import countries_load, memberships_load
from rabatnet.strategy.services import frameworks_load


class Command(BaseCommand):
    help = "Load countries, the dialogue's member list and its strategy framework (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        reference = settings.DATA_DIR / "reference"
        parser.add_argument("--countries", type=Path, default=reference / "countries.csv")
        parser.add_argument("--members", type=Path, default=settings.DIALOGUE_MEMBERS_FILE)
        parser.add_argument(
            "--periods",
            type=Path,
            default=None,
            help="Earlier membership periods (default: the configured file, skipped if absent).",
        )
        parser.add_argument(
            "--framework",
            type=Path,
            action="append",
            default=None,
            help="A framework file; repeat for several, in any order: a framework's "
            "predecessor loads first (default: the configured file).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Only the configured default may be absent: a path given by hand must exist, else
        # the earlier periods it holds would be deleted as stale.
        periods = Path(options["periods"]) if options["periods"] else None
        if periods is None:
            default = Path(settings.DIALOGUE_MEMBERSHIP_PERIODS_FILE)
            periods = default if default.exists() else None
        frameworks = [settings.DIALOGUE_FRAMEWORK_FILE]
        try:
            with transaction.atomic():
                reports = {
                    "countries": countries_load(countries_path=Path(options["countries"])),
                    "memberships": memberships_load(
                        members_path=Path(options["members"]),
                        periods_path=periods,
                    ),
                    "strategy framework": frameworks_load(
                        paths=[Path(p) for p in options["framework"] or frameworks]
                    ),
                }
        except ReferenceDataError as exc:
            raise CommandError(f"{exc}. Nothing was loaded.") from exc
        for name, report in reports.items():
            self.stdout.write(f"{name}: {report}")
