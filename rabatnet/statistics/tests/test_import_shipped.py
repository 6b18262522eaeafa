"""The shipped datasets as imported, checked against the source files digit for digit.

The module imports the datasets once (UNHCR's population only among the big UNHCR files)
and removes all it created at the end, so other test modules start from the same database.
The expected values are read here from the gzip CSVs with the standard library alone.
"""

import csv
import gzip
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from rabatnet.core.tests.narrowing import present

from ..importers.base import DatasetMeta
from ..importers.pipeline import run_import
from ..importers.shipped import ADAPTERS, route_code, shipped_meta, shipped_specs
from ..models import Geo, Observation
from .import_support import STATISTICS_DIR, remove_created, run, snapshot, source_rows

pytestmark = pytest.mark.django_db

SLUGS = [
    "undesa-ims-2024-destination",
    "undesa-ims-2024-origin",
    "undesa-ims-2024-bilateral",
    "worldbank-wdi",
    "unhcr-population",
    "frontex-detections",
    "iom-missing-migrants",
    "eurostat-asylum-applicants",
]
UNDESA = "undesa-international-migrant-stock-2024/"


@pytest.fixture(scope="module", autouse=True)
def _shipped(django_db_setup, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        before = snapshot()
        try:
            for slug in SLUGS:
                run(slug)
        except BaseException:
            remove_created(before)
            raise
    yield
    with django_db_blocker.unblock():
        remove_created(before)


def imported(slug: str, indicator: str) -> dict[tuple[str, str, str], str]:
    """(country, partner, period) -> value as published, for one indicator of a dataset."""
    rows = Observation.objects.filter(dataset__slug=slug, indicator__code=indicator)
    return {
        (geo, partner or "", period): text
        for geo, partner, period, text in rows.values_list(
            "geo__code", "partner__code", "period", "value_text"
        )
    }


def test_undesa_destination_equals_the_file() -> None:
    columns = {
        "migrants_total": "migrant_stock_total",
        "female_pct_of_migrants": "migrant_stock_female_pct",
        "migrants_pct_of_population": "migrant_stock_pct_population",
    }
    expected: dict[str, dict] = defaultdict(dict)
    for row in source_rows(UNDESA + "migrant_stock_by_destination.csv.gz"):
        code = row["iso3"] if row["is_country"] == "True" else f"M49-{row['m49']}"
        for column, indicator in columns.items():
            if row[column]:
                expected[indicator][(code, "", row["year"])] = row[column]
    for indicator, values in expected.items():
        assert imported("undesa-ims-2024-destination", indicator) == values

    totals = imported("undesa-ims-2024-destination", "migrant_stock_total")
    assert totals[("M49-900", "", "2024")] == "304021813"  # the world, as UN DESA publishes it
    assert totals[("SEN", "", "2024")] == expected["migrant_stock_total"][("SEN", "", "2024")]


def test_undesa_aggregates_and_unknown_origin_are_labelled() -> None:
    world, africa = Geo.objects.get(code="M49-900"), Geo.objects.get(code="M49-914")
    assert (world.kind, world.name, world.country) == ("aggregate", "World", None)
    assert (africa.kind, africa.name) == ("aggregate", "Western Africa")
    other = Geo.objects.get(code="M49-2003")
    assert (other.kind, other.name, other.country) == ("unknown", "OTHER", None)
    emigrants = imported("undesa-ims-2024-origin", "emigrant_stock_total")
    assert emigrants[("M49-2003", "", "1990")] == "13071655"


def test_undesa_bilateral_equals_the_file() -> None:
    expected = {
        (row["dest_iso3"], row["orig_iso3"], row["year"]): row["total"]
        for row in source_rows(UNDESA + "migrant_stock_bilateral.csv.gz")
        if row["total"]
    }

    got = imported("undesa-ims-2024-bilateral", "migrant_stock_bilateral")

    assert got == expected
    assert len(got) == 76648
    assert got[("FRA", "SEN", "2024")] == "176632"
    unknown = Geo.objects.get(code="OOO")
    assert (unknown.kind, unknown.name, unknown.country) == ("unknown", "Other / unknown", None)


WDI = {
    "remittances_received_usd": ("remittances_received_usd", "remittances_received_usd"),
    "remittances_received_pct_gdp": ("remittances_received_pct_gdp", "remittances_pct_gdp"),
    "population": ("population", "population"),
    "gdp_current_usd": ("gdp_usd", "gdp_current_usd"),
    "net_migration": ("net_migration", "net_migration"),
}


@pytest.mark.parametrize("name", WDI)
def test_world_bank_equals_the_file(name: str) -> None:
    indicator, column = WDI[name]
    rows = source_rows(f"worldbank-wdi/{name}.csv.gz")
    expected = {(r["iso3"], "", r["year"]): r[column] for r in rows if r[column]}

    assert imported("worldbank-wdi", indicator) == expected
    for row in rows[:: max(1, len(rows) // 40)]:  # the kind of every code, on a sample
        geo = Geo.objects.get(code=row["iso3"])
        if row["is_aggregate"] == "True":
            assert (geo.kind, geo.name, geo.country) == ("aggregate", row["country_name"], None)
        else:
            assert geo.kind == "country"
            assert present(geo.country).iso3 == row["iso3"]


def test_world_bank_examples_from_the_provenance() -> None:
    pct = imported("worldbank-wdi", "remittances_received_pct_gdp")
    assert pct[("SEN", "", "2023")] == "10.6434"
    assert pct[("SEN", "", "2022")] == "10.476"  # as published: no trailing zero added
    world = Geo.objects.get(code="WLD")
    assert (world.kind, world.name, world.country) == ("aggregate", "World", None)
    assert Geo.objects.get(code="SSF").name == "Sub-Saharan Africa"


def test_unhcr_population_sums_equal_the_file() -> None:
    hosted: dict = defaultdict(lambda: [0, 0])
    originating: dict = defaultdict(int)
    pairs: dict = defaultdict(int)
    for row in source_rows("unhcr-refugee-statistics/population.csv.gz"):
        refugees = int(row["refugees"] or 0)
        hosted[(row["asylum_iso3"], "", row["year"])][0] += refugees
        hosted[(row["asylum_iso3"], "", row["year"])][1] += int(row["asylum_seekers"] or 0)
        originating[(row["origin_iso3"], "", row["year"])] += refugees
        pairs[(row["asylum_iso3"], row["origin_iso3"], row["year"])] += refugees

    slug = "unhcr-population"
    assert imported(slug, "refugees_hosted") == {k: str(v[0]) for k, v in hosted.items()}
    assert imported(slug, "asylum_seekers_hosted") == {k: str(v[1]) for k, v in hosted.items()}
    assert imported(slug, "refugees_originating") == {k: str(v) for k, v in originating.items()}
    assert imported(slug, "refugees_bilateral") == {k: str(v) for k, v in pairs.items() if v}


def test_unhcr_special_codes_are_labelled() -> None:
    labels = {g.code: (g.kind, g.country) for g in Geo.objects.filter(code__in=["XXA", "UNK"])}
    assert labels == {"XXA": ("stateless", None), "UNK": ("unknown", None)}
    stateless = imported("unhcr-population", "refugees_originating")
    assert any(code == "XXA" for code, _, _ in stateless)


def test_eurostat_equals_the_file() -> None:
    expected = {
        (r["geo_iso3"], r["citizenship_iso3"], r["year"]): r["applicants"]
        for r in source_rows("eurostat-asylum-applicants/asylum_applicants_annual.csv.gz")
    }

    got = imported("eurostat-asylum-applicants", "asylum_applicants")

    assert got == expected
    assert got[("DEU", "AFG", "2024")] == "36115"
    kinds = dict(Geo.objects.filter(code__in=["EU27", "STL", "OOO"]).values_list("code", "kind"))
    assert kinds == {"EU27": "aggregate", "STL": "stateless", "OOO": "unknown"}


def test_frontex_and_iom_routes() -> None:
    frontex = "frontex-illegal-border-crossings/"
    expected = {
        (route_code(r["route"]), "", r["year"]): r["detections"]
        for r in source_rows(frontex + "detections_annual_by_route.csv.gz")
    }
    expected |= {
        (route_code(r["route"]), r["nationality_iso3"], r["year"]): r["detections"]
        for r in source_rows(frontex + "detections_annual_by_route_nationality.csv.gz")
    }
    got = imported("frontex-detections", "border_detections")
    assert got == expected
    assert got[("route-western-african", "", "2023")] == "39673"

    dead = imported("iom-missing-migrants", "dead_and_missing")
    assert dead[("route-central-mediterranean", "", "2023")] == "2526"
    route = Geo.objects.get(code="route-western-african")
    assert (route.kind, route.name, route.country) == ("route", "Western African Route", None)
    assert Geo.objects.get(code="OOS").kind == "unknown"


def test_no_code_that_is_not_a_country_has_a_country() -> None:
    others = Geo.objects.exclude(kind=Geo.Kind.COUNTRY)
    assert others.filter(country__isnull=False).count() == 0
    assert set(others.values_list("kind", flat=True)) == {
        "aggregate",
        "unknown",
        "stateless",
        "route",
    }
    assert not Geo.objects.filter(kind=Geo.Kind.COUNTRY, country__isnull=True).exists()
    mixed = Geo.objects.filter(code__startswith="M49-", kind=Geo.Kind.COUNTRY)
    assert not mixed.exists()


def test_everything_fits_the_columns_on_every_database() -> None:
    """SQLite does not enforce lengths, PostgreSQL does: checked here on both."""
    for spec in shipped_specs().values():
        shipped_meta(spec)  # refuses metadata longer than its column
    assert not Geo.objects.filter(code__regex=r"^.{41,}$").exists()
    assert not Geo.objects.filter(name__regex=r"^.{151,}$").exists()
    assert not Observation.objects.filter(value_text__regex=r"^.{41,}$").exists()


def test_value_is_the_published_number_without_drift() -> None:
    """Shipped values fit ``value`` exactly, on SQLite too (at most 15 significant digits)."""
    drifted = [
        (text, value)
        for value, text in Observation.objects.values_list("value", "value_text").iterator(
            chunk_size=20_000
        )
        if Decimal(text) != value
    ]
    assert drifted == []


def test_importing_again_changes_nothing() -> None:
    before = set(Observation.objects.values_list("pk", flat=True))

    out = run("worldbank-wdi")

    assert out.strip() == "worldbank-wdi: unchanged (same files as the last import)"
    assert set(Observation.objects.values_list("pk", flat=True)) == before


def _extract(tmp_path: Path, relative: str, lines: int) -> Path:
    """The header and the first ``lines`` rows of a shipped file, gzip-compressed."""
    with gzip.open(STATISTICS_DIR / relative, "rt", encoding="utf-8", newline="") as handle:
        head = [next(handle) for _ in range(lines + 1)]
    path = tmp_path / Path(relative).name
    path.write_bytes(gzip.compress("".join(head).encode()))
    return path


@pytest.mark.parametrize(
    ("slug", "relative", "unit", "columns"),
    [
        (
            "unhcr-asylum-applications",
            "unhcr-refugee-statistics/asylum_applications.csv.gz",
            "app_pc",
            {"applied": "asylum_applications"},
        ),
        (
            "unhcr-asylum-decisions",
            "unhcr-refugee-statistics/asylum_decisions.csv.gz",
            "dec_pc",
            {"dec_total": "asylum_decisions_total", "dec_recognized": "asylum_recognitions"},
        ),
    ],
)
def test_unhcr_applications_and_decisions_sum_as_the_file(
    tmp_path: Path, slug: str, relative: str, unit: str, columns: dict[str, str]
) -> None:
    """The adapters on the first 5,000 rows of the real files (the whole ones are big): persons
    (P) and cases (C) summed apart, into an indicator each."""
    path = _extract(tmp_path, relative, 5000)
    spec = shipped_specs()[slug]
    meta: DatasetMeta = shipped_meta(spec)
    meta.slug, meta.files = f"{slug}-extract", [path]
    labels: dict = {}

    run_import(meta, lambda: ADAPTERS[spec["adapter"]]([path], labels), labels=labels)

    suffix = {"P": "", "C": "_cases"}
    sums: dict = defaultdict(lambda: defaultdict(int))
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["asylum_iso3"], row["origin_iso3"], row["year"])
            for column, indicator in columns.items():
                sums[indicator + suffix[row[unit]]][key] += int(row[column] or 0)
    assert len(sums) == 2 * len(columns)  # the extract has both units
    for indicator, expected in sums.items():
        assert imported(meta.slug, indicator) == {k: str(v) for k, v in expected.items()}
