"""Load the demo guides of Senegal (published) and Ghana (submitted); safe to run again."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rabatnet.guides.demo import load_demo_guides


class Command(BaseCommand):
    help = (
        "Load the demo guides from data/demo/guides/ (example content; never in production). "
        "A guide that already exists for a country and language is left as it is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files", nargs="*", type=Path, help="Demo files to load (default: Senegal and Ghana)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA:
            raise CommandError(
                "Demo data is loaded only by `make setup` and `make run` (settings with "
                "DEMO_DATA on, such as config.settings.demo): its accounts have a public "
                "password. Refused with these settings."
            )
        results = load_demo_guides(options["files"] or None)
        self.stdout.write("Demo guides (example content):")
        for result in results:
            counts = result.counts
            what = "loaded" if result.created else "already there, unchanged"
            self.stdout.write(
                f"  {result.country} ({result.language}) {what} — stage {result.stage}: "
                f"{counts['sources']} sources, {counts['actor_roles']} actor/stage entries, "
                f"{counts['workgroup']} workgroup members, {counts['practices']} practices, "
                f"{counts['challenges']} challenges ({counts['actions']} actions), "
                f"{counts['recommendations']} recommendations, {counts['editions']} edition(s)"
            )
