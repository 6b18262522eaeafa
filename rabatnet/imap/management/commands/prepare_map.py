"""Prepare the i-Map's geometry into the cache (at deployment, so no request waits for it)."""

import gzip
import time
from typing import Any

from django.core.management.base import BaseCommand

from rabatnet.imap import geometry


class Command(BaseCommand):
    help = "Prepare the map's geometry (projection, simplification, labels) into the cache."

    def handle(self, *args: Any, **options: Any) -> None:
        geometry._prepared.cache_clear()
        started = time.perf_counter()
        prepared = geometry.prepared_map()
        seconds = time.perf_counter() - started
        paths = "".join(shape.d for shape in prepared.shapes.values()).encode()
        self.stdout.write(
            f"{len(prepared.shapes)} countries ({prepared.mode}) in {seconds:.2f} s; "
            f"paths {len(paths) // 1024} KB, {len(gzip.compress(paths)) // 1024} KB gzip"
        )
