"""Helpers for the import tests: running the command, writing files, counting what exists."""

import csv
import gzip
import io
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from rabatnet.network.models import Organisation

from ..models import Dataset, Geo, Indicator, Observation
from ..services import indicators_load

STATISTICS_DIR = Path(settings.DATA_DIR) / "statistics"
META = [
    "--dataset",
    "test-file",
    "--title",
    "Test dataset",
    "--publisher",
    "Test Statistics Office",
    "--revision",
    "r1",
    "--licence",
    "CC BY 4.0",
    "--retrieved",
    "2026-01-15",
]
TIDY_HEADER = ["indicator", "country", "partner", "period", "value", "unit", "flags"]
# What an import may write: a refused or interrupted one leaves every count as it was.
MODELS = (Dataset, Observation, Geo, Indicator, Organisation, Organisation.history.model)


def load_indicators() -> None:
    indicators_load(path=STATISTICS_DIR / "indicators.json")


def run(*args: str) -> str:
    """``import_dataset ARGS --no-progress``; what it printed."""
    out = io.StringIO()
    call_command("import_dataset", *args, "--no-progress", stdout=out)
    return out.getvalue()


def write_csv(path: Path, header: list[str], rows: Iterable[Iterable[object]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def source_rows(relative: str) -> list[dict[str, str]]:
    """A shipped source file read with nothing but the standard library."""
    with gzip.open(STATISTICS_DIR / relative, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def values(slug: str) -> dict[tuple, tuple[int, str]]:
    """(indicator, geo, partner, period) -> (row id, value as published) for a dataset."""
    return {
        (o.indicator.code, o.geo.code, o.partner.code if o.partner else "", o.period): (
            o.pk,
            o.value_text,
        )
        for o in Observation.objects.filter(dataset__slug=slug).select_related(
            "indicator", "geo", "partner"
        )
    }


def snapshot() -> dict[type, set[int]]:
    return {model: set(model.objects.values_list("pk", flat=True)) for model in MODELS}


def remove_created(before: dict[type, set[int]]) -> None:
    """Delete what an import committed since ``snapshot()``, in an order PROTECT allows."""
    Dataset.objects.exclude(pk__in=before[Dataset]).delete()  # cascades to observations
    Geo.objects.exclude(pk__in=before[Geo]).delete()
    Indicator.objects.exclude(pk__in=before[Indicator]).delete()
    new_organisations = Organisation.objects.exclude(pk__in=before[Organisation])
    ids = list(new_organisations.values_list("pk", flat=True))
    new_organisations.delete()
    Organisation.history.filter(id__in=ids).delete()
