"""Importing a data file: tidy CSV, an XLSX sheet in the tidy layout, or SDMX-CSV.

Tidy columns: ``indicator, country, partner (optional), period, value, unit (optional),
flags (optional)``. SDMX-CSV (as Eurostat and the UN serve it) needs the dimension that holds
the country (``--country-dim geo``), optionally the partner's (``--partner-dim citizen``) and
filters on the other dimensions (``--filter sex=T``, ``--exclude citizen=TOTAL``). Country
codes may be ISO alpha-3 or alpha-2, including Eurostat's own (EL for Greece, UK).
A file goes into an existing dataset only with ``--replace``. The options are stored with the
dataset (``Dataset.import_options``). See docs/statistics.md.
"""

import json
import re
from argparse import ArgumentParser
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from rabatnet.network.models import Organisation

from ..models import Dataset, Indicator
from .base import DatasetMeta, ImportRefused, Row, open_text, read_csv
from .codes import alpha3, code
from .pipeline import ImportReport, meta_too_long, run_import
from .sdmx import sdmx_rows
from .shipped import SPECIAL

TIDY = {"indicator", "country", "period", "value"}
META_FIELDS = [
    "dataset",
    "title",
    "title_fr",
    "publisher",
    "publisher_acronym",
    "publisher_kind",
    "revision",
    "licence",
    "licence_url",
    "source_url",
    "retrieved",
    "released",
    "frequency",
    "description",
    "description_fr",
    "caveats",
    "caveats_fr",
]
META_HELP = {
    "dataset": "Identifier of the dataset (lowercase-with-hyphens); required.",
    "title": "Title in English; required.",
    "publisher": "Publisher's name (matched to an organisation, or created); required.",
    "publisher_kind": "international, regional, government, academic, civil_society, ...",
    "revision": "The publisher's revision or edition; required.",
    "licence": "Licence, e.g. 'CC BY 4.0'; required.",
    "retrieved": "Date the file was retrieved, YYYY-MM-DD; required.",
    "released": "Date the publisher released it, YYYY-MM-DD (default: retrieved).",
    "frequency": "Expected update frequency: days (365) or a name (annual); default 365.",
}
REQUIRED_META = ("dataset", "title", "publisher", "revision", "licence", "retrieved")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
PUBLISHER_KINDS = Organisation.Kind.values


def add_file_arguments(parser: ArgumentParser) -> None:
    group = parser.add_argument_group("importing a file")
    group.add_argument(
        "--format", choices=["tidy", "sdmx-csv", "xlsx"], help="Default: from the file."
    )
    group.add_argument("--indicator", help="SDMX-CSV: the indicator code the values feed.")
    group.add_argument("--country-dim", help="SDMX-CSV: the dimension holding the country.")
    group.add_argument("--partner-dim", help="SDMX-CSV: the dimension holding the partner.")
    group.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="DIM=VALUE",
        help="SDMX-CSV: keep only rows whose dimension has this value (repeatable).",
    )
    group.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="DIM=VALUE",
        help="SDMX-CSV: leave out rows whose dimension has this value (repeatable).",
    )
    group.add_argument("--sheet", help="XLSX: the sheet (default: the first).")
    group.add_argument(
        "--replace",
        action="store_true",
        help="Replace the observations of an existing dataset of the same name (what is "
        "added, changed and removed is printed before it is written).",
    )
    group.add_argument("--meta", help="A JSON sidecar with the metadata (default: FILE.meta.json).")
    meta = parser.add_argument_group("dataset metadata (win over the sidecar's)")
    for name in META_FIELDS:
        meta.add_argument(
            f"--{name.replace('_', '-')}",
            dest=f"meta_{name}",
            metavar=name.upper(),
            help=META_HELP.get(name),
        )


