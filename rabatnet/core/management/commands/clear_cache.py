"""Empty the shared cache (``make setup`` runs it: a new database counts revisions anew)."""

from typing import Any

from django.core.cache import caches
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Empty the default cache: public pages, charts and rendered guides are built again."

    def handle(self, *args: Any, **options: Any) -> None:
        caches["default"].clear()
        if options["verbosity"]:
            self.stdout.write("cache cleared")
