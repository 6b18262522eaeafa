"""What each shipped value is: its unit (persons or cases, never added together), published
or derived (with the derivation its dataset declares), and the part of a partial year.

The adapters are run on the shipped files without the database; the source files are read
here with the standard library alone.
"""

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from ..importers.base import ImportRefused
from ..importers.shipped import shipped_specs
from ..importers.shipped_codes import partial_years
from ..importers.shipped_sums import iom_missing_migrants, unhcr_applications
from .import_support import STATISTICS_DIR, source_rows, write_csv
from .shipped_rows import adapter_rows, by_key

UNHCR = "unhcr-refugee-statistics/"
INTERMEDIARIES = {
    "rabatnet",
    "IOM GMDAC (gdidata 0.3.21)",
    "rabatnet shared data (copy of 2026-11-21)",
}


def test_usa_venezuela_2020_persons_and_cases_are_two_indicators() -> None:
    """19,302 cases and 9,078 persons, once shown together as 28,380 persons."""
    rows = by_key("unhcr-asylum-applications")

    persons = rows[("asylum_applications", "USA", "VEN", "2020")]
    cases = rows[("asylum_applications_cases", "USA", "VEN", "2020")]

    assert (persons.value, persons.derived) == ("9078", True)  # 4,228 + 4,850, two rows
    assert (cases.value, cases.derived) == ("19302", False)  # one published row


@pytest.mark.parametrize(
    ("slug", "file", "unit", "columns"),
    [
        (
            "unhcr-asylum-applications",
            "asylum_applications",
            "app_pc",
            {"applied": "asylum_applications"},
        ),
        (
            "unhcr-asylum-decisions",
            "asylum_decisions",
            "dec_pc",
            {"dec_total": "asylum_decisions_total", "dec_recognized": "asylum_recognitions"},
        ),
    ],
)
def test_no_unhcr_value_adds_persons_and_cases(
    slug: str, file: str, unit: str, columns: dict[str, str]
) -> None:
    """Every value is the sum of the rows of one unit only; the groups that have both units
    (thousands of them) give two values, one per indicator."""
    suffix = {"P": "", "C": "_cases"}
    sums: dict = defaultdict(int)
    rows_behind: Counter = Counter()
    units: dict = defaultdict(set)
    for row in source_rows(f"{UNHCR}{file}.csv.gz"):
        group = (row["asylum_iso3"], row["origin_iso3"], row["year"])
        units[group].add(row[unit])
        for column, indicator in columns.items():
            key = (indicator + suffix[row[unit]], *group)
            sums[key] += int(row[column])
            rows_behind[key] += 1

    got = {(r.indicator, r.geo, r.partner, r.period): r for r in adapter_rows(slug)}

    assert {k: r.value for k, r in got.items()} == {k: str(v) for k, v in sums.items()}
    assert {k: r.derived for k, r in got.items()} == {k: n > 1 for k, n in rows_behind.items()}
    mixed = [group for group, seen in units.items() if seen == {"P", "C"}]
    assert len(mixed) > 4000  # 4,435 application groups, 4,770 decision groups
    for indicator in columns.values():
        for group in mixed[:50]:
            assert (indicator, *group) in got and (f"{indicator}_cases", *group) in got


def test_unhcr_hosted_and_originating_are_derived_where_they_add_rows() -> None:
    hosts: Counter = Counter()
    for row in source_rows(UNHCR + "population.csv.gz"):
        if row["refugees"]:
            hosts[(row["asylum_iso3"], row["year"])] += 1
    rows = [r for r in adapter_rows("unhcr-population") if r.indicator == "refugees_hosted"]

    assert {(r.geo, r.period): r.derived for r in rows} == {k: n > 1 for k, n in hosts.items()}
    senegal = by_key("unhcr-population")[("refugees_hosted", "SEN", "", "2024")]
    assert (senegal.value, senegal.derived) == ("11836", True)
    bilateral = [r for r in adapter_rows("unhcr-population") if r.indicator == "refugees_bilateral"]
    assert not any(r.derived for r in bilateral)  # one published row per pair


@pytest.mark.parametrize(
    ("slug", "indicator", "derived"),
    [
        ("undesa-ims-2024-destination", "migrant_stock_total", False),
        ("undesa-ims-2024-destination", "migrant_stock_pct_population", False),
        ("undesa-ims-2024-origin", "emigrant_stock_total", False),
        ("undesa-ims-2024-bilateral", "migrant_stock_bilateral", True),  # male + female
        ("worldbank-wdi", "remittances_received_pct_gdp", True),  # computed by the copy
        ("worldbank-wdi", "remittances_received_usd", True),  # rounded to whole dollars
        ("worldbank-wdi", "gdp_usd", True),
        ("worldbank-wdi", "population", False),
        ("worldbank-wdi", "net_migration", False),
    ],
)
def test_published_or_derived_for_every_value(slug: str, indicator: str, derived: bool) -> None:
    rows = [r for r in adapter_rows(slug) if r.indicator == indicator]
    assert rows
    assert {r.derived for r in rows} == {derived}


