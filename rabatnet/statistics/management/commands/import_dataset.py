"""Load migration statistics: a shipped dataset by name (or ``all``), or a file.

python manage.py import_dataset all
python manage.py import_dataset undesa-ims-2024-bilateral
python manage.py import_dataset FILE.csv [--dataset SLUG ...]   (see docs/statistics.md)
"""

import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rabatnet.statistics.importers.base import ImportRefused
from rabatnet.statistics.importers.files import add_file_arguments, file_import
from rabatnet.statistics.importers.pipeline import run_import
from rabatnet.statistics.importers.shipped import ADAPTERS, shipped_meta, shipped_specs
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
        try:
            if source == "all" or source in specs:
                for slug in specs if source == "all" else [source]:
                    spec = specs[slug]
                    labels: dict = {}
                    meta = shipped_meta(spec)
                    adapter = ADAPTERS[spec["adapter"]]
                    report = run_import(
                        meta,
                        lambda meta=meta, adapter=adapter, labels=labels: adapter(
                            meta.files, labels
                        ),
                        labels=labels,
                        force=options["force"],
                        show_progress=show,
                    )
                    self.stdout.write(str(report))
            elif Path(source).exists():
                self.stdout.write(str(file_import(Path(source), options, show_progress=show)))
            else:
                known = ", ".join(specs)
                raise CommandError(f"{source!r} is neither a file nor a shipped dataset ({known}).")
        except ImportRefused as exc:
            raise CommandError(f"{exc}. Nothing was imported.") from exc
