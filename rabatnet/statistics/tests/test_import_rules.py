"""What a file import checks against the indicators, and what it keeps of how it was read.

An SDMX-CSV import may not contradict the dimension values an indicator's definition implies,
a value may be negative only where the indicator allows it, a gzipped SDMX-CSV is read as
SDMX-CSV, and the options of the import are stored on the dataset.
"""

from pathlib import Path

import pytest
from django.core.management.base import CommandError

from ..models import Dataset, Indicator
from .factories import IndicatorFactory
from .import_support import META, TIDY_HEADER, counts, load_indicators, run, values, write_csv

pytestmark = pytest.mark.django_db

HEADER = ["DATAFLOW", "freq", "citizen", "sex", "age", "geo", "TIME_PERIOD", "OBS_VALUE"]
FLOW = ["ESTAT:MIGR_ASYAPPCTZA(1.0)", "A"]
ROWS = [
    [*FLOW, "SN", "T", "TOTAL", "EL", "2024", "1035"],  # line 2
    [*FLOW, "SN", "F", "TOTAL", "EL", "2024", "120"],  # line 3
    [*FLOW, "SN", "M", "TOTAL", "EL", "2024", "915"],  # line 4
    [*FLOW, "MA", "T", "TOTAL", "DE", "2024", "410"],  # line 5
]
READ = ["--indicator", "applicants", "--country-dim", "geo", "--partner-dim", "citizen"]


@pytest.fixture(autouse=True)
def _indicators() -> None:
    load_indicators()


@pytest.fixture
def applicants() -> Indicator:
    """An indicator whose definition covers both sexes together and every age."""
    return IndicatorFactory.create(
        code="applicants",
        partner_meaning="citizenship",
        implied_dimensions={"sex": ["T"], "age": ["TOTAL"]},
    )


def refused(path: Path, *args: str) -> str:
    before = counts()
    with pytest.raises(CommandError) as refusal:
        run(str(path), *META, *args)
    assert counts() == before
    assert str(refusal.value).endswith("Nothing was imported.")
    return str(refusal.value)


# --- Dimensions the definition implies ------------------------------------------------------


def test_a_filter_that_contradicts_the_definition_is_refused(tmp_path, applicants) -> None:
    path = write_csv(tmp_path / "migr.csv", HEADER, ROWS)

    message = refused(path, *READ, "--filter", "sex=F")

    assert message.startswith(
        f"{path}: --filter sex=F contradicts applicants, whose definition covers sex=T only"
    )


def test_an_implied_dimension_left_unpinned_is_refused_at_the_first_other_value(
    tmp_path, applicants
) -> None:
    path = write_csv(tmp_path / "migr.csv", HEADER, ROWS)

    message = refused(path, *READ)

    assert message.startswith(f"{path}, line 3: sex 'F': applicants covers sex=T only")
    assert "give --filter sex=T" in message


def test_filters_that_agree_with_the_definition_import(tmp_path, applicants) -> None:
    path = write_csv(tmp_path / "migr.csv", HEADER, ROWS)

    # age is not filtered: every row holds TOTAL, which the definition covers.
    assert "2 observations written" in run(str(path), *META, *READ, "--filter", "sex=T")
    assert {k: text for k, (_, text) in values("test-file").items()} == {
        ("applicants", "GRC", "SEN", "2024"): "1035",
        ("applicants", "DEU", "MAR", "2024"): "410",
    }


def test_excluding_the_other_values_is_as_good_as_a_filter(tmp_path, applicants) -> None:
    path = write_csv(tmp_path / "migr.csv", HEADER, ROWS)

    out = run(str(path), *META, *READ, "--exclude", "sex=F", "--exclude", "sex=M")

    assert "2 observations written" in out


def test_a_file_without_the_implied_dimension_imports(tmp_path, applicants) -> None:
    header = [h for h in HEADER if h != "sex"]
    rows = [row[:3] + row[4:] for row in ROWS if row[3] == "T"]
    path = write_csv(tmp_path / "migr.csv", header, rows)

    assert "2 observations written" in run(str(path), *META, *READ)


def test_an_indicator_without_implied_dimensions_takes_any_filter(tmp_path) -> None:
    IndicatorFactory.create(code="applicants", partner_meaning="citizenship")
    path = write_csv(tmp_path / "migr.csv", HEADER, ROWS)

    assert "1 observations written" in run(str(path), *META, *READ, "--filter", "sex=F")


# --- Negative values ------------------------------------------------------------------------


def test_a_negative_count_is_refused_with_its_line(tmp_path) -> None:
    path = write_csv(
        tmp_path / "stock.csv",
        TIDY_HEADER,
        [
            ["asylum_applicants", "DEU", "SYR", "2024", "76765", "", ""],
            ["asylum_applicants", "DEU", "AFG", "2024", "-5", "", ""],
        ],
    )

    message = refused(path)

    assert message.startswith(
        f"{path}, line 3: value '-5' is negative; asylum_applicants does not allow negative values"
    )


def test_negative_values_where_the_indicator_allows_them(tmp_path) -> None:
    IndicatorFactory.create(code="net_flow", allows_negative=True)
    path = write_csv(
        tmp_path / "flows.csv",
        TIDY_HEADER,
        [
            ["net_flow", "SEN", "", "2024", "-5", "", ""],
            ["population", "SEN", "", "2024", "-0", "", ""],  # minus zero is not negative
        ],
    )

    assert "2 observations written" in run(str(path), *META)


# --- Gzipped SDMX-CSV -------------------------------------------------------------------------


def test_a_gzipped_sdmx_csv_is_read_as_sdmx_csv(tmp_path, applicants) -> None:
    path = write_csv(tmp_path / "migr.csv.gz", HEADER, ROWS)

    out = run(str(path), *META, *READ, "--filter", "sex=T")

    assert "2 observations written" in out
    assert Dataset.objects.get(slug="test-file").import_options["format"] == "sdmx-csv"


# --- The options, stored with the dataset ----------------------------------------------------


def test_the_options_of_an_sdmx_import_are_stored(tmp_path, applicants) -> None:
    path = write_csv(tmp_path / "migr.csv", HEADER, ROWS)
    extra = ["--filter", "sex=T", "--filter", "age=TOTAL", "--exclude", "citizen=TOTAL"]

    run(str(path), *META, *READ, *extra)

    assert Dataset.objects.get(slug="test-file").import_options == {
        "format": "sdmx-csv",
        "indicator": "applicants",
        "country_dim": "geo",
        "partner_dim": "citizen",
        "filter": ["sex=T", "age=TOTAL"],
        "exclude": ["citizen=TOTAL"],
    }


def test_the_options_of_a_tidy_and_an_xlsx_import_are_stored(tmp_path) -> None:
    from openpyxl import Workbook

    tidy = write_csv(
        tmp_path / "t.csv", TIDY_HEADER, [["population", "SEN", "", "2024", "1", "", ""]]
    )
    run(str(tidy), *META)
    assert Dataset.objects.get(slug="test-file").import_options == {"format": "tidy"}

    book = Workbook()
    book.active.title = "data"
    book.active.append(["indicator", "country", "period", "value"])
    book.active.append(["population", "SEN", 2024, 2])
    book.save(tmp_path / "t.xlsx")
    run(str(tmp_path / "t.xlsx"), *META, "--sheet", "data", "--replace")
    assert Dataset.objects.get(slug="test-file").import_options == {
        "format": "xlsx",
        "sheet": "data",
    }
