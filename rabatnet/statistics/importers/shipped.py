"""The datasets shipped in data/statistics/: metadata from datasets.json, rows from adapters.

Each adapter reads the publisher's file as copied (see its PROVENANCE.md) and yields tidy
rows; codes that are not countries are declared here on purpose, with their labels.
"""

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from .base import DatasetMeta, GeoLabel, ImportRefused, Row, read_columns, read_csv
from .pipeline import meta_too_long

STATISTICS_DIR = Path(settings.DATA_DIR) / "statistics"

# Codes that are not countries, as the shipped files use them.
SPECIAL = {
    "OOO": GeoLabel("unknown", "Other / unknown", "Autre / inconnu"),
    "UNK": GeoLabel("unknown", "Unknown", "Inconnu"),
    "XXA": GeoLabel("stateless", "Stateless", "Apatrides"),
    "STL": GeoLabel("stateless", "Stateless", "Apatrides"),
    "TIB": GeoLabel("unknown", "Tibetan (UNHCR)", "Tibétains (HCR)"),
    "OOS": GeoLabel(
        "unknown", "Unidentified sub-Saharan Africa", "Afrique subsaharienne non précisée"
    ),
    "EU27": GeoLabel("aggregate", "European Union (27 countries)", "Union européenne (27 pays)"),
}


def route_code(name: str) -> str:
    """'Western African Route' -> 'route-western-african' (the word 'route' is left out).

    'Circular Route from Albania to Greece' -> 'route-circular-from-albania-to-greece': codes
    stay within Geo.code's 40 characters.
    """
    words = re.findall(r"[a-z0-9]+", name.lower())
    return "route-" + "-".join(w for w in words if w not in ("route", "routes"))


def _rows(
    path: Path, indicator: str, geo: str, value: str, partner: str, period: str = "year"
) -> Iterator[Row]:
    """Rows of a tidy file with one value column; an empty value is no observation."""
    name = str(path)
    for line, (code, other, when, number) in read_columns(path, (geo, partner, period, value)):
        if number != "":
            yield Row(name, line, indicator, code, other, when, number)


# --- UN DESA ---------------------------------------------------------------------------------


def _undesa_code(row: dict[str, str], labels: dict[str, GeoLabel]) -> str:
    """ISO3 for countries; 'M49-<code>' for aggregates and the unknown-origin line, labelled."""
    if row["is_country"] == "True" and row["iso3"]:
        return row["iso3"]
    code = f"M49-{row['m49']}"
    kind = "unknown" if row["m49"] == "2003" else "aggregate"
    labels.setdefault(code, GeoLabel(kind, row["name"], row["name"]))
    return code