@pytest.mark.parametrize(
    ("slug", "annual", "finer", "keys", "group"),
    [
        (
            "eurostat-asylum-applicants",
            "eurostat-asylum-applicants/asylum_applicants_annual.csv.gz",
            "eurostat-asylum-applicants/asylum_applicants_annual_by_sex.csv.gz",
            ("geo_iso3", "citizenship_iso3", "year"),
            lambda r: (r["geo_iso3"], r["citizenship_iso3"], r["year"]),
        ),
        (
            "frontex-detections",
            "frontex-illegal-border-crossings/detections_annual_by_route_nationality.csv.gz",
            "frontex-illegal-border-crossings/detections_monthly_by_route_nationality.csv.gz",
            ("route", "nationality_iso3", "year"),
            lambda r: (r["route"], r["nationality_iso3"], r["month"][:4]),
        ),
        (
            "iom-missing-migrants",
            "iom-missing-migrants/dead_and_missing_annual_by_route.csv.gz",
            "iom-missing-migrants/incidents.csv.gz",
            ("route", "year"),
            lambda r: (r["route"], r["month"][:4]),
        ),
    ],
)
def test_annual_sums_of_the_copy_are_derived_where_they_add_figures(
    slug: str, annual: str, finer: str, keys: tuple[str, ...], group
) -> None:
    """Eurostat's male + female + unknown, Frontex's months, IOM's incidents: one figure
    behind a value is published, several are derived (by the copy)."""
    behind = Counter(group(row) for row in source_rows(finer))
    expected = [behind[tuple(row[k] for k in keys)] > 1 for row in source_rows(annual)]
    path = str(STATISTICS_DIR / annual)
    got = [r.derived for r in adapter_rows(slug) if r.path == path]

    assert got == expected
    assert True in got and False in got


def test_every_derived_value_has_its_dataset_s_derivation() -> None:
    """The indicators with derived values are exactly those whose derivation the dataset
    declares, by rabatnet or a named intermediary, in English and French."""
    for slug, spec in shipped_specs().items():
        declared = {item["indicator"]: item for item in spec["derivations"]}
        derived = {r.indicator for r in adapter_rows(slug) if r.derived}
        assert set(declared) == derived, slug
        for item in declared.values():
            assert item["derived_by"] in INTERMEDIARIES
            for text in (item["formula"], item["inputs"]):
                assert text["en"] and text["fr"] and text["en"] != text["fr"]


def test_partial_years_come_from_the_months() -> None:
    months = [f"2024-{m:02}" for m in range(1, 13)] + ["2025-01", "2025-04", "2025-02"]
    assert partial_years(months) == {"2025": "2025-01/2025-04"}
    assert partial_years(["2009-03", "2009-12"]) == {"2009": "2009-03/2009-12"}


@pytest.mark.parametrize("slug", ["frontex-detections", "iom-missing-migrants"])
def test_2025_covers_january_to_april_only(slug: str) -> None:
    covers = {(r.period, r.covers) for r in adapter_rows(slug)}

    assert {c for period, c in covers if period == "2025"} == {"2025-01/2025-04"}
    assert {c for period, c in covers if period != "2025"} == {""}
    western_african = (
        "route-western-african"
        if slug == "frontex-detections"
        else ("route-western-african-atlantic")
    )
    row = by_key(slug)[(adapter_rows(slug)[0].indicator, western_african, "", "2025")]
    assert row.covers == "2025-01/2025-04"


def test_a_unit_neither_persons_nor_cases_is_refused(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "asylum_applications.csv",
        ["year", "origin_iso3", "asylum_iso3", "app_pc", "applied"],
        [[2020, "VEN", "USA", "P", 5], [2020, "VEN", "USA", "X", 7]],
    )

    with pytest.raises(ImportRefused, match="line 3: unit 'X' is neither P .persons. nor C"):
        list(unhcr_applications([path], {}))


def test_an_annual_figure_that_is_not_the_sum_of_the_finer_file_is_refused(
    tmp_path: Path,
) -> None:
    annual = write_csv(
        tmp_path / "annual.csv", ["route", "year", "dead_and_missing"], [["Route A", 2024, 9]]
    )
    incidents = write_csv(
        tmp_path / "incidents.csv",
        ["route", "month", "dead_and_missing"],
        [["Route A", "2024-01", 3], ["Route A", "2024-05", 5]],
    )

    with pytest.raises(ImportRefused, match=r"line 2: 9 is not the sum of .* \(8\)"):
        list(iom_missing_migrants([annual, incidents], {}))
