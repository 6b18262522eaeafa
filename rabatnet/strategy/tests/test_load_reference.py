"""``load_reference``: idempotent, applies edits, refuses bad files without writing anything."""

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from rabatnet.countries.models import Country, Membership
from rabatnet.strategy.models import Framework, Objective, Pillar, Theme

REFERENCE = settings.DATA_DIR / "reference"
COUNTRIES = REFERENCE / "countries.csv"
MEMBERS = Path(settings.DIALOGUE_MEMBERS_FILE)
PERIODS = Path(settings.DIALOGUE_MEMBERSHIP_PERIODS_FILE)
FRAMEWORK = Path(settings.DIALOGUE_FRAMEWORK_FILE)


def _load(*args: str) -> str:
    out = io.StringIO()
    call_command("load_reference", *args, stdout=out)
    return out.getvalue()


def _snapshot() -> dict[str, list]:
    """Everything the command writes, in a comparable form."""
    return {
        "countries": list(
            Country.objects.order_by("iso3").values_list(
                "iso3",
                "iso2",
                "name_en",
                "name_fr",
                "name_pt",
                "official_name_fr",
                "region",
                "subregion",
                "intermediate_region",
                "is_independent",
            )
        ),
        "memberships": list(
            Membership.objects.order_by("country__iso3", "status").values_list(
                "country__iso3", "status", "side", "group", "started_year", "ended_year", "note"
            )
        ),
        "frameworks": list(Framework.objects.values_list("slug", "name_en", "version")),
        "pillars": list(Pillar.objects.values_list("number", "title_en", "title_fr")),
        "objectives": list(Objective.objects.values_list("number", "pillar__number", "title_en")),
        "themes": list(Theme.objects.values_list("slug", "objective__number", "title_fr")),
    }


def _rewrite_csv(
    source: Path, target: Path, change: Callable[[list[dict[str, str]]], list[str] | None]
) -> Path:
    """Copy ``source`` to ``target`` through ``change`` (which edits rows, may return columns)."""
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])
        rows = list(reader)
    columns = change(rows) or columns
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return target


def _line_of(path: Path, iso3: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(f"{iso3},"))


def _set(rows: list[dict[str, str]], code: str, /, **values: str) -> None:
    row = next(r for r in rows if r["iso3"] == code)
    row.update(values)


@pytest.fixture
def edited_countries(tmp_path: Path) -> Path:
    """The countries table with one value changed: Senegal's intermediate region."""
    return _rewrite_csv(
        COUNTRIES,
        tmp_path / "countries.csv",
        lambda rows: _set(rows, "SEN", intermediate_region="West Africa"),
    )


@pytest.mark.django_db
def test_second_run_duplicates_nothing():
    before = _snapshot()

    output = _load()

    assert "countries: 0 created, 0 updated, 251 unchanged" in output
    assert "memberships: 0 created, 0 updated, 62 unchanged" in output
    assert "strategy framework: 0 created, 0 updated, 18 unchanged" in output
    assert _snapshot() == before
    assert Country.objects.count() == 251
    assert Membership.objects.count() == 62


@pytest.mark.django_db
def test_an_edited_value_in_the_countries_file_is_applied(edited_countries):
    output = _load("--countries", str(edited_countries))

    assert "countries: 0 created, 1 updated, 250 unchanged" in output
    assert Country.objects.get(iso3="SEN").intermediate_region == "West Africa"
    assert Country.objects.get(iso3="GMB").intermediate_region == "Western Africa"
    assert Country.objects.count() == 251


@pytest.mark.django_db
def test_a_new_member_is_added_and_a_dropped_one_removed(tmp_path):
    def change(rows: list[dict[str, str]]) -> None:
        rows.append({**rows[-1], "iso3": "BRA", "status": "observer", "note": "test"})
        rows[:] = [r for r in rows if r["iso3"] != "ISL"]

    # Same file name: the name is recorded as each membership's source.
    members = _rewrite_csv(MEMBERS, tmp_path / MEMBERS.name, change)

    output = _load("--members", str(members))

    assert "memberships: 1 created, 0 updated, 61 unchanged, 1 removed" in output
    assert Membership.objects.get(country__iso3="BRA").status == Membership.Status.OBSERVER
    assert not Membership.objects.filter(country__iso3="ISL").exists()


def _unknown_member(tmp_path: Path) -> tuple[list[str], list[str]]:
    path = _rewrite_csv(
        MEMBERS, tmp_path / "members.csv", lambda rows: _set(rows, "SEN", iso3="ZZZ")
    )
    line = _line_of(path, "ZZZ")
    return ["--members", str(path)], [str(path), f"line {line}", "unknown country code 'ZZZ'"]


def _missing_column(tmp_path: Path) -> tuple[list[str], list[str]]:
    def drop_status(rows: list[dict[str, str]]) -> list[str]:
        return [c for c in rows[0] if c != "status"]

    path = _rewrite_csv(MEMBERS, tmp_path / "members.csv", drop_status)
    return ["--members", str(path)], [str(path), "missing columns status"]


