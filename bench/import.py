"""Seconds to import the UN DESA bilateral file, against pandas; all shipped datasets from empty.

Everything runs on a fresh SQLite database in a temporary folder, made with the project's
migrations and reference data (`make setup`'s database is not touched).

Baseline, in the same run and the same database file (same journal settings):
pandas.read_csv of the same gzip CSV, then DataFrame.to_sql of the same 76,648 rows with the
observation table's columns (codes mapped to the same ids), into
  (a) a new table, as to_sql creates it (no index, no constraint): the issue's baseline;
  (b) a copy of the observation table's own schema (its indexes, unique and check constraints
      and foreign keys), so (b) pays the same database-side costs as our writer.
Ours is `import_dataset undesa-ims-2024-bilateral` end to end (indicators, checks of every
row, one transaction). The three are interleaved, RUNS times; medians are compared.
Targets (issue 4): ratio to (a) <= 1.5; all shipped datasets from empty <= 60 s.
Run: `.venv/bin/python bench/import.py` (add `--profile` for a cProfile of our import).
"""

import cProfile
import io
import os
import pstats
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

FOLDER = Path(tempfile.mkdtemp(prefix="rabatnet-bench-import-"))
DATABASE = FOLDER / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"

import _setup  # noqa: E402, F401  (Django, on the database above)
import pandas as pd  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from rabatnet.statistics.models import Dataset, Geo, Indicator, Observation  # noqa: E402

SLUG = "undesa-ims-2024-bilateral"
SOURCE = (
    _setup.ROOT
    / "data/statistics/undesa-international-migrant-stock-2024/migrant_stock_bilateral.csv.gz"
)
RUNS = int(os.environ.get("RUNS", "5"))


def quiet(*args: str) -> None:
    call_command(*args, stdout=io.StringIO())


def ours() -> float:
    Dataset.objects.filter(slug=SLUG).delete()
    start = time.perf_counter()
    quiet("import_dataset", SLUG, "--no-progress")
    return time.perf_counter() - start


def pandas_connection() -> sqlite3.Connection:
    """A plain sqlite3 connection as pandas users open one, with Django's journal settings
    and the REGEXP function the period check constraint calls."""
    con = sqlite3.connect(DATABASE, timeout=20)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=ON")
    con.create_function(
        "REGEXP", 2, lambda pattern, text: re.search(pattern, str(text)) is not None
    )
    return con


def with_pandas(con: sqlite3.Connection, table: str, ids: dict) -> float:
    con.execute(f'DELETE FROM "{table}"')  # noqa: S608 - our own table names
    con.commit()
    start = time.perf_counter()
    rows = pd.read_csv(SOURCE).dropna(subset=["total"])
    frame = pd.DataFrame(
        {
            "dataset_id": ids["dataset"],
            "indicator_id": ids["indicator"],
            "geo_id": rows["dest_iso3"].map(ids["geo"]),
            "partner_id": rows["orig_iso3"].map(ids["geo"]),
            "period": rows["year"].astype(str),
            "year": rows["year"],
            "value": rows["total"],
            "value_text": rows["total"].astype(str),
            "flags": "",
            "derived": False,
            "covers": "",
        }
    )
    frame.to_sql(table, con, if_exists="append", index=False)
    con.commit()
    return time.perf_counter() - start


def baseline_tables(con: sqlite3.Connection) -> None:
    """(a) the table to_sql would create; (b) a copy of the observation table's schema."""
    con.execute(
        "CREATE TABLE pandas_plain (dataset_id INTEGER, indicator_id INTEGER, geo_id INTEGER, "
        "partner_id INTEGER, period TEXT, year INTEGER, value INTEGER, value_text TEXT, "
        "flags TEXT, derived BOOLEAN, covers TEXT)"
    )
    table = Observation._meta.db_table
    for (sql,) in con.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC",
        (table,),
    ).fetchall():
        sql = sql.replace(f'"{table}"', '"pandas_schema"')
        con.execute(re.sub(r'INDEX "([^"]+)"', r'INDEX "pandas_\1"', sql))
    con.commit()


def profile_ours() -> None:
    Dataset.objects.filter(slug=SLUG).delete()
    profile = cProfile.Profile()
    profile.runcall(quiet, "import_dataset", SLUG, "--no-progress")
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


def main() -> None:
    started = time.perf_counter()
    quiet("migrate", "--no-input")
    quiet("load_reference")
    print(f"fresh SQLite database {DATABASE} ready in {time.perf_counter() - started:.1f} s")
    ours()  # warm up; makes the codes and the dataset the baselines refer to
    con = pandas_connection()
    baseline_tables(con)
    ids = {
        "dataset": Dataset.objects.get(slug=SLUG).pk,
        "indicator": Indicator.objects.get(code="migrant_stock_bilateral").pk,
        "geo": dict(Geo.objects.values_list("code", "pk")),
    }
    with_pandas(con, "pandas_plain", ids)  # warm up
    mine, plain, schema = [], [], []
    for _ in range(RUNS):
        mine.append(ours())
        ids["dataset"] = Dataset.objects.get(slug=SLUG).pk
        plain.append(with_pandas(con, "pandas_plain", ids))
        schema.append(with_pandas(con, "pandas_schema", ids))
        con.execute('DELETE FROM "pandas_schema"')  # before the next run deletes the dataset
        con.commit()
    rows = Observation.objects.filter(dataset__slug=SLUG).count()
    ours_s, plain_s, schema_s = (statistics.median(s) for s in (mine, plain, schema))
    print(f"UN DESA bilateral, {rows} rows, median of {RUNS}:")
    print(f"  ours (import_dataset, every check, one transaction): {ours_s:.3f} s")
    print(f"  (a) pandas read_csv + to_sql into a new table:       {plain_s:.3f} s")
    print(f"  (b) pandas into the observation table's schema:      {schema_s:.3f} s")
    print(f"  ratio ours / (a): {ours_s / plain_s:.2f} (target <= 1.5)")
    print(f"  ratio ours / (b): {ours_s / schema_s:.2f}")
    con.close()
    if "--profile" in sys.argv:
        profile_ours()

    Dataset.objects.all().delete()
    Geo.objects.all().delete()
    start = time.perf_counter()
    out = io.StringIO()
    call_command("import_dataset", "all", "--no-progress", stdout=out)
    seconds = time.perf_counter() - start
    total = Observation.objects.count()
    print(f"all shipped datasets from empty: {total} observations in {seconds:.1f} s")
    print("  " + out.getvalue().strip().replace("\n", "\n  "))
    print("  (target <= 60 s on SQLite)")
    connection.close()
    shutil.rmtree(FOLDER)


if __name__ == "__main__":
    main()
