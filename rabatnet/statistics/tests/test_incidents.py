"""IOM's incidents stored by the IOM import: in the same transaction as the observations,
replaced with the dataset, a bad row refused with its line and column and nothing written."""

from datetime import date
from pathlib import Path

import pytest

from ..importers.base import GeoLabel, ImportRefused
from ..importers.incidents import IncidentsCompanion
from ..importers.pipeline import run_import
from ..importers.shipped import (
    ADAPTERS,
    shipped_companion,
    shipped_meta,
    shipped_specs,
)
from ..models import Dataset, Incident, Observation
from .import_support import counts, load_indicators, write_csv

pytestmark = pytest.mark.django_db

HEADER = [
    "date",
    "month",
    "incident_type",
    "route",
    "country_iso3",
    "dead_and_missing",
    "survivors",
    "cause",
    "origin_iso3",
    "location",
    "lat",
    "lon",
]
ROUTE = "Central Mediterranean Route"


def incident(day: str, dead: int, lat: str = "35.5", lon: str = "12.6") -> list[object]:
    return [day, day[:7], "Incident", ROUTE, "LBY", dead, "", "Drowning", "UNK", "at sea", lat, lon]


def iom_files(tmp_path: Path, rows: list[list[object]], total: int) -> list[Path]:
    annual = write_csv(
        tmp_path / "annual.csv", ["route", "year", "dead_and_missing"], [[ROUTE, 2024, total]]
    )
    return [annual, write_csv(tmp_path / "incidents.csv", HEADER, rows)]


def import_iom(files: list[Path]) -> None:
    load_indicators()
    meta = shipped_meta(shipped_specs()["iom-missing-migrants"])
    meta.slug, meta.files = "test-iom", files
    labels: dict[str, GeoLabel] = {}
    run_import(
        meta,
        lambda: ADAPTERS[meta.reader](meta.files, labels),
        labels=labels,
        replace=True,
        companion=shipped_companion(meta),
    )


def test_incidents_are_stored_with_their_line(tmp_path: Path) -> None:
    rows = [incident("2024-03-02", 2), incident("2024-05-09", 3, "33.1", "11.9")]
    import_iom(iom_files(tmp_path, rows, 5))
    stored = list(Incident.objects.filter(dataset__slug="test-iom").order_by("line"))
    assert [(i.date, i.dead_and_missing, i.lat, i.lon, i.line) for i in stored] == [
        (date(2024, 3, 2), 2, 35.5, 12.6, 2),
        (date(2024, 5, 9), 3, 33.1, 11.9, 3),
    ]
    assert stored[0].route == ROUTE and stored[0].country_iso3 == "LBY"


def test_a_new_import_replaces_the_incidents(tmp_path: Path) -> None:
    import_iom(iom_files(tmp_path, [incident("2024-03-02", 2), incident("2024-03-04", 3)], 5))
    import_iom(iom_files(tmp_path, [incident("2024-03-02", 7)], 7))
    assert list(
        Incident.objects.filter(dataset__slug="test-iom").values_list("dead_and_missing", flat=True)
    ) == [7]
    Dataset.objects.filter(slug="test-iom").delete()
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (incident("2024-03-04", 3, lat="95.2"), "lat"),
        (incident("2024-03-04", 3, lon="east"), "lon"),
        (incident("2024-03-04", 3, lon="nan"), "lon"),
        (incident("2024-13-04", 3), "date"),
    ],
)
def test_a_bad_row_is_refused_with_its_line_and_column(
    tmp_path: Path, row: list[object], column: str
) -> None:
    import_iom(iom_files(tmp_path, [incident("2024-03-02", 2)], 2))
    before = counts() | {"Incident": Incident.objects.count()}
    observations = list(Observation.objects.filter(dataset__slug="test-iom").values("value_text"))
    with pytest.raises(ImportRefused) as refusal:
        import_iom(iom_files(tmp_path, [incident("2024-03-02", 2), row], 5))
    assert refusal.value.line == 3
    assert refusal.value.reason.startswith(f"column {column}:")
    assert counts() | {"Incident": Incident.objects.count()} == before
    assert list(Observation.objects.filter(dataset__slug="test-iom").values("value_text")) == (
        observations
    )


def test_a_failed_incident_write_leaves_the_observations_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing: the incidents are written in the observations' transaction."""
    import_iom(iom_files(tmp_path, [incident("2024-03-02", 2)], 2))
    before = counts() | {"Incident": Incident.objects.count()}

    def broken(self: IncidentsCompanion, dataset: Dataset) -> int:
        Incident.objects.filter(dataset=dataset).delete()
        raise RuntimeError("disk full")

    monkeypatch.setattr(IncidentsCompanion, "write", broken)
    with pytest.raises(RuntimeError):
        import_iom(iom_files(tmp_path, [incident("2024-03-02", 9)], 9))
    assert counts() | {"Incident": Incident.objects.count()} == before
    assert Observation.objects.get(dataset__slug="test-iom").value_text == "2"


def test_an_import_made_before_incidents_were_kept_is_done_again(tmp_path: Path) -> None:
    files = iom_files(tmp_path, [incident("2024-03-02", 2)], 2)
    import_iom(files)
    Incident.objects.all().delete()
    import_iom(files)  # the same files: unchanged, but the incidents are missing
    assert Incident.objects.filter(dataset__slug="test-iom").count() == 1
