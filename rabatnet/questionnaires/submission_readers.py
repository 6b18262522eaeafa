"""Reading an ODK Central or KoboToolbox export into tables of text cells.

What comes in: a KoboToolbox XLSX export (the first sheet holds the submissions, one more
sheet per repeat group, named by the repeat), a KoboToolbox CSV export (``;`` or ``,``), an
ODK Central CSV export (the main file and one ``<form>-<repeat>.csv`` per repeat group), or
the .zip ODK Central gives (the same CSV files inside). What comes out: a ``Table`` per
sheet or file, each row numbered as the person sees it in their spreadsheet (the header is
row 1). Nothing here knows the questionnaire: ``submission_import`` checks the cells.

Cells are text, cleaned of control characters; numbers as written without grouping
(``12``, not ``12.0``); dates and times as ISO text; booleans as ``1`` / ``0``.
"""

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import PurePosixPath
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from rabatnet.core import uploads
from rabatnet.core.forms import clean_text

from .xlsform_columns import column_letter

EXTENSIONS = ("xlsx", "csv", "zip")
# A zip of ODK Central CSV files: how many entries, how large unpacked, how compressed.
ZIP_MAX_ENTRIES = 200
ZIP_MAX_UNPACKED = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100
# Entry names an export uses: a file at the top or in one folder (ODK's media/), no "..".
ZIP_NAME = re.compile(r"[\w .\-()]{1,200}(/[\w .\-()]{1,200})?", re.UNICODE)
MAX_CELL = 100_000  # characters in one cell; past that the file is refused


class ReadError(ValueError):
    """The file cannot be read as an export; the message says why, in words."""


@dataclass
class Table:
    """One sheet or CSV file: its name, its columns, its rows (row number, cells)."""

    name: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # headers written twice
    found: dict[tuple[str, ...], str | None] = field(default_factory=dict, repr=False)

    @property
    def stem(self) -> str:
        """The name without .csv (the repeat's name for a repeat file)."""
        return self.name[:-4] if self.name.lower().endswith(".csv") else self.name


def cell_text(value: object) -> str:
    """A spreadsheet cell as the text it stands for."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        if value.time() == time(0, 0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, int):
        return str(value)
    return clean_text(str(value)).strip()


class Formula(str):
    """A formula cell whose value was not saved with it (openpyxl or LibreOffice wrote the
    file without calculating): its text, to name it; never read as an empty answer."""


def _table(name: str, raw_rows: Sequence[Sequence[object]]) -> Table:
    """A table from its raw rows: the first non-empty row is the header."""
    rows = [[cell_text(v) for v in row] for row in raw_rows]
    header_at = next((i for i, row in enumerate(rows) if any(row)), None)
    if header_at is None:
        return Table(name=name, columns=[])
    columns = rows[header_at]
    while columns and not columns[-1]:
        columns.pop()
    table = Table(name=name, columns=columns)
    seen: set[str] = set()
    for column in columns:
        key = " ".join(column.split()).casefold()
        if key and key in seen:
            table.duplicates.append(column)
        seen.add(key)
    for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not any(row):
            continue
        if any(len(v) > MAX_CELL for v in row):
            raise ReadError(
                _("%(table)s, row %(row)s: a cell holds more than %(max)s characters.")
                % {"table": name, "row": index, "max": MAX_CELL}
            )
        unnamed = next(
            (i for i, c in enumerate(columns) if not c and i < len(row) and row[i]), None
        )
        if unnamed is not None:
            raise ReadError(
                _(
                    "%(table)s, row %(row)s, column %(column)s: a value under no header "
                    "(“%(value)s”)."
                )
                % {
                    "table": name,
                    "row": index,
                    "column": column_letter(unnamed),
                    "value": row[unnamed][:60],
                }
            )
        extra = [v for v in row[len(columns) :] if v]
        if extra:
            raise ReadError(
                _("%(table)s, row %(row)s: values past the last column (“%(value)s”).")
                % {"table": name, "row": index, "value": extra[0][:60]}
            )
        formula = next(
            (i for i, v in enumerate(raw_rows[index - 1]) if isinstance(v, Formula)), None
        )
        if formula is not None:
            column = columns[formula] if formula < len(columns) else ""
            raise ReadError(
                _(
                    "%(table)s, row %(row)s, column “%(column)s”: the cell holds a formula "
                    "(%(value)s) whose result was not saved with the file. Open the file in "
                    "a spreadsheet, save it (or paste the values only) and import it again."
                )
                % {
                    "table": name,
                    "row": index,
                    "column": column,
                    "value": str(raw_rows[index - 1][formula])[:60],
                }
            )
        cells = {column: (row[i] if i < len(row) else "") for i, column in enumerate(columns)}
        table.rows.append((index, cells))
    return table


# A formula in a sheet's XML: <f>…</f>, <f t="shared" …/>, with or without a prefix.
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def has_formulas(data: bytes) -> bool:
    """Whether any sheet of the workbook holds a formula (read in pieces, never whole)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            with archive.open(info) as entry:
                tail = b""
                while chunk := entry.read(1 << 20):
                    if _FORMULA_TAG.search(tail + chunk):
                        return True
                    tail = chunk[-16:]
    return False


