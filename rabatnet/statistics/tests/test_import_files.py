"""``import_dataset FILE``: tidy CSV, XLSX and SDMX-CSV files that are right.

Values are kept as published (``value_text``), codes in ISO alpha-2 (with Eurostat's EL, UK)
become alpha-3, metadata comes from options or a sidecar, re-importing changes nothing, and an
interrupted import leaves the database as it was.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management.base import CommandError
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from openpyxl import Workbook

from rabatnet.core.tests.narrowing import present

from ..importers import pipeline
from ..models import Dataset, Geo, Observation
from .import_support import META, TIDY_HEADER, counts, load_indicators, run, values, write_csv

pytestmark = pytest.mark.django_db

TIDY_ROWS = [
    ["migrant_stock_total", "SEN", "", "2020", "274929", "persons", ""],
    ["migrant_stock_total", "sn", "", "2024", "281032", "", ""],
    ["remittances_received_pct_gdp", "MAR", "", "2024", "7.8123", "percent", "e"],
    ["gdp_usd", "NGA", "", "2023", "363846332890123456789012", "usd", ""],
    ["net_migration", "ESP", "", "2023", "-0.5", "", ""],
    ["migrant_stock_bilateral", "ESP", "MAR", "2024", "0883471", "", ""],
    ["migrant_stock_bilateral", "FRA", "OOO", "2024", "12", "", ""],
    ["asylum_applicants", "EL", "SY", "2024", "14050", "", ""],
    ["asylum_applicants", "UK", "XXA", "2019", "35", "", ""],
    ["asylum_applicants", "DE", "XK", "2024-Q1", "5", "", ""],
    ["border_detections", "ITA", "NGA", "2024-03", "1250", "", ""],
]


@pytest.fixture(autouse=True)
def _indicators() -> None:
    load_indicators()


@pytest.fixture
def tidy(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "tidy.csv", TIDY_HEADER, TIDY_ROWS)


def test_tidy_csv_keeps_every_value_as_published(tidy: Path) -> None:
    out = run(str(tidy), *META)

    assert "test-file: 11 rows read, 11 observations written" in out
    got = {key: text for key, (_, text) in values("test-file").items()}
    assert got == {
        ("migrant_stock_total", "SEN", "", "2020"): "274929",
        ("migrant_stock_total", "SEN", "", "2024"): "281032",
        ("remittances_received_pct_gdp", "MAR", "", "2024"): "7.8123",
        ("gdp_usd", "NGA", "", "2023"): "363846332890123456789012",
        ("net_migration", "ESP", "", "2023"): "-0.5",
        ("migrant_stock_bilateral", "ESP", "MAR", "2024"): "0883471",
        ("migrant_stock_bilateral", "FRA", "OOO", "2024"): "12",
        ("asylum_applicants", "GRC", "SYR", "2024"): "14050",
        ("asylum_applicants", "GBR", "XXA", "2019"): "35",
        ("asylum_applicants", "DEU", "XKX", "2024-Q1"): "5",
        ("border_detections", "ITA", "NGA", "2024-03"): "1250",
    }
    pct = Observation.objects.get(indicator__code="remittances_received_pct_gdp")
    assert (pct.value, pct.flags, pct.year) == (Decimal("7.8123"), "e", 2024)
    big = Observation.objects.get(indicator__code="gdp_usd")
    assert big.value_text == "363846332890123456789012"  # 24 digits: exact, whatever the float
    quarter = Observation.objects.get(period="2024-Q1")
    assert quarter.year == 2024
    assert Observation.objects.get(period="2024-03").year == 2024


def test_non_country_codes_are_labelled_and_never_countries(tidy: Path) -> None:
    run(str(tidy), *META)

    unknown, stateless = Geo.objects.get(code="OOO"), Geo.objects.get(code="XXA")
    assert (unknown.kind, unknown.name, unknown.country) == ("unknown", "Other / unknown", None)
    assert (stateless.kind, stateless.country) == ("stateless", None)
    assert present(Geo.objects.get(code="GRC").country).iso3 == "GRC"
    assert Geo.objects.get(code="XKX").kind == "country"


def test_metadata_from_the_options(tidy: Path) -> None:
    run(
        str(tidy),
        *META,
        "--title-fr",
        "Jeu d'essai",
        "--frequency",
        "90",
        "--released",
        "2025-12-01",
    )

    dataset = Dataset.objects.get(slug="test-file")
    assert dataset.title_en == "Test dataset"
    assert dataset.title_fr == "Jeu d'essai"
    assert dataset.publisher.name == "Test Statistics Office"
    assert (dataset.revision, dataset.licence) == ("r1", "CC BY 4.0")
    assert dataset.retrieved_on == date(2026, 1, 15)
    assert dataset.released_on == date(2025, 12, 1)
    assert dataset.update_frequency == Dataset.Frequency.QUARTERLY
    assert len(dataset.files_sha256) == 64
    assert dataset.imported_at is not None


def test_metadata_from_a_sidecar_with_options_winning(tidy: Path) -> None:
    sidecar = {
        "dataset": "national-office-2025",
        "title": "Emigrants by destination",
        "title_fr": "Émigrés par destination",
        "publisher": "Agence nationale de la statistique et de la démographie",
        "publisher_acronym": "ANSD",
        "publisher_kind": "government",
        "revision": "2025 edition",
        "licence": "Licence ouverte 2.0",
        "source_url": "https://www.ansd.sn/",
        "retrieved": "2026-02-01",
        "released": "2025-11-30",
        "frequency": "annual",
        "caveats": "Provisional figures.",
    }
    Path(f"{tidy}.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")

    run(str(tidy), "--revision", "2025 edition, corrected")

    dataset = Dataset.objects.get(slug="national-office-2025")
    assert dataset.title_fr == "Émigrés par destination"
    assert (dataset.publisher.acronym, dataset.publisher.kind) == ("ANSD", "government")
    assert dataset.revision == "2025 edition, corrected"
    assert dataset.update_frequency == 365
    assert dataset.caveats_en == "Provisional figures."
    assert dataset.observations.count() == len(TIDY_ROWS)


def test_sidecar_named_with_meta(tidy: Path, tmp_path: Path) -> None:
    meta = tmp_path / "elsewhere.json"
    options = dict(zip(META[::2], META[1::2], strict=True))
    meta.write_text(json.dumps({k.removeprefix("--"): v for k, v in options.items()}))

    assert "11 observations written" in run(str(tidy), "--meta", str(meta))


def _workbook(path: Path, rows: list[list[object]], sheet: str = "data") -> Path:
    book = Workbook()
    book.active.title = "notes"
    book.active.append(["Read the data sheet."])
    data = book.create_sheet(sheet)
    for row in rows:
        data.append(row)
    book.save(path)
    return path


def test_xlsx_sheet_in_the_tidy_layout(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "stock.xlsx",
        [
            ["indicator", "country", "period", "value", "flags"],
            ["migrant_stock_total", "SEN", 2020, 274929, None],
            ["migrant_stock_total", "MA", 2024.0, 102358.0, "p"],
            ["remittances_received_pct_gdp", "GMB", "2024", 21.9813, None],
            ["remittances_received_pct_gdp", "CPV", "2024", "12.30", None],  # a text cell
            [None, None, None, None, None],  # blank rows are skipped
            ["population", "EL", 2024, "10400720", None],
        ],
    )

    out = run(str(path), *META, "--sheet", "data")

    assert "5 observations written" in out
    assert {key: text for key, (_, text) in values("test-file").items()} == {
        ("migrant_stock_total", "SEN", "", "2020"): "274929",
        ("migrant_stock_total", "MAR", "", "2024"): "102358",
        ("remittances_received_pct_gdp", "GMB", "", "2024"): "21.9813",
        ("remittances_received_pct_gdp", "CPV", "", "2024"): "12.30",
        ("population", "GRC", "", "2024"): "10400720",
    }
    assert Observation.objects.get(geo__code="MAR").flags == "p"


SDMX_HEADER = [
    "DATAFLOW",
    "LAST UPDATE",
    "freq",
    "unit",
    "citizen",
    "sex",
    "age",
    "geo",
    "TIME_PERIOD",
    "OBS_VALUE",
    "OBS_FLAG",
]


def _sdmx(path: Path) -> Path:
    row = ["ESTAT:MIGR_ASYAPPCTZA(1.0)", "20/03/25 23:00:00", "A", "PER"]
    return write_csv(
        path,
        SDMX_HEADER,
        [
            [*row, "SN", "T", "TOTAL", "EL", "2024", "1035", ""],
            [*row, "SN", "F", "TOTAL", "EL", "2024", "120", ""],
            [*row, "SN", "M", "TOTAL", "EL", "2024", "915", ""],
            [*row, "MA", "T", "TOTAL", "UK", "2019", "410", "e"],
            [*row, "SY", "T", "TOTAL", "DE", "2024", "76765", "p"],
            [*row, "STLS", "T", "TOTAL", "DE", "2024", "2015", ""],
            [*row, "ML", "T", "TOTAL", "EU27_2020", "2024", "17545", ""],
            [*row, "TOTAL", "T", "TOTAL", "DE", "2024", "250570", ""],
            [*row, "EXT_EU27_2020", "T", "TOTAL", "DE", "2024", "250555", ""],
            [*row, "GM", "T", "TOTAL", "IT", "2024", "", ":"],  # not available
        ],
    )


SDMX_OPTIONS = [
    "--indicator",
    "asylum_applicants",
    "--country-dim",
    "geo",
    "--partner-dim",
    "citizen",
    "--filter",
    "sex=T",
    "--exclude",
    "citizen=TOTAL",
    "--exclude",
    "citizen=EXT_EU27_2020",
]


def test_sdmx_csv_with_dimensions_filters_and_eurostat_codes(tmp_path: Path) -> None:
    path = _sdmx(tmp_path / "migr_asyappctza.csv")

    out = run(str(path), *META, *SDMX_OPTIONS)

    assert "5 observations written" in out
    assert {key: text for key, (_, text) in values("test-file").items()} == {
        ("asylum_applicants", "GRC", "SEN", "2024"): "1035",
        ("asylum_applicants", "GBR", "MAR", "2019"): "410",
        ("asylum_applicants", "DEU", "SYR", "2024"): "76765",
        ("asylum_applicants", "DEU", "STL", "2024"): "2015",
        ("asylum_applicants", "EU27", "MLI", "2024"): "17545",
    }
    assert Observation.objects.get(geo__code="GBR").flags == "e"
    assert Geo.objects.get(code="EU27").kind == "aggregate"
    assert Geo.objects.get(code="STL").kind == "stateless"


def test_same_file_again_changes_nothing(tidy: Path) -> None:
    run(str(tidy), *META)
    before, stamp = values("test-file"), Dataset.objects.get(slug="test-file").imported_at

    out = run(str(tidy), *META)

    assert out.strip() == "test-file: unchanged (same files as the last import)"
    assert values("test-file") == before  # same row ids, same values
    assert Dataset.objects.get(slug="test-file").imported_at == stamp


def test_force_imports_again(tidy: Path) -> None:
    run(str(tidy), *META)

    assert "11 observations written" in run(str(tidy), *META, "--force", "--replace")
    assert Observation.objects.count() == len(TIDY_ROWS)


def test_changed_file_replaces_the_observations(tidy: Path) -> None:
    run(str(tidy), *META)
    write_csv(
        tidy,
        TIDY_HEADER,
        [
            ["migrant_stock_total", "SEN", "", "2020", "274930", "", ""],
            ["migrant_stock_total", "MLI", "", "2020", "485829", "", ""],
        ],
    )

    assert "2 observations written" in run(str(tidy), *META, "--replace")
    assert {key: text for key, (_, text) in values("test-file").items()} == {
        ("migrant_stock_total", "SEN", "", "2020"): "274930",
        ("migrant_stock_total", "MLI", "", "2020"): "485829",
    }
    assert Dataset.objects.count() == 1


def test_same_file_read_another_way_is_not_unchanged(tmp_path: Path) -> None:
    path = _sdmx(tmp_path / "migr.csv")
    run(str(path), *META, *SDMX_OPTIONS)

    out = run(str(path), *META, *SDMX_OPTIONS, "--exclude", "citizen=SY", "--replace")

    assert "4 observations written" in out  # not "unchanged (same files as the last import)"
    assert "76765" not in [text for _, text in values("test-file").values()]


def _fail_on_second_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer dies after its first batch of 3 rows, as a full disk would."""
    monkeypatch.setattr(pipeline, "BATCH", 3)
    real, calls = CursorWrapper.executemany, []

    def executemany(self, sql, param_list):
        calls.append(sql)
        if len(calls) == 2:
            raise OperationalError("database or disk is full")
        return real(self, sql, param_list)

    monkeypatch.setattr(CursorWrapper, "executemany", executemany)


