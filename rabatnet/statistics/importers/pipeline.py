"""Check every row, then write the dataset in one transaction.

Nothing is written unless the whole input is valid; a refusal names the file, the
line and the reason. Importing the same files again changes nothing.
"""

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from rabatnet.network.models import Organisation

from ..models import Dataset, Geo, Indicator, Observation
from ..services import geo_countries_sync
from .base import DatasetMeta, GeoLabel, ImportRefused, Row

PERIOD = re.compile(r"^(\d{4})(-(0[1-9]|1[0-2]|Q[1-4]))?$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
BATCH = 5000


@dataclass
class ImportReport:
    dataset: str
    rows_read: int
    rows_written: int
    unchanged: bool
    seconds: float

    def __str__(self) -> str:
        if self.unchanged:
            return f"{self.dataset}: unchanged (same files as the last import)"
        return (
            f"{self.dataset}: {self.rows_read} rows read, {self.rows_written} observations "
            f"written in {self.seconds:.1f} s"
        )


def files_digest(meta: DatasetMeta) -> str:
    """SHA-256 of the files and of the metadata: a change to either is a new import."""
    digest = hashlib.sha256()
    fields = {k: str(v) for k, v in vars(meta).items() if k != "files"}
    digest.update(json.dumps(fields, sort_keys=True).encode())
    for path in meta.files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _progress(total: int | None, unit: str, desc: str, enabled: bool) -> tqdm:
    return tqdm(
        total=total, unit=unit, desc=desc, disable=not enabled, leave=False, mininterval=0.5
    )


def validate(
    rows: Iterable[Row], labels: dict[str, GeoLabel], show_progress: bool, desc: str
) -> tuple[list[tuple], dict[str, GeoLabel], int]:
    """Every row checked; returns the tuples to write, the new non-country codes, rows read."""
    indicators = dict(Indicator.objects.values_list("code", "id"))
    geos = dict(Geo.objects.values_list("code", "id"))
    new_codes: dict[str, GeoLabel] = {}
    seen: dict[tuple, int] = {}
    out: list[tuple] = []
    read = 0

    def geo_code(code: str, row: Row, what: str) -> str:
        if code in geos or code in new_codes:
            return code
        if code in labels:
            new_codes[code] = labels[code]
            return code
        raise ImportRefused(row.path, row.line, f"unknown {what} code {code!r}")

    with _progress(None, " rows read", desc, show_progress) as bar:
        for row in rows:
            read += 1
            bar.update()
            if row.indicator not in indicators:
                raise ImportRefused(row.path, row.line, f"unknown indicator {row.indicator!r}")
            geo = geo_code(row.geo, row, "country")
            partner = geo_code(row.partner, row, "partner") if row.partner else ""
            match = PERIOD.match(row.period)
            if not match:
                raise ImportRefused(row.path, row.line, f"malformed period {row.period!r}")
            value = row.value.strip()
            if not NUMBER.match(value):
                raise ImportRefused(row.path, row.line, f"value {row.value!r} is not a number")
            try:
                number = Decimal(value)
            except InvalidOperation as exc:  # pragma: no cover - the pattern already refused it
                raise ImportRefused(
                    row.path, row.line, f"value {row.value!r} is not a number"
                ) from exc
            key = (row.indicator, geo, partner, row.period)
            if key in seen:
                raise ImportRefused(
                    row.path, row.line, f"duplicate observation (also at line {seen[key]})"
                )
            seen[key] = row.line
            out.append(
                (row.indicator, geo, partner, row.period, int(match[1]), number, value, row.flags)
            )
    if not out:
        raise ImportRefused(desc, None, "no observation in the file")
    return out, new_codes, read


def _dataset(meta: DatasetMeta) -> Dataset:
    publisher = Organisation.objects.filter(name=meta.publisher_name, country=None).first()
    if publisher is None:
        publisher = Organisation.objects.create(
            name=meta.publisher_name, acronym=meta.publisher_acronym, kind=meta.publisher_kind
        )
    values = {
        "title": meta.title_en,
        "title_en": meta.title_en,
        "title_fr": meta.title_fr,
        "publisher": publisher,
        "revision": meta.revision,
        "licence": meta.licence,
        "licence_url": meta.licence_url,
        "source_url": meta.source_url,
        "retrieved_on": meta.retrieved_on,
        "released_on": meta.released_on,
        "update_frequency": meta.update_frequency,
        "description": meta.description_en,
        "description_en": meta.description_en,
        "description_fr": meta.description_fr,
        "caveats": meta.caveats_en,
        "caveats_en": meta.caveats_en,
        "caveats_fr": meta.caveats_fr,
    }
    dataset, _ = Dataset.objects.update_or_create(slug=meta.slug, defaults=values)
    return dataset


def write(
    meta: DatasetMeta,
    tuples: list[tuple],
    new_codes: dict[str, GeoLabel],
    digest: str,
    show_progress: bool,
) -> int:
    """Replace the dataset's observations; call inside a transaction."""
    Geo.objects.bulk_create(
        Geo(
            code=code,
            kind=label.kind,
            name=label.name_en,
            name_en=label.name_en,
            name_fr=label.name_fr or label.name_en,
        )
        for code, label in new_codes.items()
    )
    geos = dict(Geo.objects.values_list("code", "id"))
    indicators = dict(Indicator.objects.values_list("code", "id"))
    dataset = _dataset(meta)
    Observation.objects.filter(dataset=dataset).delete()
    table = connection.ops.quote_name(Observation._meta.db_table)
    # The table name is the model's own, quoted; the values are parameters.
    columns = "dataset_id, indicator_id, geo_id, partner_id, period, year, value, value_text, flags"
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 9)})"  # noqa: S608
    adapt = connection.ops.adapt_decimalfield_value
    with (
        connection.cursor() as cursor,
        _progress(len(tuples), " obs written", meta.slug, show_progress) as bar,
    ):
        for start in range(0, len(tuples), BATCH):
            chunk = tuples[start : start + BATCH]
            cursor.executemany(
                sql,
                [
                    (
                        dataset.pk,
                        indicators[i],
                        geos[g],
                        geos[p] if p else None,
                        period,
                        year,
                        adapt(number, 30, 6),
                        text,
                        flags,
                    )
                    for i, g, p, period, year, number, text, flags in chunk
                ],
            )
            bar.update(len(chunk))
    dataset.files_sha256 = digest
    dataset.imported_at = timezone.now()
    dataset.save(update_fields=["files_sha256", "imported_at"])
    return len(tuples)


def run_import(
    meta: DatasetMeta,
    rows: Callable[[], Iterable[Row]],
    *,
    labels: dict[str, GeoLabel] | None = None,
    force: bool = False,
    show_progress: bool = False,
) -> ImportReport:
    """Check everything, then write everything, or nothing."""
    started = time.perf_counter()
    geo_countries_sync()
    digest = files_digest(meta)
    if not force and Dataset.objects.filter(slug=meta.slug, files_sha256=digest).exists():
        return ImportReport(meta.slug, 0, 0, True, time.perf_counter() - started)
    labels = {} if labels is None else labels  # adapters fill it as they read
    tuples, new_codes, read = validate(rows(), labels, show_progress, meta.slug)
    with transaction.atomic():
        written = write(meta, tuples, new_codes, digest, show_progress)
    return ImportReport(meta.slug, read, written, False, time.perf_counter() - started)