def _sheet_rows(values: Any, formulas: Any | None) -> list[list[object]]:
    """A sheet's rows; a formula whose result was not saved becomes a ``Formula``."""
    if formulas is None:
        return [list(row) for row in values.iter_rows(values_only=True)]
    rows = []
    for row, texts in zip(
        values.iter_rows(values_only=True), formulas.iter_rows(values_only=True), strict=False
    ):
        rows.append(
            [
                Formula(text) if value is None and isinstance(text, str) and text[:1] == "="
                else value
                for value, text in zip(row, [*texts, *[None] * len(row)], strict=False)
            ]
        )  # fmt: skip
    return rows


def read_xlsx(name: str, data: bytes) -> list[Table]:
    """Every sheet of a workbook, the first first (KoboToolbox's submissions). Read by
    calamine (fast: 50,000 rows in seconds); a workbook with formulas by openpyxl, which
    tells a formula whose result was not saved from an empty cell."""
    try:
        if not has_formulas(data):
            return _calamine_tables(data)
        return _openpyxl_tables(data)
    except ReadError:
        raise
    # The readers raise many kinds for a damaged file, while opening it or reading a sheet
    # (zipfile's, CalamineError, KeyError, ValueError, the XML parser's ParseError…).
    except Exception as error:
        raise ReadError(
            _("“%(name)s” cannot be read as a workbook (%(error)s).")
            % {"name": name, "error": type(error).__name__}
        ) from error


def _calamine_tables(data: bytes) -> list[Table]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        return [
            _table(sheet.name, book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False))
            for sheet in book.sheets_metadata
            if sheet.typ == SheetTypeEnum.WorkSheet  # not a chart sheet
        ]
    finally:
        book.close()


def _openpyxl_tables(data: bytes) -> list[Table]:
    from openpyxl import load_workbook

    books = []
    try:
        books.append(load_workbook(io.BytesIO(data), read_only=True, data_only=True))
        books.append(load_workbook(io.BytesIO(data), read_only=True, data_only=False))
        return [
            _table(sheet.title, _sheet_rows(sheet, formula_sheet))
            for sheet, formula_sheet in zip(books[0].worksheets, books[1].worksheets, strict=True)
        ]
    finally:
        for book in books:
            book.close()


