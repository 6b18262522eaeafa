"""``import_dataset FILE`` on files that are wrong: refused, named, and nothing written.

Every refusal is a CommandError naming the file, the line where there is one, and the reason;
the counts of datasets, observations, geographic codes, indicators and publishers are as before.
"""

import gzip
import json
from pathlib import Path

import pytest
from django.core.management.base import CommandError
from openpyxl import Workbook

from ..importers.base import ImportRefused, Row
from ..importers.files import _metadata
from ..importers.pipeline import run_import
from .import_support import META, counts, load_indicators, run, values

pytestmark = pytest.mark.django_db

HEADER = b"indicator,country,partner,period,value,unit,flags\n"
GOOD = (
    b"migrant_stock_bilateral,ESP,MAR,2024,883471,persons,\n"  # line 2
    b"migrant_stock_bilateral,FRA,OOO,2024,12,,\n"  # line 3: a new non-country code
)


@pytest.fixture(autouse=True)
def _indicators() -> None:
    load_indicators()


def refused(path: Path, *args: str, line: int | None, reason: str) -> str:
    """Import ``path``; assert it is refused as described and that nothing was written."""
    before = counts()
    with pytest.raises(CommandError) as refusal:
        run(str(path), *args)
    message = str(refusal.value)
    where = f"{path}, line {line}: " if line else f"{path}: "
    assert message.startswith(where), message
    assert reason in message
    assert message.endswith("Nothing was imported.")
    assert counts() == before
    return message


# (name, bytes after the header and the two good lines, line named, reason)
BAD_ROWS = [
    ("truncated", b"migrant_stock_total,SEN,,20", 4, "expected 7 fields, found 4"),
    ("cut_in_quotes", b'migrant_stock_total,SEN,,2020,"27', 4, "malformed CSV"),
    ("too_many_fields", b"migrant_stock_total,SEN,,2020,1,persons,,x\n", 4, "found 8"),
    ("latin1", b"migrant_stock_total,CIV,,2020,1,,r\xe9vis\xe9\n", 4, "not UTF-8 text"),
    ("unknown_country", b"migrant_stock_total,ZZZ,,2020,1,,\n", 4, "unknown country code 'ZZZ'"),
    ("unknown_alpha2", b"migrant_stock_total,QQ,,2020,1,,\n", 4, "unknown country code 'QQ'"),
    ("unknown_partner", b"migrant_stock_bilateral,ESP,XYZ,2020,1,,\n", 4, "unknown partner code"),
    ("world_is_not_known", b"migrant_stock_total,WLD,,2020,1,,\n", 4, "unknown country code"),
    ("unknown_indicator", b"migrant_stock,SEN,,2020,1,,\n", 4, "unknown indicator 'migrant_stock'"),
    ("month_13", b"migrant_stock_total,SEN,,2024-13,1,,\n", 4, "malformed period '2024-13'"),
    ("two_digit_year", b"migrant_stock_total,SEN,,24,1,,\n", 4, "malformed period '24'"),
    ("quarter_no_dash", b"migrant_stock_total,SEN,,2024Q1,1,,\n", 4, "malformed period"),
    ("thousands_comma", b'migrant_stock_total,SEN,,2020,"1,234",,\n', 4, "is not a number"),
    ("text_value", b"migrant_stock_total,SEN,,2020,n/a,,\n", 4, "'n/a' is not a number"),
    ("empty_value", b"migrant_stock_total,SEN,,2020,,,\n", 4, "'' is not a number"),
    ("exponent", b"migrant_stock_total,SEN,,2020,1e5,,\n", 4, "is not a number"),
    ("not_a_number", b"migrant_stock_total,SEN,,2020,NaN,,\n", 4, "is not a number"),
    ("seven_decimals", b"migrant_stock_total,SEN,,2020,1.1234567,,\n", 4, "6 after it"),
    ("unit_mismatch", b"migrant_stock_total,SEN,,2020,12,percent,\n", 4, "unit 'percent'"),
    ("long_flags", b"migrant_stock_total,SEN,,2020,12,," + b"x" * 21 + b"\n", 4, "flags"),
    (
        "duplicate",
        b"migrant_stock_bilateral,ESP,MAR,2024,883471,,\n",
        4,
        "duplicate observation (also at line 2)",
    ),
    (
        "duplicate_through_alpha2",
        b"migrant_stock_bilateral,ES,MA,2024,1,,\n",
        4,
        "duplicate observation (also at line 2)",
    ),
]


