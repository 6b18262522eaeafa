"""IOM's Missing Migrants incidents, stored beside the dataset's annual sums (the map's points).

A companion of the ``iom_missing_migrants`` import: ``check`` reads and validates every row
before the transaction (a bad date, count or coordinate is refused with its line and
column), ``write`` replaces the dataset's incidents inside the import's transaction, so the
observations and the incidents change together or not at all.
"""

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import connection

from ..models import Dataset, Incident
from .base import ImportRefused, read_columns
from .shipped_codes import WHOLE_NUMBER

COLUMNS = ("date", "route", "country_iso3", "dead_and_missing", "lat", "lon")
LIMITS = {"lat": 90.0, "lon": 180.0}
MAX_ROUTE = Incident._meta.get_field("route").max_length or 100
BATCH = 2000
INSERTED = ("dataset_id", "date", "route", "country_iso3", "dead_and_missing", "lat", "lon", "line")


def _coordinate(path: Path, line: int, column: str, text: str) -> float:
    """A latitude or longitude in decimal degrees, or a refusal naming the line and column."""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or abs(number) > LIMITS[column]:
        raise ImportRefused(
            path,
            line,
            f"column {column}: {text!r} is not a {column} in decimal degrees "
            f"(-{LIMITS[column]:g} to {LIMITS[column]:g})",
        )
    return number


def _incident(path: Path, line: int, values: tuple[str, ...]) -> tuple:
    """(date, route, country, dead and missing, lat, lon, line), checked."""
    when, route, country, dead_and_missing, lat, lon = values
    try:
        day = date.fromisoformat(when)
    except ValueError:
        raise ImportRefused(
            path, line, f"column date: {when!r} is not a date (YYYY-MM-DD)"
        ) from None
    if not WHOLE_NUMBER.fullmatch(dead_and_missing) or int(dead_and_missing) < 0:
        raise ImportRefused(
            path, line, f"column dead_and_missing: {dead_and_missing!r} is not a whole number"
        )
    if len(route) > MAX_ROUTE or len(country) > 3:
        raise ImportRefused(path, line, "column route or country_iso3: longer than allowed")
    return (
        day,
        route,
        country,
        int(dead_and_missing),
        _coordinate(path, line, "lat", lat),
        _coordinate(path, line, "lon", lon),
        line,
    )


@dataclass
class IncidentsCompanion:
    """The incidents of ``path``, checked by ``check`` and written by ``write``."""

    path: Path
    incidents: list[tuple] = field(default_factory=list)

    def check(self) -> None:
        self.incidents = [
            _incident(self.path, line, values) for line, values in read_columns(self.path, COLUMNS)
        ]

    def stored(self, dataset: Dataset) -> bool:
        """Whether the dataset already has its incidents (an import before they were kept)."""
        return dataset.incidents.exists()

    def write(self, dataset: Dataset) -> int:
        """Replace the dataset's incidents; call inside the import's transaction."""
        Incident.objects.filter(dataset=dataset).delete()
        table = connection.ops.quote_name(Incident._meta.db_table)
        sql = (
            f"INSERT INTO {table} ({', '.join(INSERTED)}) "  # noqa: S608 - the model's table
            f"VALUES ({', '.join(['%s'] * len(INSERTED))})"
        )
        day = connection.ops.adapt_datefield_value
        with connection.cursor() as cursor:
            for start in range(0, len(self.incidents), BATCH):
                chunk = self.incidents[start : start + BATCH]
                cursor.executemany(sql, [(dataset.pk, day(d), *rest) for d, *rest in chunk])
        return len(self.incidents)