def decode(name: str, data: bytes) -> str:
    """UTF-8 text, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReadError(
            _(
                "“%(name)s” is not UTF-8 text (line %(line)s, bytes “%(bytes)s”; Excel's "
                "“CSV” is often Windows-1252): export it again as CSV (UTF-8)."
            )
            % {"name": name, "line": line, "bytes": data[error.start : error.start + 2].hex(" ")}
        ) from error


def read_csv(name: str, data: bytes) -> Table:
    """A CSV file; the separator (``;`` or ``,``, KoboToolbox uses either) from its header."""
    text = decode(name, data)
    if "\x00" in text:
        raise ReadError(_("“%(name)s” is not a text file.") % {"name": name})
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        raw = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ReadError(
            _("“%(name)s” cannot be read as CSV (%(error)s).") % {"name": name, "error": error}
        ) from error
    return _table(name, [list(row) for row in raw])


def read_zip(name: str, data: bytes) -> list[Table]:
    """The CSV files of an ODK Central zip, checked before a byte is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ReadError(_("“%(name)s” is not a zip file.") % {"name": name}) from error
    with archive:
        infos = archive.infolist()
        if len(infos) > ZIP_MAX_ENTRIES:
            raise ReadError(_("“%(name)s” holds too many files.") % {"name": name})
        total = 0
        for info in infos:
            if not ZIP_NAME.fullmatch(info.filename.rstrip("/")) or ".." in info.filename:
                raise ReadError(
                    _("“%(name)s” holds a file with an odd name (“%(entry)s”).")
                    % {"name": name, "entry": info.filename[:80]}
                )
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > ZIP_MAX_UNPACKED or ratio > ZIP_MAX_RATIO:
                raise ReadError(
                    _("“%(name)s” unpacks to far more than it weighs: it is refused.")
                    % {"name": name}
                )
        tables = []
        for info in infos:
            path = PurePosixPath(info.filename)
            if info.is_dir() or path.suffix.lower() != ".csv" or len(path.parts) > 1:
                continue  # media/ and other files: not submissions
            try:
                content = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
                raise ReadError(
                    _("“%(name)s”: “%(entry)s” cannot be unpacked.")
                    % {"name": name, "entry": info.filename}
                ) from error
            tables.append(read_csv(path.name, content))
    if not tables:
        raise ReadError(_("“%(name)s” holds no CSV file.") % {"name": name})
    return tables


def read_files(files: list[tuple[str, bytes]]) -> list[Table]:
    """Every table of every file, in the order given (a workbook's sheets in its order)."""
    tables: list[Table] = []
    for name, data in files:
        extension = uploads.extension_of(name)
        if extension == "xlsx":
            tables += read_xlsx(name, data)
        elif extension == "zip":
            tables += read_zip(name, data)
        elif extension == "csv":
            tables.append(read_csv(name, data))
        else:
            raise ReadError(
                _("“%(name)s” is not an export this site reads (.xlsx, .csv or .zip).")
                % {"name": name}
            )
    return tables


def check_file(file: IO[bytes], name: str, size: int, limit: int) -> None:
    """ValidationError unless the upload is an .xlsx, .csv or .zip, by its content too."""
    extension = uploads.extension_of(name)
    words = {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
    if size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; an export may be %(limit)s at most.") % words,
            code="too_big",
        )
    if extension not in EXTENSIONS:
        raise ValidationError(
            _(
                "“%(name)s” is not an export this site reads: upload the .xlsx, .csv or .zip "
                "file KoboToolbox or ODK Central gave."
            )
            % words,
            code="type",
        )
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % words, code="empty")
    file.seek(0)
    head = file.read(4)
    file.seek(0)
    if extension == "xlsx":
        found = uploads.content_type(file, "xlsx")
        wrong = found != uploads.TYPES["xlsx"]
    elif extension == "zip":
        wrong = head != b"PK\x03\x04"
    else:
        wrong = head == b"PK\x03\x04" or b"\x00" in head
    if wrong:
        raise ValidationError(
            _("“%(name)s” is named as a .%(extension)s file but its content is not one.")
            % {"name": name, "extension": extension},
            code="content",
        )
