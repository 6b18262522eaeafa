"""Load migration statistics: a shipped dataset by name (or ``all``), or a file.

python manage.py import_dataset all
python manage.py import_dataset undesa-ims-2024-bilateral
python manage.py import_dataset FILE.csv [--dataset SLUG ...] [--replace]   (docs/statistics.md)

A file goes into a dataset that already exists only with --replace. Every import that replaces
a dataset (a file with --replace, a shipped dataset imported again after its files changed)
first prints the observations it adds, changes and removes, then writes, in one transaction.

Exit status 0 when every dataset was imported or found unchanged; 1 when a file was refused
(a file into an existing dataset without --replace included) or the database failed (that
dataset is left as it was), or SOURCE is unknown; 2 for a usage error.
"""

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from rabatnet.statistics.importers.base import GeoLabel, ImportRefused
from rabatnet.statistics.importers.files import add_file_arguments, file_import
from rabatnet.statistics.importers.pipeline import ImportReport, run_import
from rabatnet.statistics.importers.shipped import (
    ADAPTERS,
    shipped_companion,
    shipped_meta,
    shipped_specs,
)
from rabatnet.statistics.services import indicators_load


class Command(BaseCommand):
    help = "Import a shipped dataset (NAME or 'all') or a data file (tidy CSV, XLSX, SDMX-CSV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="A shipped dataset's name, 'all', or a file path.")
        parser.add_argument("--force", action="store_true", help="Import even if unchanged.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")
        add_file_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        indicators_load(path=Path(settings.DATA_DIR) / "statistics" / "indicators.json")
        show = not options["no_progress"] and sys.stderr.isatty()
        source = options["source"]
        specs = shipped_specs()
        if source == "all" or source in specs:
            for slug in specs if source == "all" else [source]:
                report = self._guarded(
                    slug, partial(self._shipped, specs[slug], options["force"], show, self._say)
                )
                self.stdout.write(str(report))
        elif Path(source).is_file():
            path = Path(source)
            report = self._guarded(
                source, lambda: file_import(path, options, show_progress=show, say=self._say)
            )
            self.stdout.write(str(report))
        else:
            known = ", ".join(specs)
            raise CommandError(f"{source!r} is neither a file nor a shipped dataset ({known}).")

    def _say(self, text: str) -> None:
        """What an import changes, printed before it writes."""
        self.stdout.write(text)

    @staticmethod
    def _shipped(spec: dict, force: bool, show: bool, say: Callable[[str], None]) -> ImportReport:
        labels: dict[str, GeoLabel] = {}  # the adapter declares its non-country codes here
        meta = shipped_meta(spec)
        adapter = ADAPTERS[spec["adapter"]]
        return run_import(
            meta,
            lambda: adapter(meta.files, labels),
            labels=labels,
            force=force,
            show_progress=show,
            replace=True,  # a shipped dataset's own slug: the update path, its changes printed
            say=say,
            companion=shipped_companion(meta),
        )

    @staticmethod
    def _guarded(what: str, action: Callable[[], ImportReport]) -> ImportReport:
        """Refusals and database failures become a CommandError saying nothing was changed."""
        try:
            return action()
        except ImportRefused as exc:
            raise CommandError(f"{exc}. Nothing was imported.") from exc
        except DatabaseError as exc:
            raise CommandError(
                f"{what}: the database failed during the import ({exc}); "
                "the dataset was not changed. Run the import again."
            ) from exc