@pytest.mark.parametrize(("name", "row", "line", "reason"), BAD_ROWS, ids=[c[0] for c in BAD_ROWS])
def test_bad_tidy_row(tmp_path: Path, name: str, row: bytes, line: int, reason: str) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_bytes(HEADER + GOOD + row)

    refused(path, *META, line=line, reason=reason)


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        (b"", 1, "the file is empty (no header row)"),
        (b"\n\n", 1, "the file is empty (no header row)"),
        (HEADER, None, "no observation in the file"),
        (b"indicator,country,period,unit\nmigrant_stock_total,SEN,2020,\n", 1, "missing column"),
        (b"indicator,country,period,value,value\n", 1, "a column name appears twice"),
        (b"\xef\xbb\xbfindicator,pays,p\xe9riode,valeur\n", 1, "not UTF-8 text"),
    ],
    ids=["empty", "blank_lines", "header_only", "missing_value_column", "twice", "latin1_header"],
)
def test_bad_tidy_file(tmp_path: Path, content: bytes, line: int | None, reason: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)

    message = refused(path, *META, line=line, reason=reason)
    if "missing column" in reason:
        assert "missing column(s): value" in message


def test_truncated_gzip(tmp_path: Path) -> None:
    rows = (
        f"migrant_stock_total,SEN,,{year},{year * 7919 % 100003},,\n" for year in range(1000, 3000)
    )
    whole = gzip.compress(HEADER + "".join(rows).encode())
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(whole[: len(whole) // 2])

    message = refused(path, *META, line=None, reason="cannot be read after line ")
    assert "Compressed file ended before the end-of-stream marker" in message


def test_a_refused_file_leaves_the_dataset_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes(HEADER + GOOD)
    run(str(path), *META)
    before = values("test-file")
    path.write_bytes(HEADER + GOOD.replace(b"883471", b"883472") + b"x,SEN,,2020,1,,\n")

    refused(path, *META, "--replace", line=4, reason="unknown indicator 'x'")
    assert values("test-file") == before


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


XLSX_HEADER = ["indicator", "country", "period", "value"]


@pytest.mark.parametrize(
    ("rows", "args", "line", "reason"),
    [
        ([XLSX_HEADER, ["population", "SEN", 2020, "12 000"]], [], 2, "is not a number"),
        (
            [XLSX_HEADER, ["population", "SEN", 2020, 1], ["population", "SEN", 2020, 2]],
            [],
            3,
            "duplicate observation (also at line 2)",
        ),
        ([XLSX_HEADER, ["population", "SEN", "2020-1", 1]], [], 2, "malformed period"),
        ([XLSX_HEADER, ["population", "SEN", 2020, True]], [], 2, "is not a number"),
        (
            [XLSX_HEADER, ["population", "SEN", 2020, 1, "extra"]],
            [],
            2,
            "a value in a column without a name",
        ),
        ([XLSX_HEADER, ["population", "SEN", 2020]], [], 2, "'' is not a number"),
        (
            [["indicator", "country", "value"], ["population", "SEN", 1]],
            [],
            1,
            "missing column(s): period",
        ),
        ([], [], 1, "the sheet is empty"),
        ([XLSX_HEADER], ["--sheet", "data"], None, "no sheet 'data' (sheets: Sheet)"),
    ],
    ids=["text", "duplicate", "period", "boolean", "extra", "short", "column", "empty", "sheet"],
)
def test_bad_xlsx(
    tmp_path: Path, rows: list, args: list[str], line: int | None, reason: str
) -> None:
    path = _xlsx(tmp_path / "bad.xlsx", rows)

    refused(path, *META, *args, line=line, reason=reason)


def test_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    path.write_bytes(HEADER + GOOD)

    refused(path, *META, line=None, reason="not a readable XLSX workbook")


SDMX = (
    b"DATAFLOW,freq,citizen,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
    b"ESTAT:MIGR_ASYAPPCTZA(1.0),A,SN,T,EL,2024,1035,\n"
)
SDMX_OPTIONS = ["--indicator", "asylum_applicants", "--country-dim", "geo"]


@pytest.mark.parametrize(
    ("extra_row", "args", "line", "reason"),
    [
        (b"", ["--indicator", "asylum_applicants"], None, "needs --indicator and --country-dim"),
        (b"", [*SDMX_OPTIONS, "--filter", "sex"], None, "--filter 'sex' is not DIM=VALUE"),
        (b"", [*SDMX_OPTIONS, "--filter", "age=TOTAL"], 1, "missing column(s): age"),
        (b"", [*SDMX_OPTIONS, "--partner-dim", "citizenship"], 1, "missing column(s): citizenship"),
        (b"ESTAT,A,SN,T,XX,2024,5,\n", SDMX_OPTIONS, 3, "unknown country code 'XX'"),
        (b"ESTAT,A,SN,T,EU28,2024,5,\n", SDMX_OPTIONS, 3, "unknown country code 'EU28'"),
        (
            b"ESTAT,A,TOTAL,T,DE,2024,5,\n",
            [*SDMX_OPTIONS, "--partner-dim", "citizen"],
            3,
            "unknown partner code 'TOTAL'",
        ),
        (b"ESTAT,A,SN,T,DE,2024M01,5,\n", SDMX_OPTIONS, 3, "malformed period '2024M01'"),
        (b"ESTAT,A,SN,T,DE,2024,:,\n", SDMX_OPTIONS, 3, "':' is not a number"),
        (b"ESTAT,A,SN,T,DE,2024,5\n", SDMX_OPTIONS, 3, "expected 8 fields, found 7"),
        (b"ESTAT,A,SN,T,GR,2024,5,\n", SDMX_OPTIONS, 3, "duplicate observation (also at line 2)"),
    ],
    ids=[
        "no_country_dim",
        "bad_filter",
        "filter_missing",
        "partner_missing",
        "unknown_code",
        "eu28",
        "total",
        "monthly_sdmx_period",
        "colon",
        "truncated",
        "el_and_gr",
    ],
)
def test_bad_sdmx_csv(
    tmp_path: Path, extra_row: bytes, args: list[str], line: int | None, reason: str
) -> None:
    path = tmp_path / "migr_asyappctza.csv"
    path.write_bytes(SDMX + extra_row)

    refused(path, *META, *args, line=line, reason=reason)


def _options() -> dict[str, str]:
    return {k.removeprefix("--"): v for k, v in zip(META[::2], META[1::2], strict=True)}


@pytest.mark.parametrize(
    ("sidecar", "line", "reason"),
    [
        ('{"dataset": "x",\n "title": }', 2, "not valid JSON"),
        ("[1, 2]", None, "expected a JSON object"),
        (json.dumps({**_options(), "licence_text": "x"}), None, "unknown field(s) licence_text"),
        (json.dumps({**_options(), "retrieved": "15/01/2026"}), None, "bad date"),
        (json.dumps({**_options(), "frequency": "100"}), None, "frequency '100' is not one of"),
        (json.dumps({**_options(), "dataset": "Test File"}), None, "not lowercase-with-hyphens"),
        (json.dumps({**_options(), "publisher_kind": "ngo"}), None, "publisher_kind 'ngo'"),
        (json.dumps({**_options(), "revision": "r" * 101}), None, "revision longer than 100"),
    ],
    ids=["json", "list", "unknown_field", "date", "frequency", "slug", "publisher_kind", "long"],
)
def test_bad_sidecar(tmp_path: Path, sidecar: str, line: int | None, reason: str) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes(HEADER + GOOD)
    meta = Path(f"{path}.meta.json")
    meta.write_text(sidecar, encoding="utf-8")

    before = counts()
    with pytest.raises(CommandError) as refusal:
        run(str(path))
    where = f"{meta}, line {line}: " if line else f"{meta}: "
    assert str(refusal.value).startswith(where)
    assert reason in str(refusal.value)
    assert counts() == before


def test_missing_metadata_names_what_to_give(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes(HEADER + GOOD)

    message = refused(path, "--title", "T", line=None, reason="missing metadata: dataset, ")
    assert "give --dataset or a sidecar stock.csv.meta.json" in message


def test_meta_option_naming_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes(HEADER + GOOD)

    with pytest.raises(CommandError, match="nowhere.json: metadata file not found"):
        run(str(path), "--meta", str(tmp_path / "nowhere.json"))


def test_unknown_source() -> None:
    before = counts()
    with pytest.raises(CommandError, match="'nothing-here' is neither a file nor a shipped"):
        run("nothing-here")
    assert counts() == before


def test_duplicate_across_two_files_names_both(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (first, second):
        path.write_bytes(HEADER)  # hashed for the digest; the rows come from the list below
    meta = _metadata(first, {f"meta_{k}": v for k, v in _options().items()})
    meta.files = [first, second]
    rows = [
        Row(str(first), 2, "population", "SEN", "", "2020", "1"),
        Row(str(second), 7, "population", "SEN", "", "2020", "1"),
    ]

    with pytest.raises(ImportRefused) as refusal:
        run_import(meta, lambda: iter(rows))
    assert str(refusal.value) == (
        f"{second}, line 7: duplicate observation (also at {first}, line 2)"
    )
