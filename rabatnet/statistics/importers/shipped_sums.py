"""Adapters of the shipped files whose figures are sums: UNHCR, Frontex, IOM, Eurostat.

A value is published when it is one figure of the publisher's file as released; a sum of
several (or a zero from none) is derived, and its dataset declares how (datasets.json,
"derivations"). Where the annual files are sums of finer ones shipped beside them (Frontex's
months, IOM's incidents, Eurostat's sexes), the finer file says which totals add several
figures, checks each total, and gives the months a partial year covers.
"""

from collections.abc import Iterator
from pathlib import Path

from .base import GeoLabel, ImportRefused, Row, read_columns
from .shipped_codes import SPECIAL, Sums, check_sum, partial_years, route

# UNHCR's app_pc / dec_pc: persons or cases, each its own indicator (never added together).
UNHCR_UNITS = {"P": "", "C": "_cases"}


def _unhcr_labels(labels: dict[str, GeoLabel]) -> None:
    labels.update({code: SPECIAL[code] for code in ("UNK", "XXA", "TIB")})


def _unit_suffix(path: Path, line: int, code: str) -> str:
    if code not in UNHCR_UNITS:
        raise ImportRefused(path, line, f"unit {code!r} is neither P (persons) nor C (cases)")
    return UNHCR_UNITS[code]


