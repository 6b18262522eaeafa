"""No import replaces a dataset silently.

A file goes into the slug of an existing dataset only with ``--replace``; with it, and for a
shipped dataset imported again, what is added, changed and removed is printed before the
write, in the same transaction.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from ..models import Observation
from .import_support import META, TIDY_HEADER, counts, load_indicators, run, values, write_csv

pytestmark = pytest.mark.django_db

FIRST = [
    ["migrant_stock_total", "SEN", "", "2020", "274929", "", ""],
    ["migrant_stock_total", "SEN", "", "2024", "281032", "", ""],
    ["migrant_stock_total", "MLI", "", "2020", "485829", "", ""],
    ["migrant_stock_bilateral", "ESP", "MAR", "2024", "883471", "", ""],
]
SECOND = [
    ["migrant_stock_total", "SEN", "", "2020", "274930", "", "p"],  # changed (value, flags)
    ["migrant_stock_total", "SEN", "", "2024", "281032", "", ""],  # unchanged
    ["migrant_stock_bilateral", "ESP", "MAR", "2024", "883471", "", ""],  # unchanged
    ["migrant_stock_total", "GMB", "", "2020", "215659", "", ""],  # added
]  # MLI 2020 removed


@pytest.fixture(autouse=True)
def _indicators() -> None:
    load_indicators()


def command(*args: str) -> tuple[str, CommandError | None]:
    """``import_dataset ARGS``: what it printed, and its error if it failed."""
    out = io.StringIO()
    try:
        call_command("import_dataset", *args, "--no-progress", stdout=out)
    except CommandError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


def test_a_file_into_an_existing_dataset_is_refused_without_replace(tmp_path: Path) -> None:
    run(str(write_csv(tmp_path / "first.csv", TIDY_HEADER, FIRST)), *META)
    before, totals = values("test-file"), counts()
    second = write_csv(tmp_path / "second.csv", TIDY_HEADER, SECOND)

    printed, error = command(str(second), *META)

    assert error is not None
    message = str(error)
    assert message.startswith(f"{second}: dataset 'test-file' (Test dataset) already exists")
    assert "holds 4 observations; give --replace to replace them" in message
    assert message.endswith("Nothing was imported.")
    assert printed == ""
    assert values("test-file") == before
    assert counts() == totals


def test_a_file_into_a_shipped_dataset_is_refused_without_replace(tmp_path: Path) -> None:
    run("iom-missing-migrants")
    before = values("iom-missing-migrants")
    path = write_csv(
        tmp_path / "routes.csv",
        TIDY_HEADER,
        [["migrant_stock_total", "SEN", "", "2020", "1", "", ""]],
    )

    _, error = command(str(path), *META[2:], "--dataset", "iom-missing-migrants")

    assert error is not None
    assert "dataset 'iom-missing-migrants'" in str(error)
    assert f"holds {len(before)} observations; give --replace" in str(error)
    assert values("iom-missing-migrants") == before


def test_replace_prints_what_is_added_changed_and_removed_then_writes(tmp_path: Path) -> None:
    run(str(write_csv(tmp_path / "first.csv", TIDY_HEADER, FIRST)), *META)
    second = write_csv(tmp_path / "second.csv", TIDY_HEADER, SECOND)

    printed, error = command(str(second), *META, "--replace")

    assert error is None
    lines = printed.splitlines()
    assert lines[0] == (
        "test-file: replacing 4 observations with 4: 1 added, 1 changed, 1 removed, 2 unchanged"
    )
    assert lines[1:4] == [
        "  added    migrant_stock_total GMB 2020: 215659",
        "  changed  migrant_stock_total SEN 2020: 274929 → 274930 (flags p)",
        "  removed  migrant_stock_total MLI 2020: 485829",
    ]
    assert lines[4].startswith("test-file: 4 rows read, 4 observations written")
    assert {k: text for k, (_, text) in values("test-file").items()} == {
        ("migrant_stock_total", "SEN", "", "2020"): "274930",
        ("migrant_stock_total", "SEN", "", "2024"): "281032",
        ("migrant_stock_bilateral", "ESP", "MAR", "2024"): "883471",
        ("migrant_stock_total", "GMB", "", "2020"): "215659",
    }


def test_a_few_examples_of_each_change_and_the_count_of_the_rest(tmp_path: Path) -> None:
    many = [["population", "SEN", "", str(year), "1", "", ""] for year in range(2000, 2020)]
    run(str(write_csv(tmp_path / "first.csv", TIDY_HEADER, many)), *META)
    one = write_csv(
        tmp_path / "one.csv", TIDY_HEADER, [["population", "MLI", "", "2020", "7", "", ""]]
    )

    printed, _ = command(str(one), *META, "--replace")

    assert "replacing 20 observations with 1: 1 added, 0 changed, 20 removed" in printed
    removed = [line for line in printed.splitlines() if line.startswith("  removed")]
    assert removed == [f"  removed  population SEN {year}: 1" for year in range(2000, 2005)]
    assert "  ... and 15 more removed" in printed
    assert Observation.objects.filter(dataset__slug="test-file").count() == 1


def test_the_changes_are_printed_before_the_write_in_its_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(str(write_csv(tmp_path / "first.csv", TIDY_HEADER, FIRST)), *META)
    before = values("test-file")

    def fail(self, sql, param_list):
        raise OperationalError("database or disk is full")

    monkeypatch.setattr(CursorWrapper, "executemany", fail)
    second = write_csv(tmp_path / "second.csv", TIDY_HEADER, SECOND)

    printed, error = command(str(second), *META, "--replace")

    assert "1 added, 1 changed, 1 removed, 2 unchanged" in printed
    assert error is not None and "the dataset was not changed" in str(error)
    assert values("test-file") == before


def test_replace_into_a_new_dataset_simply_imports(tmp_path: Path) -> None:
    printed, error = command(
        str(write_csv(tmp_path / "first.csv", TIDY_HEADER, FIRST)), *META, "--replace"
    )

    assert error is None
    assert printed.strip().startswith("test-file: 4 rows read, 4 observations written")


def test_a_shipped_dataset_imported_again_prints_its_changes() -> None:
    run("iom-missing-migrants")
    first = Observation.objects.filter(dataset__slug="iom-missing-migrants").order_by(
        "geo__code", "period"
    )[0]
    published = first.value_text
    Observation.objects.filter(pk=first.pk).update(value_text="1")
    total = Observation.objects.filter(dataset__slug="iom-missing-migrants").count()

    printed, error = command("iom-missing-migrants", "--force")

    assert error is None
    assert printed.splitlines()[0] == (
        f"iom-missing-migrants: replacing {total} observations with {total}: "
        f"0 added, 1 changed, 0 removed, {total - 1} unchanged"
    )
    assert (
        f"  changed  dead_and_missing {first.geo.code} {first.period}: "
        f"1 (derived) → {published} (derived)" in printed  # IOM's annual sums are derived
    )
    assert (
        Observation.objects.get(
            dataset__slug="iom-missing-migrants", geo=first.geo, period=first.period
        ).value_text
        == published
    )


def test_the_same_file_again_needs_no_replace(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "first.csv", TIDY_HEADER, FIRST)
    run(str(path), *META)

    assert run(str(path), *META).strip() == "test-file: unchanged (same files as the last import)"