def _two_digit_year(tmp_path: Path) -> tuple[list[str], list[str]]:
    def shorten(rows: list[dict[str, str]]) -> None:
        rows[1]["started_year"] = "14"

    path = _rewrite_csv(PERIODS, tmp_path / "periods.csv", shorten)
    return ["--periods", str(path)], [str(path), "line 3", "'14' is not a four-digit year"]


def _unknown_status(tmp_path: Path) -> tuple[list[str], list[str]]:
    path = _rewrite_csv(
        MEMBERS, tmp_path / "members.csv", lambda rows: _set(rows, "MLI", status="member")
    )
    line = _line_of(path, "MLI")
    return ["--members", str(path)], [str(path), f"line {line}", "unknown membership status"]


def _unknown_group(tmp_path: Path) -> tuple[list[str], list[str]]:
    path = _rewrite_csv(
        MEMBERS, tmp_path / "members.csv", lambda rows: _set(rows, "GHA", group="Martian state")
    )
    return ["--members", str(path)], [str(path), "GHA", "unknown group 'Martian state'"]


def _broken_json(tmp_path: Path) -> tuple[list[str], list[str]]:
    path = tmp_path / "framework.json"
    path.write_text(FRAMEWORK.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    return ["--framework", str(path)], [str(path), "not a valid framework file"]


def _unknown_pillar(tmp_path: Path) -> tuple[list[str], list[str]]:
    spec = json.loads(FRAMEWORK.read_text(encoding="utf-8"))
    spec["objectives"][2]["pillar"] = 7
    spec["pillars"][0]["title"]["en"] = "Changed before the error"
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return ["--framework", str(path)], [str(path), "objective 3", "unknown pillar 7"]


def _missing_english_title(tmp_path: Path) -> tuple[list[str], list[str]]:
    spec = json.loads(FRAMEWORK.read_text(encoding="utf-8"))
    del spec["themes"][1]["title"]["en"]
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return ["--framework", str(path)], [str(path), "border-management", "English text"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad_file",
    [
        _unknown_member,
        _missing_column,
        _two_digit_year,
        _unknown_status,
        _unknown_group,
        _broken_json,
        _unknown_pillar,
        _missing_english_title,
    ],
)
def test_a_bad_file_is_refused_by_name_and_nothing_changes(tmp_path, edited_countries, bad_file):
    args, expected = bad_file(tmp_path)
    before = _snapshot()

    # The edited countries file is loaded first, so its change must be rolled back too.
    with pytest.raises(CommandError) as error:
        _load("--countries", str(edited_countries), *args)

    message = str(error.value)
    for fragment in expected:
        assert fragment in message
    assert "Nothing was loaded" in message
    assert _snapshot() == before
    assert Country.objects.get(iso3="SEN").intermediate_region == "Western Africa"


@pytest.mark.django_db
def test_a_bad_code_late_in_the_countries_file_undoes_the_rows_before_it(tmp_path):
    def change(rows: list[dict[str, str]]) -> None:
        _set(rows, "SEN", intermediate_region="West Africa")
        _set(rows, "ZWE", iso3="zwe")

    path = _rewrite_csv(COUNTRIES, tmp_path / "countries.csv", change)
    before = _snapshot()

    with pytest.raises(CommandError, match=r"line 252: bad iso3 'zwe'"):
        _load("--countries", str(path))

    assert _snapshot() == before


@pytest.mark.django_db
def test_a_missing_periods_file_is_refused_not_skipped(tmp_path):
    """Skipping it would delete Libya's and Egypt's earlier periods."""
    missing = tmp_path / "no-such-periods.csv"
    before = _snapshot()

    with pytest.raises(CommandError) as error:
        _load("--periods", str(missing))

    assert str(missing) in str(error.value)
    assert _snapshot() == before
    assert Membership.objects.filter(country__iso3="LBY").count() == 2


@pytest.mark.django_db
def test_a_missing_file_is_named(tmp_path):
    missing = tmp_path / "absent.csv"

    with pytest.raises(CommandError, match="cannot be read") as error:
        _load("--members", str(missing))

    assert str(missing) in str(error.value)


@pytest.mark.django_db
def test_unchanged_copies_of_the_files_change_nothing(tmp_path):
    """Copies of the shipped files, given by path, load exactly what the defaults loaded."""
    copies = [shutil.copy(f, tmp_path / f.name) for f in (COUNTRIES, MEMBERS, PERIODS, FRAMEWORK)]
    before = _snapshot()

    output = _load(
        "--countries",
        str(copies[0]),
        "--members",
        str(copies[1]),
        "--periods",
        str(copies[2]),
        "--framework",
        str(copies[3]),
    )

    lines = output.splitlines()
    assert len(lines) == 3
    assert all(": 0 created, 0 updated, " in line for line in lines)
    assert _snapshot() == before