def unhcr_population(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    """Refugees by pair; refugees and asylum seekers hosted (all origins); refugees by origin."""
    _unhcr_labels(labels)
    path = files[0]
    pairs, hosted, seekers, originating = Sums(), Sums(), Sums(), Sums()
    columns = ("year", "origin_iso3", "asylum_iso3", "refugees", "asylum_seekers")
    for line, (year, origin, asylum, refugees, asylum_seekers) in read_columns(path, columns):
        pairs.add(path, line, (year, origin, asylum), refugees)
        hosted.add(path, line, (year, asylum), refugees)
        seekers.add(path, line, (year, asylum), asylum_seekers)
        originating.add(path, line, (year, origin), refugees)
    name = str(path)
    for (year, origin, asylum), pair in pairs.groups.items():
        if pair.total:
            line = pairs.first[(year, origin, asylum)]
            yield Row(
                name,
                line,
                "refugees_bilateral",
                asylum,
                origin,
                year,
                str(pair.total),
                derived=pair.derived,
            )
    for indicator, sums in (("refugees_hosted", hosted), ("asylum_seekers_hosted", seekers)):
        for (year, asylum), total in sums.groups.items():
            yield Row(
                name,
                sums.first[(year, asylum)],
                indicator,
                asylum,
                "",
                year,
                str(total.total),
                derived=total.derived,
            )
    for (year, origin), total in originating.groups.items():
        yield Row(
            name,
            originating.first[(year, origin)],
            "refugees_originating",
            origin,
            "",
            year,
            str(total.total),
            derived=total.derived,
        )


def _unhcr_bilateral(path: Path, unit_column: str, columns: dict[str, str]) -> Iterator[Row]:
    """Sums of ``columns`` (column -> indicator) by year, origin, asylum and unit."""
    sums = {column: Sums() for column in columns}
    names = ("year", "origin_iso3", "asylum_iso3", unit_column, *columns)
    for line, (year, origin, asylum, unit, *numbers) in read_columns(path, names):
        key = (year, origin, asylum, _unit_suffix(path, line, unit))
        for column, text in zip(columns, numbers, strict=True):
            sums[column].add(path, line, key, text)
    name = str(path)
    for column, indicator in columns.items():
        for (year, origin, asylum, suffix), total in sums[column].groups.items():
            yield Row(
                name,
                sums[column].first[(year, origin, asylum, suffix)],
                indicator + suffix,
                asylum,
                origin,
                year,
                str(total.total),
                derived=total.derived,
            )


def unhcr_applications(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    _unhcr_labels(labels)
    return _unhcr_bilateral(files[0], "app_pc", {"applied": "asylum_applications"})


def unhcr_decisions(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    _unhcr_labels(labels)
    columns = {"dec_total": "asylum_decisions_total", "dec_recognized": "asylum_recognitions"}
    return _unhcr_bilateral(files[0], "dec_pc", columns)


def _annual(
    path: Path,
    keys: tuple[str, ...],
    value: str,
    finer: Sums,
    covers: dict[str, str],
    indicator: str,
    labels: dict[str, GeoLabel],
) -> Iterator[Row]:
    """An annual file (route first, year last in ``keys``), each total checked against the
    finer file, derived when it adds several of its figures, flagged when the year is partial.
    """
    name = str(path)
    for line, (route_name, *others, year, number) in read_columns(path, (*keys, value)):
        total = finer.groups.get((route_name, *others, year))
        if total is None:
            raise ImportRefused(path, line, f"no figure of the finer file behind {number}")
        check_sum(path, line, number, total, "the finer file's figures")
        partner = others[0] if others else ""
        yield Row(
            name,
            line,
            indicator,
            route(route_name, labels),
            partner,
            year,
            number,
            derived=total.derived,
            covers=covers.get(year, ""),
        )


def frontex_detections(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    """Annual detections by route, in total and by nationality, from the monthly file's sums."""
    labels.update({code: SPECIAL[code] for code in ("OOO", "OOS", "STL")})
    totals, by_nationality, monthly = files
    by_route, by_route_nationality, months = Sums(), Sums(), []
    columns = ("route", "nationality_iso3", "month", "detections")
    for line, (route_name, nationality, month, detections) in read_columns(monthly, columns):
        months.append(month)
        by_route.add(monthly, line, (route_name, month[:4]), detections)
        by_route_nationality.add(monthly, line, (route_name, nationality, month[:4]), detections)
    covers = partial_years(months)
    yield from _annual(
        totals, ("route", "year"), "detections", by_route, covers, "border_detections", labels
    )
    yield from _annual(
        by_nationality,
        ("route", "nationality_iso3", "year"),
        "detections",
        by_route_nationality,
        covers,
        "border_detections",
        labels,
    )


def iom_missing_migrants(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    """Dead and missing by route and year, from the sums of the incidents file."""
    annual, incidents = files
    by_route, months = Sums(), []
    columns = ("route", "month", "dead_and_missing")
    for line, (route_name, month, dead_and_missing) in read_columns(incidents, columns):
        months.append(month)
        by_route.add(incidents, line, (route_name, month[:4]), dead_and_missing)
    yield from _annual(
        annual,
        ("route", "year"),
        "dead_and_missing",
        by_route,
        partial_years(months),
        "dead_and_missing",
        labels,
    )


def eurostat_asylum(files: list[Path], labels: dict[str, GeoLabel]) -> Iterator[Row]:
    """Applicants of all sexes: the annual file, each value checked against the by-sex file."""
    labels.update({code: SPECIAL[code] for code in ("EU27", "STL", "OOO")})
    annual, by_sex = files
    sexes = Sums()
    keys = ("geo_iso3", "citizenship_iso3", "year")
    for line, (geo, citizenship, year, applicants) in read_columns(by_sex, (*keys, "applicants")):
        sexes.add(by_sex, line, (geo, citizenship, year), applicants)
    name = str(annual)
    for line, (geo, citizenship, year, applicants) in read_columns(annual, (*keys, "applicants")):
        total = sexes.groups.get((geo, citizenship, year))
        if total is None:
            raise ImportRefused(annual, line, f"no figure of {by_sex.name} behind {applicants}")
        check_sum(annual, line, applicants, total, f"the figures of {by_sex.name}")
        yield Row(
            name,
            line,
            "asylum_applicants",
            geo,
            citizenship,
            year,
            applicants,
            derived=total.derived,
        )
