"""Load the demo follow-up cycles (example content); safe to run again."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rabatnet.followup.demo import DemoPrerequisiteMissing, load_demo_followup


class Command(BaseCommand):
    help = (
        "Add two example follow-up cycles of the Dakar Strategy (2025 closed, 2026 open) "
        "with assessments of SEN, MLI, GHA and ESP in varied states and a few initiatives, "
        "all marked as example content. What is already there is left as it is."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA:
            raise CommandError(
                "Demo data is loaded only with settings that have DEMO_DATA on "
                "(config.settings.demo). Refused with these settings."
            )
        try:
            loaded = load_demo_followup()
        except DemoPrerequisiteMissing as exc:
            raise CommandError(
                "The Dakar Strategy and the demo accounts are needed first: run "
                "load_reference and load_demo."
            ) from exc
        self.stdout.write(
            f"Demo follow-up (example content): {loaded.cycles} cycles, "
            f"{loaded.assessments} assessments, {loaded.initiatives} initiatives added."
        )
