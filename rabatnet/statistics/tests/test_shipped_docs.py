"""The numbers docs/statistics.md states for the shipped data are those the import writes.

The table of datasets (observations, of which derived), the examples of shipped values and
the tidy CSV example are read from the document and checked against the adapters' rows (one
observation a row: the import writes every row it reads, or refuses the whole file).
"""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from ..importers.files import tidy_rows
from ..importers.shipped import shipped_specs
from .import_support import STATISTICS_DIR
from .shipped_rows import adapter_rows, by_key

DOC = (Path(settings.BASE_DIR) / "docs" / "statistics.md").read_text(encoding="utf-8")
UNITS = {
    spec["code"]: spec["unit"]
    for spec in json.loads((STATISTICS_DIR / "indicators.json").read_text(encoding="utf-8"))
}


def table(heading: str) -> list[list[str]]:
    """The cells of the first table whose header row starts with ``heading``."""
    start = DOC.index(f"| {heading} |")
    rows = []
    for line in DOC[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip().strip("`") for cell in line.strip("|").split("|")])
    return rows


def number(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_datasets_table_counts_what_is_imported() -> None:
    rows = {cells[0]: cells for cells in table("name | publisher | indicators")}

    assert set(rows) == set(shipped_specs())
    for slug, cells in rows.items():
        written = adapter_rows(slug)
        assert number(cells[3]) == len(written), slug
        assert number(cells[4]) == sum(r.derived for r in written), slug
        for code in re.findall(r"`(\w+)`", DOC[DOC.index(f"| `{slug}` |") :].splitlines()[0]):
            if code in UNITS:
                assert code in {r.indicator for r in written}, (slug, code)


EXAMPLES = table("dataset | indicator | country")


@pytest.mark.parametrize("cells", EXAMPLES, ids=[f"{c[1]}-{c[2]}-{c[4]}" for c in EXAMPLES])
def test_each_example_is_the_shipped_value(cells: list[str]) -> None:
    slug, indicator, country, partner, period, value, unit, kind, covers = cells

    row = by_key(slug)[(indicator, country, partner, period)]

    assert row.value == value
    assert UNITS[indicator] == unit
    assert ("derived" if row.derived else "published") == kind
    assert row.covers == covers


def test_the_summary_line_counts_the_dataset() -> None:
    for slug, read, written in re.findall(r"`([\w-]+): (\d+) rows read, (\d+) observations", DOC):
        assert int(read) == int(written) == len(adapter_rows(slug))


@pytest.mark.django_db
def test_the_tidy_csv_example_holds_shipped_values(tmp_path: Path) -> None:
    """Read as a file import reads it (alpha-2 and Eurostat codes included)."""
    header = "indicator,country,partner,period,value,unit,flags"
    block = DOC[DOC.index(f"    {header}\n") :].split("\n\n")[0]
    path = tmp_path / "example.csv"
    path.write_text("\n".join(line.strip() for line in block.splitlines()) + "\n")
    shipped = {
        "migrant_stock_total": "undesa-ims-2024-destination",
        "migrant_stock_bilateral": "undesa-ims-2024-bilateral",
        "asylum_applicants": "eurostat-asylum-applicants",
    }

    rows = list(tidy_rows(path))

    assert {r.indicator for r in rows} == set(shipped)
    for row in rows:
        published = by_key(shipped[row.indicator])[
            (row.indicator, row.geo, row.partner, row.period)
        ]
        assert row.value == published.value
