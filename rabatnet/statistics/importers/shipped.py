"""The datasets shipped in data/statistics/: metadata from datasets.json, rows from adapters.

Each adapter reads the publisher's file as copied (see its PROVENANCE.md) and yields tidy
rows; codes that are not countries are declared here on purpose, with their labels.
"""

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from django.conf import settings

from .base import (
    Companion,
    DatasetMeta,
    DerivationMeta,
    GeoLabel,
    ImportRefused,
    Row,
    read_columns,
    read_csv,
)
from .incidents import IncidentsCompanion
from .pipeline import meta_too_long
from .shipped_codes import SPECIAL, WHOLE_NUMBER, route_code
from .shipped_sums import (
    eurostat_asylum,
    frontex_detections,
    iom_missing_migrants,
    unhcr_applications,
    unhcr_decisions,
    unhcr_population,
)

__all__ = [
    "ADAPTERS",
    "shipped_companion",
    "SPECIAL",
    "STATISTICS_DIR",
    "route_code",
    "shipped_meta",
    "shipped_specs",
]

STATISTICS_DIR = Path(settings.DATA_DIR) / "statistics"


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
    """Every total is male + female, added by gdidata (checked here against its two terms)."""
    labels.update({"OOO": SPECIAL["OOO"]})
    path = files[0]
    name = str(path)
    columns = ("dest_iso3", "orig_iso3", "year", "total", "male", "female")
    for line, (destination, origin, year, total, male, female) in read_columns(path, columns):
        if total == "":
            continue
        terms = (total, male, female)
        if all(WHOLE_NUMBER.fullmatch(t) for t in terms) and int(male) + int(female) != int(total):
            raise ImportRefused(path, line, f"total {total} is not male {male} + female {female}")
        yield Row(
            name, line, "migrant_stock_bilateral", destination, origin, year, total, derived=True
        )


# --- World Bank --------------------------------------------------------------------------------

# File -> (indicator, value column, derived): the copy rounded US$ to whole dollars and
# computed the % of GDP (worldbank-wdi/PROVENANCE.md); persons are published whole.
WDI = {
    "remittances_received_usd": ("remittances_received_usd", "remittances_received_usd", True),
    "remittances_received_pct_gdp": ("remittances_received_pct_gdp", "remittances_pct_gdp", True),
    "population": ("population", "population", False),
    "gdp_current_usd": ("gdp_usd", "gdp_current_usd", True),
    "net_migration": ("net_migration", "net_migration", False),
}


def worldbank_wdi(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    for path in files:
        indicator, column, derived = WDI[path.name.removesuffix(".csv.gz").removesuffix(".csv")]
        for line, row in read_csv(path, {"iso3", "country_name", "year", column, "is_aggregate"}):
            if row["is_aggregate"] == "True":
                labels.setdefault(row["iso3"], GeoLabel("aggregate", row["country_name"]))
            if row[column] != "":
                yield Row(
                    str(path),
                    line,
                    indicator,
                    row["iso3"],
                    "",
                    row["year"],
                    row[column],
                    derived=derived,
                )


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


def _derivation(item: dict) -> DerivationMeta:
    return DerivationMeta(
        indicator=item["indicator"],
        derived_by=item["derived_by"],
        formula_en=item["formula"]["en"],
        formula_fr=item["formula"]["fr"],
        inputs_en=item["inputs"]["en"],
        inputs_fr=item["inputs"]["fr"],
    )


def shipped_meta(spec: dict) -> DatasetMeta:
    """A dataset's metadata as datasets.json declares it (its derivations included)."""
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
        derivations=[_derivation(item) for item in spec.get("derivations", [])],
        kosovo_in_serbia=spec["kosovo_in_serbia"],
    )
    reason = meta_too_long(meta)
    if reason:
        raise ImportRefused(STATISTICS_DIR / "datasets.json", None, f"{meta.slug}: {reason}")
    return meta


def shipped_companion(meta: DatasetMeta) -> Companion | None:
    """What a shipped import keeps beside its observations: IOM's incidents (the map's points)."""
    if meta.reader == "iom_missing_migrants":
        return IncidentsCompanion(meta.files[1])
    return None