def test_interrupted_first_import_leaves_nothing_then_completes(
    tidy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts()
    with monkeypatch.context() as patch:
        _fail_on_second_batch(patch)
        with pytest.raises(CommandError, match="database or disk is full") as failure:
            run(str(tidy), *META)
    assert "was not changed" in str(failure.value)
    assert counts() == before

    assert "11 observations written" in run(str(tidy), *META)
    assert len(values("test-file")) == len(TIDY_ROWS)


def test_interrupted_reimport_keeps_the_old_observations(
    tidy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(str(tidy), *META)
    old, before = values("test-file"), counts()
    changed = [[*row[:4], str(100 + i), *row[5:]] for i, row in enumerate(TIDY_ROWS)]
    write_csv(tidy, TIDY_HEADER, changed)
    with monkeypatch.context() as patch:
        _fail_on_second_batch(patch)
        with pytest.raises(CommandError, match="database or disk is full"):
            run(str(tidy), *META, "--replace")
    assert values("test-file") == old  # same rows, same ids, same values
    assert counts() == before

    run(str(tidy), *META, "--replace")
    new = values("test-file")
    assert new.keys() == old.keys()
    assert sorted(text for _, text in new.values()) == [str(100 + i) for i in range(11)]


def test_progress_bars_show_rows_read_and_written(
    tidy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ..importers.files import file_import

    options = {
        f"meta_{k.removeprefix('--')}": v for k, v in zip(META[::2], META[1::2], strict=True)
    }
    file_import(tidy, options, show_progress=True)

    err = capsys.readouterr().err
    assert "rows read" in err
    assert "obs written" in err