def undesa_destination(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    path = files[0]
    columns = {
        "migrants_total": "migrant_stock_total",
        "female_pct_of_migrants": "migrant_stock_female_pct",
        "migrants_pct_of_population": "migrant_stock_pct_population",
    }
    for line, row in read_csv(path, {"iso3", "m49", "name", "is_country", "year", *columns}):
        code = _undesa_code(row, labels)
        for column, indicator in columns.items():
            if row[column] != "":
                yield Row(str(path), line, indicator, code, "", row["year"], row[column])


def undesa_origin(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    path = files[0]
    for line, row in read_csv(
        path, {"iso3", "m49", "name", "is_country", "year", "emigrants_total"}
    ):
        if row["emigrants_total"] != "":
            yield Row(
                str(path),
                line,
                "emigrant_stock_total",
                _undesa_code(row, labels),
                "",
                row["year"],
                row["emigrants_total"],
            )


def undesa_bilateral(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    labels.update({"OOO": SPECIAL["OOO"]})
    return _rows(files[0], "migrant_stock_bilateral", "dest_iso3", "total", "orig_iso3")


# --- World Bank --------------------------------------------------------------------------------

WDI = {
    "remittances_received_usd": ("remittances_received_usd", "remittances_received_usd"),
    "remittances_received_pct_gdp": ("remittances_received_pct_gdp", "remittances_pct_gdp"),
    "population": ("population", "population"),
    "gdp_current_usd": ("gdp_usd", "gdp_current_usd"),
    "net_migration": ("net_migration", "net_migration"),
}


def worldbank_wdi(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    for path in files:
        indicator, column = WDI[path.name.removesuffix(".csv.gz").removesuffix(".csv")]
        for line, row in read_csv(path, {"iso3", "country_name", "year", column, "is_aggregate"}):
            if row["is_aggregate"] == "True":
                labels.setdefault(row["iso3"], GeoLabel("aggregate", row["country_name"]))
            if row[column] != "":
                yield Row(str(path), line, indicator, row["iso3"], "", row["year"], row[column])


# --- UNHCR ---------------------------------------------------------------------------------------


def _sums(path: Path, required: set[str], keys: tuple[str, ...], columns: dict[str, str]) -> dict:
    """Sum ``columns`` over the rows sharing ``keys``; remembers the first line of each group."""
    totals: dict[tuple, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    first: dict[tuple, int] = {}
    for line, row in read_csv(path, required | set(keys) | set(columns)):
        key = tuple(row[k] for k in keys)
        first.setdefault(key, line)
        for column in columns:
            if row[column] != "":
                if not re.fullmatch(r"-?\d+", row[column]):
                    raise ImportRefused(path, line, f"value {row[column]!r} is not a whole number")
                totals[key][column] += Decimal(row[column])
    return {"totals": totals, "first": first}


def _unhcr_labels(labels: dict[str, GeoLabel]) -> None:
    labels.update({code: SPECIAL[code] for code in ("UNK", "XXA", "TIB")})


def unhcr_population(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    _unhcr_labels(labels)
    path = files[0]
    sums = _sums(
        path, set(), ("year", "origin_iso3", "asylum_iso3"), {"refugees": "", "asylum_seekers": ""}
    )
    hosted: dict[tuple, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    originating: dict[tuple, Decimal] = defaultdict(Decimal)
    lines: dict[tuple, int] = {}  # the first line behind each total, to name in a refusal
    for (year, origin, asylum), values in sums["totals"].items():
        line = sums["first"][(year, origin, asylum)]
        lines.setdefault(("hosted", year, asylum), line)
        lines.setdefault(("originating", year, origin), line)
        refugees = values.get("refugees", Decimal(0))
        if refugees:
            yield Row(str(path), line, "refugees_bilateral", asylum, origin, year, str(refugees))
        hosted[(year, asylum)]["refugees"] += refugees
        hosted[(year, asylum)]["asylum_seekers"] += values.get("asylum_seekers", Decimal(0))
        originating[(year, origin)] += refugees
    for (year, asylum), values in hosted.items():
        line = lines[("hosted", year, asylum)]
        yield Row(str(path), line, "refugees_hosted", asylum, "", year, str(values["refugees"]))
        yield Row(
            str(path),
            line,
            "asylum_seekers_hosted",
            asylum,
            "",
            year,
            str(values["asylum_seekers"]),
        )
    for (year, origin), refugees in originating.items():
        line = lines[("originating", year, origin)]
        yield Row(str(path), line, "refugees_originating", origin, "", year, str(refugees))


def unhcr_applications(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    _unhcr_labels(labels)
    path = files[0]
    sums = _sums(path, set(), ("year", "origin_iso3", "asylum_iso3"), {"applied": ""})
    for (year, origin, asylum), values in sums["totals"].items():
        yield Row(
            str(path),
            sums["first"][(year, origin, asylum)],
            "asylum_applications",
            asylum,
            origin,
            year,
            str(values.get("applied", Decimal(0))),
        )


def unhcr_decisions(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    _unhcr_labels(labels)
    path = files[0]
    sums = _sums(
        path, set(), ("year", "origin_iso3", "asylum_iso3"), {"dec_total": "", "dec_recognized": ""}
    )
    for (year, origin, asylum), values in sums["totals"].items():
        line = sums["first"][(year, origin, asylum)]
        yield Row(
            str(path),
            line,
            "asylum_decisions_total",
            asylum,
            origin,
            year,
            str(values.get("dec_total", Decimal(0))),
        )
        yield Row(
            str(path),
            line,
            "asylum_recognitions",
            asylum,
            origin,
            year,
            str(values.get("dec_recognized", Decimal(0))),
        )


# --- Frontex, IOM, Eurostat -----------------------------------------------------------


def _route(name: str, labels: dict[str, GeoLabel]) -> str:
    code = route_code(name)
    labels.setdefault(code, GeoLabel("route", name, name))
    return code


def frontex_detections(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    labels.update({code: SPECIAL[code] for code in ("OOO", "OOS", "STL")})
    totals, by_nationality = files
    for line, row in read_csv(totals, {"route", "year", "detections"}):
        yield Row(
            str(totals),
            line,
            "border_detections",
            _route(row["route"], labels),
            "",
            row["year"],
            row["detections"],
        )
    for line, row in read_csv(by_nationality, {"route", "nationality_iso3", "year", "detections"}):
        yield Row(
            str(by_nationality),
            line,
            "border_detections",
            _route(row["route"], labels),
            row["nationality_iso3"],
            row["year"],
            row["detections"],
        )


def iom_missing_migrants(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    path = files[0]
    for line, row in read_csv(path, {"route", "year", "dead_and_missing"}):
        yield Row(
            str(path),
            line,
            "dead_and_missing",
            _route(row["route"], labels),
            "",
            row["year"],
            row["dead_and_missing"],
        )


def eurostat_asylum(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    labels.update({code: SPECIAL[code] for code in ("EU27", "STL", "OOO")})
    return _rows(files[0], "asylum_applicants", "geo_iso3", "applicants", "citizenship_iso3")


ADAPTERS: dict[str, Callable[[list[Path], dict[str, GeoLabel]], Iterator[Row]]] = {
    f.__name__: f
    for f in (
        undesa_destination,
        undesa_origin,
        undesa_bilateral,
        worldbank_wdi,
        unhcr_population,
        unhcr_applications,
        unhcr_decisions,
        frontex_detections,
        iom_missing_migrants,
        eurostat_asylum,
    )
}


def shipped_specs() -> dict[str, dict]:
    specs = json.loads((STATISTICS_DIR / "datasets.json").read_text(encoding="utf-8"))
    return {spec["slug"]: spec for spec in specs}


def shipped_meta(spec: dict) -> DatasetMeta:
    meta = DatasetMeta(
        slug=spec["slug"],
        title_en=spec["title"]["en"],
        title_fr=spec["title"]["fr"],
        publisher_name=spec["publisher"]["name"],
        publisher_acronym=spec["publisher"]["acronym"],
        publisher_kind=spec["publisher"]["kind"],
        revision=spec["revision"],
        licence=spec["licence"],
        licence_url=spec["licence_url"],
        source_url=spec["source_url"],
        retrieved_on=date.fromisoformat(spec["retrieved_on"]),
        released_on=date.fromisoformat(spec["released_on"]),
        update_frequency=spec["update_frequency"],
        caveats_en=spec["caveats"]["en"],
        caveats_fr=spec["caveats"]["fr"],
        files=[STATISTICS_DIR / f for f in spec["files"]],
        reader=spec["adapter"],
    )
    reason = meta_too_long(meta)
    if reason:
        raise ImportRefused(STATISTICS_DIR / "datasets.json", None, f"{meta.slug}: {reason}")
    return meta
