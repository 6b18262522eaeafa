"""What every importer produces (tidy rows) and how an import is refused."""

import csv
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class ImportRefused(Exception):
    """The file is not what it should be; nothing was written."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class Row:
    """One observation as read from a file, before any check."""

    path: str
    line: int
    indicator: str
    geo: str
    partner: str
    period: str
    value: str
    flags: str = ""


@dataclass(frozen=True)
class GeoLabel:
    """A code that is not a country, declared on purpose by an importer."""

    kind: str  # aggregate, unknown, stateless, route
    name_en: str
    name_fr: str = ""


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


def open_text(path: Path) -> io.TextIOBase:
    """A text file, gzip-compressed or not, read as UTF-8 (a BOM is skipped)."""
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")  # closed by the caller


def read_csv(path: Path, required: set[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; refuses a missing column or a bad encoding."""
    try:
        with open_text(path) as handle:
            reader = csv.DictReader(handle)
            missing = required - set(reader.fieldnames or [])
            if not reader.fieldnames:
                raise ImportRefused(path, 1, "the file is empty (no header row)")
            if missing:
                raise ImportRefused(path, 1, f"missing column(s): {', '.join(sorted(missing))}")
            width = len(reader.fieldnames)
            for row in reader:
                if None in row or len(row) != width or any(v is None for v in row.values()):
                    raise ImportRefused(
                        path, reader.line_num, f"expected {width} fields, found a different number"
                    )
                yield reader.line_num, row
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from exc
    except (OSError, EOFError, csv.Error) as exc:
        raise ImportRefused(path, None, f"cannot be read ({exc})") from exc