def _sidecar(path: Path, options: dict) -> tuple[Path, dict]:
    sidecar = Path(options.get("meta") or f"{path}.meta.json")
    if not sidecar.is_file():
        if options.get("meta"):
            raise ImportRefused(sidecar, None, "metadata file not found")
        return sidecar, {}
    try:
        values = json.loads(sidecar.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ImportRefused(sidecar, None, "not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise ImportRefused(sidecar, exc.lineno, f"not valid JSON ({exc.msg})") from exc
    if not isinstance(values, dict):
        raise ImportRefused(sidecar, None, "expected a JSON object of metadata fields")
    unknown = sorted(set(values) - set(META_FIELDS))
    if unknown:
        raise ImportRefused(
            sidecar,
            None,
            f"unknown field(s) {', '.join(unknown)} (known: {', '.join(META_FIELDS)})",
        )
    return sidecar, {k: str(v) for k, v in values.items() if v is not None}


def _frequency(value: str, sidecar: Path) -> int:
    names = {choice.name.lower(): choice.value for choice in Dataset.Frequency}
    if value.lower() in names:
        return names[value.lower()]
    if value.isdigit() and int(value) in Dataset.Frequency.values:
        return int(value)
    known = ", ".join(f"{name} ({days})" for name, days in names.items())
    raise ImportRefused(sidecar, None, f"frequency {value!r} is not one of: {known}")


def _metadata(path: Path, options: dict) -> DatasetMeta:
    """From the sidecar FILE.meta.json (or --meta), then the options, which win."""
    sidecar, values = _sidecar(path, options)
    values.update({k: options[f"meta_{k}"] for k in META_FIELDS if options.get(f"meta_{k}")})
    missing = [k for k in REQUIRED_META if not values.get(k)]
    if missing:
        raise ImportRefused(
            path,
            None,
            f"missing metadata: {', '.join(missing)} "
            f"(give --{missing[0]} or a sidecar {sidecar.name})",
        )
    if not SLUG.fullmatch(values["dataset"]):
        raise ImportRefused(
            sidecar, None, f"dataset {values['dataset']!r} is not lowercase-with-hyphens"
        )
    kind = values.get("publisher_kind", "other")
    if kind not in PUBLISHER_KINDS:
        raise ImportRefused(
            sidecar, None, f"publisher_kind {kind!r} is not one of {', '.join(PUBLISHER_KINDS)}"
        )
    try:
        retrieved = date.fromisoformat(values["retrieved"])
        released = date.fromisoformat(values.get("released") or values["retrieved"])
    except ValueError as exc:
        raise ImportRefused(sidecar, None, f"bad date, expected YYYY-MM-DD ({exc})") from exc
    meta = DatasetMeta(
        slug=values["dataset"],
        title_en=values["title"],
        title_fr=values.get("title_fr", ""),
        publisher_name=values["publisher"],
        publisher_acronym=values.get("publisher_acronym", ""),
        publisher_kind=kind,
        revision=values["revision"],
        licence=values["licence"],
        licence_url=values.get("licence_url", ""),
        source_url=values.get("source_url", ""),
        retrieved_on=retrieved,
        released_on=released,
        update_frequency=_frequency(values.get("frequency") or "365", sidecar),
        description_en=values.get("description", ""),
        description_fr=values.get("description_fr", ""),
        caveats_en=values.get("caveats", ""),
        caveats_fr=values.get("caveats_fr", ""),
        files=[path],
    )
    reason = meta_too_long(meta)
    if reason:
        raise ImportRefused(sidecar if sidecar.is_file() else path, None, reason)
    return meta


def _tidy_row(path: Path, line: int, row: dict[str, str], codes: dict, units: dict) -> Row:
    indicator = row["indicator"].strip()
    unit = (row.get("unit") or "").strip().lower()
    if unit and indicator in units and unit != units[indicator]:
        raise ImportRefused(
            path, line, f"unit {unit!r} is not the unit of {indicator} ({units[indicator]!r})"
        )
    return Row(
        str(path),
        line,
        indicator,
        code(row["country"], codes),
        code(row.get("partner") or "", codes),
        row["period"].strip(),
        row["value"],
        (row.get("flags") or "").strip(),
    )


def tidy_rows(path: Path) -> Iterator[Row]:
    codes, units = alpha3(), dict(Indicator.objects.values_list("code", "unit"))
    for line, row in read_csv(path, TIDY):
        yield _tidy_row(path, line, row, codes, units)


def _cell(value: object) -> str:
    """A cell as text: whole numbers without '.0'; text cells as typed."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def xlsx_rows(path: Path, sheet: str | None) -> Iterator[Row]:
    from openpyxl import load_workbook

    with path.open("rb") as handle:  # ours to close, whatever openpyxl leaves open
        try:
            book = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises zipfile, XML and its own errors
            raise ImportRefused(path, None, f"not a readable XLSX workbook ({exc})") from exc
        if sheet and sheet not in book.sheetnames:
            raise ImportRefused(
                path, None, f"no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})"
            )
        cells = (book[sheet] if sheet else book.worksheets[0]).iter_rows(values_only=True)
        try:
            yield from _xlsx_tidy(path, cells)
        finally:
            cells.close()
            book.close()


def _xlsx_tidy(path: Path, cells: Iterator[tuple]) -> Iterator[Row]:
    header = [_cell(h) for h in next(cells, ())]
    if not any(header):
        raise ImportRefused(path, 1, "the sheet is empty (no header row)")
    missing = TIDY - set(header)
    if missing:
        raise ImportRefused(path, 1, f"missing column(s): {', '.join(sorted(missing))}")
    codes, units = alpha3(), dict(Indicator.objects.values_list("code", "unit"))
    unnamed = [i for i, name in enumerate(header) if not name]
    for line, values in enumerate(cells, start=2):
        texts = [_cell(v) for v in values]
        if not any(texts):
            continue
        if any(texts[len(header) :]) or any(texts[i] for i in unnamed if i < len(texts)):
            raise ImportRefused(path, line, "a value in a column without a name")
        row = dict.fromkeys(header, "") | dict(zip(header, texts, strict=False))
        yield _tidy_row(path, line, row, codes, units)


def _format(path: Path, chosen: str | None) -> str:
    """The chosen format, else XLSX by the suffix, else SDMX-CSV if the header (of the file,
    uncompressed if it is gzipped) names OBS_VALUE, else tidy."""
    if chosen:
        return chosen
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return "xlsx"
    try:
        with open_text(path) as handle:
            first_line = handle.readline(4096)
    except (OSError, EOFError, UnicodeDecodeError):
        return "tidy"  # the reader refuses the file with its reason and line
    return "sdmx-csv" if "OBS_VALUE" in first_line else "tidy"


def import_options(kind: str, options: dict) -> dict:
    """How the file is read, as stored on the dataset: the format and the options given."""
    names = {
        "sdmx-csv": ("indicator", "country_dim", "partner_dim", "filter", "exclude"),
        "xlsx": ("sheet",),
        "tidy": (),
    }[kind]
    return {"format": kind} | {name: options[name] for name in names if options.get(name)}


def file_import(
    path: Path,
    options: dict,
    *,
    show_progress: bool = False,
    say: Callable[[str], object] | None = None,
) -> ImportReport:
    meta = _metadata(path, options)
    kind = _format(path, options.get("format"))
    reading = {"format": kind}
    if kind == "sdmx-csv":
        for key in ("indicator", "country_dim", "partner_dim", "filter", "exclude"):
            reading[key] = options.get(key) or ""
    elif kind == "xlsx":
        reading["sheet"] = options.get("sheet") or ""
    meta.reader = json.dumps(reading, sort_keys=True)
    meta.import_options = import_options(kind, options)
    readers = {
        "tidy": lambda: tidy_rows(path),
        "xlsx": lambda: xlsx_rows(path, options.get("sheet")),
        "sdmx-csv": lambda: sdmx_rows(path, options),
    }
    return run_import(
        meta,
        readers[kind],
        labels=dict(SPECIAL),
        force=bool(options.get("force")),
        show_progress=show_progress,
        replace=bool(options.get("replace")),
        say=say,
    )
