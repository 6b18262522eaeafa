"""What every importer produces (tidy rows) and how an import is refused."""

import csv
import gzip
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from ..models import Dataset


class ImportRefused(Exception):
    """The file is not what it should be; nothing was written."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {reason}")


class Row(NamedTuple):
    """One observation as read from a file, before any check (a named tuple: cheap to make)."""

    path: str
    line: int
    indicator: str
    geo: str
    partner: str
    period: str
    value: str
    flags: str = ""
    derived: bool = False  # not as published: see the dataset's Derivation of the indicator
    covers: str = ""  # the part of a partial period, "2025-01/2025-04"; empty when whole


@dataclass(frozen=True)
class GeoLabel:
    """A code that is not a country, declared on purpose by an importer."""

    kind: str  # aggregate, unknown, stateless, route
    name_en: str
    name_fr: str = ""


@dataclass(frozen=True)
class DerivationMeta:
    """How an importer (or the intermediary before it) made the derived values of an indicator."""

    indicator: str
    derived_by: str
    formula_en: str
    formula_fr: str
    inputs_en: str
    inputs_fr: str


@dataclass
class DatasetMeta:
    slug: str
    title_en: str
    title_fr: str
    publisher_name: str
    publisher_acronym: str
    publisher_kind: str
    revision: str
    licence: str
    retrieved_on: date
    released_on: date
    update_frequency: int
    licence_url: str = ""
    source_url: str = ""
    description_en: str = ""
    description_fr: str = ""
    caveats_en: str = ""
    caveats_fr: str = ""
    files: list[Path] = field(default_factory=list)
    # How the files are read (adapter, format, dimensions, filters): part of the digest, so
    # the same file read another way is a new import, not "unchanged".
    reader: str = ""
    # The options of a file import (format, sheet, dimensions, filters), stored on the dataset.
    import_options: dict = field(default_factory=dict)
    derivations: list[DerivationMeta] = field(default_factory=list)
    kosovo_in_serbia: bool = False


class Companion(Protocol):
    """Records an import keeps beside the observations (IOM's incidents): checked with the
    rows, before the transaction; written in it."""

    def check(self) -> None: ...
    def stored(self, dataset: "Dataset") -> bool: ...
    def write(self, dataset: "Dataset") -> int: ...


def open_text(path: Path) -> io.TextIOBase:
    """A text file, gzip-compressed or not, read as UTF-8 (a BOM is skipped)."""
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")  # closed by the caller


def _bad_encoding(path: Path, exc: UnicodeDecodeError) -> ImportRefused:
    """Name the first line that is not UTF-8 (the decoder only knows a chunk's offset)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as line_exc:
                return ImportRefused(
                    path,
                    number,
                    f"not UTF-8 text (byte 0x{raw[line_exc.start]:02x} at column "
                    f"{line_exc.start + 1}; save the file as UTF-8)",
                )
    return ImportRefused(path, None, f"not UTF-8 text ({exc.reason})")  # pragma: no cover


def _records(path: Path, required: set[str], columns: Sequence[str] | None) -> Iterator:
    """(line number, record) for each data row, shape-checked as it is read.

    The record is the row as a dict, or the tuple of ``columns`` when they are given (the
    fast path for big files). A missing column, a row with too few or too many fields, broken
    quoting, a cut gzip stream or bytes that are not UTF-8 are refused with the file and,
    where there is one, the line. Blank lines are skipped.
    """
    line = 0
    reader = None
    try:
        with open_text(path) as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if not header or not any(h.strip() for h in header):
                raise ImportRefused(path, 1, "the file is empty (no header row)")
            header = [h.strip() for h in header]
            if len(set(header)) != len(header):
                raise ImportRefused(path, 1, "a column name appears twice in the header")
            missing = required - set(header)
            if missing:
                raise ImportRefused(path, 1, f"missing column(s): {', '.join(sorted(missing))}")
            width = len(header)
            if columns is None:
                pick = None
            elif len(columns) == 1:
                index = header.index(columns[0])
                pick = lambda fields: (fields[index],)  # noqa: E731
            else:
                pick = itemgetter(*[header.index(c) for c in columns])
            for fields in reader:
                if len(fields) != width:
                    if not fields:
                        continue
                    raise ImportRefused(
                        path, reader.line_num, f"expected {width} fields, found {len(fields)}"
                    )
                line = reader.line_num
                yield (
                    line,
                    (dict(zip(header, fields, strict=True)) if pick is None else pick(fields)),
                )
    except UnicodeDecodeError as exc:
        raise _bad_encoding(path, exc) from exc
    except csv.Error as exc:
        line = reader.line_num if reader else 0
        raise ImportRefused(path, line or None, f"malformed CSV ({exc})") from exc
    except (OSError, EOFError) as exc:
        where = f" after line {line}" if line else ""
        raise ImportRefused(path, None, f"cannot be read{where} ({exc})") from exc


def read_csv(path: Path, required: set[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row as a dict) for each data row; see ``_records`` for the refusals."""
    return _records(path, required, None)


def read_columns(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(line number, the values of ``columns`` in that order): the fast path for big files."""
    return _records(path, set(columns), columns)
