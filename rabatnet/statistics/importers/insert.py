"""Observations written with plain multi-row INSERTs (faster than one row per statement)."""

from django.db import connection
from django.db.backends.utils import CursorWrapper

from ..models import Observation

ROWS_PER_INSERT = 250  # at most; fewer where the database takes fewer parameters
COLUMNS = (
    "dataset_id",
    "indicator_id",
    "geo_id",
    "partner_id",
    "period",
    "year",
    "value",
    "value_text",
    "flags",
    "derived",
    "covers",
)


def _insert_sql(rows: int) -> str:
    table = connection.ops.quote_name(Observation._meta.db_table)
    one = f"({', '.join(['%s'] * len(COLUMNS))})"
    # The table name is the model's own, quoted; the values are parameters.
    return f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES {', '.join([one] * rows)}"  # noqa: S608


def insert_rows(cursor: CursorWrapper, values: list) -> None:
    """Insert rows given as one flat list of values, ROWS_PER_INSERT rows per statement.

    Several rows per INSERT (as Django's bulk_create does) cost the database less per row
    than one row per statement; measured in bench/import.py.
    """
    width = len(COLUMNS)
    limit = connection.features.max_query_params
    rows = min(ROWS_PER_INSERT, limit // width) if limit else ROWS_PER_INSERT
    step = rows * width
    whole = len(values) // step * step
    if whole:
        groups = [values[k : k + step] for k in range(0, whole, step)]
        cursor.executemany(_insert_sql(rows), groups)
    if whole < len(values):
        cursor.executemany(_insert_sql((len(values) - whole) // width), [values[whole:]])
