"""Load the demo of the guide's making (example content); safe to run again."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rabatnet.questionnaires.demo import DemoPrerequisiteMissing, load_demo_questionnaires


class Command(BaseCommand):
    help = (
        "Add Mali's example expression of interest (acknowledged, three stakeholders), example "
        "answers to the standard questionnaire rabatnet_sources from three departments with "
        "the candidate records they propose, and an example national workshop. What is "
        "already there is left as it is: a second run adds nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA:
            raise CommandError(
                "Demo data is loaded only with settings that have DEMO_DATA on "
                "(config.settings.demo). Refused with these settings."
            )
        try:
            load_demo_questionnaires(say=self.stdout.write)
        except DemoPrerequisiteMissing as exc:
            raise CommandError(
                f"The demo account {exc.args[0]} is needed first: run load_demo."
            ) from exc
