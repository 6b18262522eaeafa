"""Create the forums the platform starts with: one per priority theme, one per country."""

from typing import Any

from django.core.management.base import BaseCommand

from rabatnet.forums.services import forums_create_defaults


class Command(BaseCommand):
    help = (
        "Create one forum per priority theme of the strategy framework and one per country "
        "taking part, if missing (safe to run again)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = forums_create_defaults()
        for forum in created:
            self.stdout.write(f"  {forum.slug:<24} {forum.name}")
        self.stdout.write(f"{len(created)} forum(s) created.")
