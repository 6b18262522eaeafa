"""An XLSForm workbook read into plain text cells, and the problems found in it.

Each problem names the sheet, the row and the column as a spreadsheet user sees them (row
2 is the first row under the headers; column "C (type)"), and says what is wrong in words,
in the language active when it is shown (``Issue.text``): the command prints English and
French, the page the visitor's language.
"""

import datetime
import io
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import override

from .xlsform_columns import column_letter


@dataclass(frozen=True)
class Issue:
    """One problem: where (sheet, row, column) and what (a lazy message and its values)."""

    sheet: str
    row: int | None
    column: str
    message: Promise | str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, language: str | None = None) -> str:
        if language is None:
            return str(self.message) % dict(self.params) if self.params else str(self.message)
        with override(language):
            return self.text()

    def where(self, language: str | None = None) -> str:
        from django.utils.translation import gettext as _

        if language is not None:
            with override(language):
                return self.where()
        parts = [_("sheet %(sheet)s") % {"sheet": self.sheet}]
        if self.row:
            parts.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            parts.append(_("column %(column)s") % {"column": self.column})
        return ", ".join(parts)

    def line(self, language: str | None = None) -> str:
        """ "sheet survey, row 7, column C (type): …"."""
        return f"{self.where(language)}: {self.text(language)}"


def issue(sheet: str, row: int | None, column: str, message: Promise, **params: Any) -> Issue:
    return Issue(sheet, row, column, message, tuple(sorted(params.items())))


@dataclass
class Sheet:
    """A sheet's headers (as written) and its non-empty rows (row number, cells)."""

    name: str
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    formulas: list[tuple[int, int, str]] = field(default_factory=list)  # row, column, text

    def column(self, index: int) -> str:
        if index >= len(self.headers) or not self.headers[index]:
            return column_letter(index)
        return f"{column_letter(index)} ({self.headers[index]})"

    def cell(self, cells: list[str], index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return (
            value.isoformat()[:10]
            if not isinstance(value, datetime.datetime)
            else value.isoformat()
        )
    return str(value).strip()


class Unreadable(Exception):
    """Not a workbook openpyxl can read, or far larger than a questionnaire."""


# A questionnaire of a few hundred questions is large; more rows than this is no form.
MAX_ROWS = 5000
MAX_COLUMNS = 200


def read_workbook(content: bytes) -> dict[str, Sheet]:
    """The workbook's sheets by name (lower case, without surrounding spaces); raises
    ``Unreadable``. A formula whose result was not saved with the file is kept as its text
    in ``Sheet.formulas`` (the cell reads as empty), to be named."""
    from openpyxl import load_workbook

    from .submission_readers import has_formulas

    books = []
    try:
        books.append(load_workbook(io.BytesIO(content), read_only=True, data_only=True))
        if has_formulas(content):
            books.append(load_workbook(io.BytesIO(content), read_only=True, data_only=False))
        texts = books[1].worksheets if len(books) > 1 else [None] * len(books[0].worksheets)
        sheets: dict[str, Sheet] = {}
        for worksheet, formulas in zip(books[0].worksheets, texts, strict=True):
            sheets.setdefault(worksheet.title.strip().lower(), _sheet(worksheet, formulas))
        return sheets
    except Unreadable:
        raise
    # openpyxl raises many kinds for a damaged file, while opening it or reading a sheet
    # (zipfile's, KeyError, ValueError, the XML parser's ParseError, a SyntaxError).
    except Exception as error:
        raise Unreadable(str(error)) from error
    finally:
        for book in books:
            book.close()


def _sheet(worksheet: Any, formulas: Any | None) -> Sheet:
    rows = worksheet.iter_rows(values_only=True)
    texts = formulas.iter_rows(values_only=True) if formulas is not None else None
    header_cells = next(rows, ())
    if texts is not None:
        next(texts, ())
    headers = [_as_text(v) for v in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    sheet = Sheet(worksheet.title, headers)
    if len(headers) > MAX_COLUMNS:
        raise Unreadable(f"{worksheet.title}: more than {MAX_COLUMNS} columns")
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS:
            raise Unreadable(f"{worksheet.title}: more than {MAX_ROWS} rows")
        formula_row = next(texts, ()) if texts is not None else ()
        for index, (value, text) in enumerate(zip(values, formula_row, strict=False)):
            if value is None and isinstance(text, str) and text.startswith("="):
                sheet.formulas.append((number, index, text))
        cells = [_as_text(v) for v in values][: max(len(headers), 1)]
        if any(cells):
            sheet.rows.append((number, cells + [""] * (len(headers) - len(cells))))
    return sheet
