"""Load the demo roster and demo support requests (example content); safe to run again."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from rabatnet.support.demo import STEPS, DemoConflict, DemoPrerequisiteMissing, load_demo_support


class Command(BaseCommand):
    help = (
        "Add a roster of 14 example experts (one signs in: expert@demo.rabatnet.org, the demo "
        "password) and 26 example support requests from ten member countries, filed over "
        "2024–2026 and taken through every stage, all marked as example content. What is "
        "already there is left as it is."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA:
            raise CommandError(
                "Demo data is loaded only with settings that have DEMO_DATA on "
                "(config.settings.demo). Refused with these settings."
            )
        quiet = options["verbosity"] == 0
        with tqdm(total=STEPS, desc="demo support", unit="row", disable=quiet) as bar:
            try:
                loaded = load_demo_support(step=lambda: bar.update(1))
            except DemoPrerequisiteMissing as exc:
                raise CommandError(
                    "The Dakar Strategy and the demo accounts are needed first: run "
                    "load_reference and load_demo."
                ) from exc
            except DemoConflict as exc:
                reference, title = exc.args
                raise CommandError(
                    f"An example request “{title}” ({reference}) is on file with other "
                    "content than this demo's: nothing was loaded. Remove the example "
                    "requests first (they are marked example) to load this demo."
                ) from exc
        self.stdout.write(
            f"Demo technical support (example content): {loaded.experts} experts, "
            f"{loaded.requests} requests added; {loaded.kept} already there, left as they were."
        )
