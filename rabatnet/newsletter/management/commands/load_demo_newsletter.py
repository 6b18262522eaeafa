"""Load the demo issue of the Rabat Review (example content); safe to run again."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rabatnet.newsletter.demo import load_demo_issue


class Command(BaseCommand):
    help = (
        "Publish an example issue of the Rabat Review for a past quarter, composed from the "
        "demo data. No mail is sent. An example issue already there is left as it is."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA:
            raise CommandError(
                "Demo data is loaded only with settings that have DEMO_DATA on "
                "(config.settings.demo). Refused with these settings."
            )
        issue, created = load_demo_issue()
        what = "published" if created else "already there, unchanged"
        self.stdout.write(
            f"Demo newsletter (example content): {issue} {what}, {issue.items.count()} items; "
            "no mail sent."
        )
