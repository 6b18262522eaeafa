"""Importing a data file: tidy CSV, an XLSX sheet in the tidy layout, or SDMX-CSV.

Tidy columns: ``indicator, country, partner (optional), period, value, unit (optional),
flags (optional)``. SDMX-CSV (as Eurostat and the UN serve it) needs the dimension that holds
the country (``--country-dim geo``), optionally the partner's (``--partner-dim citizen``) and
filters on the other dimensions (``--filter sex=T``). Country codes may be ISO alpha-3 or
alpha-2, including Eurostat's own (EL for Greece, UK).
"""

import json
from argparse import ArgumentParser
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from rabatnet.countries.models import Country

from .base import DatasetMeta, ImportRefused, Row, read_csv
from .pipeline import ImportReport, run_import

TIDY = {"indicator", "country", "period", "value"}
EUROSTAT_ALPHA2 = {"EL": "GRC", "UK": "GBR", "XK": "XKX"}
META_FIELDS = [
    "dataset",
    "title",
    "title_fr",
    "publisher",
    "publisher_acronym",
    "revision",
    "licence",
    "licence_url",
    "source_url",
    "retrieved",
    "released",
    "frequency",
]


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
        help="SDMX-CSV: keep rows whose dimension has this value (repeatable).",
    )
    group.add_argument("--sheet", help="XLSX: the sheet (default: the first).")
    group.add_argument("--meta", help="A JSON sidecar with the metadata (default: FILE.meta.json).")
    for name in META_FIELDS:
        group.add_argument(f"--{name.replace('_', '-')}", dest=f"meta_{name}")


def _metadata(path: Path, options: dict) -> DatasetMeta:
    sidecar = Path(options.get("meta") or f"{path}.meta.json")
    values = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
    values.update({k: options[f"meta_{k}"] for k in META_FIELDS if options.get(f"meta_{k}")})
    missing = [
        k
        for k in ("dataset", "title", "publisher", "revision", "licence", "retrieved")
        if not values.get(k)
    ]
    if missing:
        raise ImportRefused(
            path,
            None,
            f"missing metadata: {', '.join(missing)} "
            f"(give --{missing[0]} or a sidecar {sidecar.name})",
        )
    try:
        retrieved = date.fromisoformat(str(values["retrieved"]))
        released = date.fromisoformat(str(values.get("released") or values["retrieved"]))
        frequency = int(values.get("frequency") or 365)
    except ValueError as exc:
        raise ImportRefused(sidecar, None, f"bad metadata value ({exc})") from exc
    return DatasetMeta(
        slug=values["dataset"],
        title_en=values["title"],
        title_fr=values.get("title_fr", ""),
        publisher_name=values["publisher"],
        publisher_acronym=values.get("publisher_acronym", ""),
        publisher_kind="other",
        revision=values["revision"],
        licence=values["licence"],
        licence_url=values.get("licence_url", ""),
        source_url=values.get("source_url", ""),
        retrieved_on=retrieved,
        released_on=released,
        update_frequency=frequency,
        files=[path],
    )


def _alpha3() -> dict[str, str]:
    codes = dict(Country.objects.values_list("iso2", "iso3"))
    codes.update(EUROSTAT_ALPHA2)
    return codes


def _code(value: str, alpha3: dict[str, str]) -> str:
    value = value.strip().upper()
    return alpha3.get(value, value) if len(value) == 2 else value


def tidy_rows(path: Path) -> Iterator[Row]:
    alpha3 = _alpha3()
    for line, row in read_csv(path, TIDY):
        yield Row(
            str(path),
            line,
            row["indicator"].strip(),
            _code(row["country"], alpha3),
            _code(row.get("partner") or "", alpha3),
            row["period"].strip(),
            row["value"],
            (row.get("flags") or "").strip(),
        )


def xlsx_rows(path: Path, sheet: str | None) -> Iterator[Row]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        data = book.get_sheet_by_name(sheet or book.sheet_names[0]).to_python()
    except Exception as exc:  # calamine raises its own types for a file that is not XLSX
        raise ImportRefused(path, None, f"not a readable XLSX workbook ({exc})") from exc
    if not data:
        raise ImportRefused(path, 1, "the sheet is empty")
    header = [str(h).strip() for h in data[0]]
    missing = TIDY - set(header)
    if missing:
        raise ImportRefused(path, 1, f"missing column(s): {', '.join(sorted(missing))}")
    alpha3 = _alpha3()
    for line, cells in enumerate(data[1:], start=2):
        row = {h: _cell(c) for h, c in zip(header, cells, strict=False)}
        yield Row(
            str(path),
            line,
            row["indicator"],
            _code(row["country"], alpha3),
            _code(row.get("partner", ""), alpha3),
            row["period"],
            row["value"],
            row.get("flags", ""),
        )


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def sdmx_rows(path: Path, options: dict) -> Iterator[Row]:
    indicator, country_dim = options.get("indicator"), options.get("country_dim")
    if not indicator or not country_dim:
        raise ImportRefused(path, None, "SDMX-CSV needs --indicator and --country-dim")
    partner_dim = options.get("partner_dim")
    filters = {}
    for item in options.get("filter") or []:
        dim, _, value = item.partition("=")
        if not value:
            raise ImportRefused(path, None, f"--filter {item!r} is not DIM=VALUE")
        filters[dim] = value
    required = {
        "TIME_PERIOD",
        "OBS_VALUE",
        country_dim,
        *filters,
        *([partner_dim] if partner_dim else []),
    }
    alpha3 = _alpha3()
    for line, row in read_csv(path, required):
        if any(row[dim] != value for dim, value in filters.items()) or row["OBS_VALUE"] == "":
            continue
        yield Row(
            str(path),
            line,
            indicator,
            _code(row[country_dim], alpha3),
            _code(row[partner_dim], alpha3) if partner_dim else "",
            row["TIME_PERIOD"],
            row["OBS_VALUE"],
            row.get("OBS_FLAG", ""),
        )


def _format(path: Path, chosen: str | None) -> str:
    if chosen:
        return chosen
    if path.suffix.lower() == ".xlsx":
        return "xlsx"
    with path.open("rb") as handle:
        first_line = handle.readline(4096).decode("utf-8", "replace")
    return "sdmx-csv" if "OBS_VALUE" in first_line else "tidy"


def file_import(path: Path, options: dict, *, show_progress: bool = False) -> ImportReport:
    meta = _metadata(path, options)
    kind = _format(path, options.get("format"))
    readers = {
        "tidy": lambda: tidy_rows(path),
        "xlsx": lambda: xlsx_rows(path, options.get("sheet")),
        "sdmx-csv": lambda: sdmx_rows(path, options),
    }
    return run_import(
        meta, readers[kind], force=bool(options.get("force")), show_progress=show_progress
    )
