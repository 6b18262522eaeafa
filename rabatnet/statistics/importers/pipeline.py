"""Check every row, then write the dataset in one transaction.

Nothing is written unless the whole input is valid; a refusal names the file, the
line and the reason. Importing the same files again changes nothing. An existing dataset is
replaced only when the caller says so, and what changes is reported before it is written.
"""

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, models, transaction
from django.utils import timezone
from tqdm import tqdm

from rabatnet.core import revisions
from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation

from ..models import Dataset, Derivation, Geo, Indicator, Observation
from ..services import geo_countries_sync
from .base import Companion, DatasetMeta, GeoLabel, ImportRefused, Row
from .changes import Changes, refusal, replacement
from .insert import insert_rows

PERIOD = re.compile(r"(\d{4})(-(0[1-9]|1[0-2]|Q[1-4]))?")
# What Observation.value holds exactly (30 digits, 6 of them decimals): a value outside it
# would be rounded or refused by the database, so it is refused here, with the reason.
NUMBER = re.compile(r"-?\d{1,24}(\.\d{1,6})?")
ANY_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _max_length(model: type[models.Model], name: str) -> int:
    """The length limit of a text column (every CharField here has one)."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.CharField) or field.max_length is None:
        raise TypeError(f"{model.__name__}.{name} is not a text column with a length limit")
    return field.max_length


MAX_FLAGS = _max_length(Observation, "flags")
MAX_COVERS = _max_length(Observation, "covers")
MAX_CODE = _max_length(Geo, "code")
MAX_NAME = _max_length(Geo, "name")
BATCH = 5000  # rows per progress step
PROGRESS_EVERY = 2000


@dataclass
class ImportReport:
    dataset: str
    rows_read: int
    rows_written: int
    unchanged: bool
    seconds: float
    changes: Changes | None = None  # what the import changed in a dataset that existed

    def __str__(self) -> str:
        if self.unchanged:
            return f"{self.dataset}: unchanged (same files as the last import)"
        return (
            f"{self.dataset}: {self.rows_read} rows read, {self.rows_written} observations "
            f"written in {self.seconds:.1f} s"
        )


def files_digest(meta: DatasetMeta) -> str:
    """SHA-256 of the files, the metadata and how the files are read: a change to any is a
    new import."""
    digest = hashlib.sha256()
    fields = {k: str(v) for k, v in vars(meta).items() if k != "files"}
    digest.update(json.dumps(fields, sort_keys=True).encode())
    for path in meta.files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def meta_too_long(meta: DatasetMeta) -> str | None:
    """The reason the metadata would not fit the database's columns, if it would not."""
    limits = {
        "dataset": (meta.slug, _max_length(Dataset, "slug")),
        "title": (meta.title_en, _max_length(Dataset, "title")),
        "title_fr": (meta.title_fr, _max_length(Dataset, "title")),
        "revision": (meta.revision, _max_length(Dataset, "revision")),
        "licence": (meta.licence, _max_length(Dataset, "licence")),
        "licence_url": (meta.licence_url, _max_length(Dataset, "licence_url")),
        "source_url": (meta.source_url, _max_length(Dataset, "source_url")),
        "publisher": (meta.publisher_name, _max_length(Organisation, "name")),
        "publisher_acronym": (meta.publisher_acronym, _max_length(Organisation, "acronym")),
    }
    for name, (value, limit) in limits.items():
        if len(value) > limit:
            return f"{name} longer than {limit} characters ({len(value)})"
    return None


def _progress(total: int | None, unit: str, desc: str, enabled: bool) -> tqdm:
    return tqdm(
        total=total, unit=unit, desc=desc, disable=not enabled, leave=False, mininterval=0.5
    )


def _year(row: Row) -> int:
    match = PERIOD.fullmatch(row.period)
    if not match:
        raise ImportRefused(
            row.path,
            row.line,
            f"malformed period {row.period!r} (expected 2024, 2024-03 or 2024-Q1)",
        )
    return int(match[1])


def _refuse_value(row: Row) -> ImportRefused:
    value = row.value.strip()
    if ANY_NUMBER.fullmatch(value):
        reason = (
            f"value {row.value!r} has more than 24 digits before the decimal point or 6 after it "
            "(more than the database keeps exactly)"
        )
    else:
        reason = f"value {row.value!r} is not a number (digits, optional minus sign and point)"
    return ImportRefused(row.path, row.line, reason)


def validate(
    rows: Iterable[Row], labels: dict[str, GeoLabel], show_progress: bool, meta: DatasetMeta
) -> tuple[list[tuple], dict[str, GeoLabel], int]:
    """Every row checked; returns the tuples to write, the new non-country codes, rows read.

    Known codes are those already in Geo, the reference countries' ISO3 (their Geo is made
    in the import's transaction) and the non-country codes the reader declared in ``labels``.
    """
    indicators = set(Indicator.objects.values_list("code", flat=True))
    may_be_negative = set(
        Indicator.objects.filter(allows_negative=True).values_list("code", flat=True)
    )
    geos = set(Geo.objects.values_list("code", flat=True))
    geos.update(Country.objects.values_list("iso3", flat=True))
    new_codes: dict[str, GeoLabel] = {}
    years: dict[str, int] = {}
    seen: dict[tuple, tuple[str, int]] = {}
    out: list[tuple] = []
    append, number = out.append, NUMBER.fullmatch
    read = 0

    def declared(code: str, row: Row, what: str) -> None:
        if code not in labels:
            raise ImportRefused(row.path, row.line, f"unknown {what} code {code!r}")
        label = labels[code]
        if len(code) > MAX_CODE or len(label.name_en) > MAX_NAME or len(label.name_fr) > MAX_NAME:
            raise ImportRefused(
                row.path,
                row.line,
                f"{what} code {code!r} or its name is too long "
                f"(at most {MAX_CODE} and {MAX_NAME} characters)",
            )
        new_codes[code] = label
        geos.add(code)

    with _progress(None, " rows read", meta.slug, show_progress) as bar:
        for row in rows:
            read += 1
            if not read % PROGRESS_EVERY:
                bar.update(PROGRESS_EVERY)
            indicator, geo, partner, period = row.indicator, row.geo, row.partner, row.period
            if indicator not in indicators:
                raise ImportRefused(row.path, row.line, f"unknown indicator {indicator!r}")
            if geo not in geos:
                declared(geo, row, "country")
            if partner and partner not in geos:
                declared(partner, row, "partner")
            year = years.get(period)
            if year is None:
                year = years[period] = _year(row)
            value = row.value.strip()
            if not number(value):
                raise _refuse_value(row)
            if value[0] == "-" and indicator not in may_be_negative and Decimal(value):
                raise ImportRefused(
                    row.path,
                    row.line,
                    f"value {value!r} is negative; {indicator} does not allow negative values",
                )
            if len(row.flags) > MAX_FLAGS:
                raise ImportRefused(
                    row.path, row.line, f"flags {row.flags!r} longer than {MAX_FLAGS} characters"
                )
            key = (indicator, geo, partner, period)
            if key in seen:
                path, line = seen[key]
                where = f"line {line}" if path == row.path else f"{path}, line {line}"
                raise ImportRefused(row.path, row.line, f"duplicate observation (also at {where})")
            seen[key] = (row.path, row.line)
            if len(row.covers) > MAX_COVERS:
                raise ImportRefused(
                    row.path, row.line, f"covered part {row.covers!r} longer than {MAX_COVERS}"
                )
            append(
                (indicator, geo, partner, period, year, value, row.flags, row.derived, row.covers)
            )
        bar.update(read % PROGRESS_EVERY)
    if not out:
        where = ", ".join(str(p) for p in meta.files) or meta.slug
        raise ImportRefused(where, None, "no observation in the file")
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
        "import_options": meta.import_options,
        "kosovo_in_serbia": meta.kosovo_in_serbia,
    }
    dataset, _ = Dataset.objects.update_or_create(slug=meta.slug, defaults=values)
    return dataset


def _derivations(dataset: Dataset, meta: DatasetMeta, indicators: dict[str, int]) -> None:
    """The dataset's derivations, as the importer declares them (the old ones replaced)."""
    Derivation.objects.filter(dataset=dataset).delete()
    for item in meta.derivations:
        if item.indicator not in indicators:
            raise ImportRefused(
                meta.slug, None, f"derivation of unknown indicator {item.indicator!r}"
            )
        Derivation.objects.create(
            dataset=dataset,
            indicator_id=indicators[item.indicator],
            derived_by=item.derived_by,
            formula=item.formula_en,
            formula_en=item.formula_en,
            formula_fr=item.formula_fr or item.formula_en,
            inputs=item.inputs_en,
            inputs_en=item.inputs_en,
            inputs_fr=item.inputs_fr or item.inputs_en,
        )


def write(
    meta: DatasetMeta,
    tuples: list[tuple],
    new_codes: dict[str, GeoLabel],
    digest: str,
    show_progress: bool,
) -> int:
    """Replace the dataset's observations; call inside a transaction."""
    geo_countries_sync()
    Geo.objects.bulk_create(
        (
            Geo(
                code=code,
                kind=label.kind,
                name=label.name_en,
                name_en=label.name_en,
                name_fr=label.name_fr or label.name_en,
            )
            for code, label in new_codes.items()
        ),
        ignore_conflicts=True,
    )
    geos = dict(Geo.objects.values_list("code", "id"))
    indicators = dict(Indicator.objects.values_list("code", "id"))
    dataset = _dataset(meta)
    Observation.objects.filter(dataset=dataset).delete()
    _derivations(dataset, meta, indicators)
    # The value is the checked text (at most 24 + 6 digits): SQLite's numeric column converts
    # it as Django's own Decimal adapter would; other databases get the exact Decimal.
    exact = (lambda text: text) if connection.vendor == "sqlite" else Decimal
    pk = dataset.pk
    with (
        connection.cursor() as cursor,
        _progress(len(tuples), " obs written", meta.slug, show_progress) as bar,
    ):
        for start in range(0, len(tuples), BATCH):
            chunk = tuples[start : start + BATCH]
            values = [
                value
                for i, g, p, period, year, text, flags, derived, covers in chunk
                for value in (
                    pk,
                    indicators[i],
                    geos[g],
                    geos[p] if p else None,
                    period,
                    year,
                    exact(text),
                    text,
                    flags,
                    derived,
                    covers,
                )
            ]
            insert_rows(cursor, values)
            bar.update(len(chunk))
    dataset.files_sha256 = digest
    dataset.imported_at = timezone.now()
    dataset.save(update_fields=["files_sha256", "imported_at"])
    revisions.bump(revisions.STATISTICS)
    return len(tuples)


def run_import(
    meta: DatasetMeta,
    rows: Callable[[], Iterable[Row]],
    *,
    labels: dict[str, GeoLabel] | None = None,
    force: bool = False,
    show_progress: bool = False,
    replace: bool = False,
    say: Callable[[str], object] | None = None,
    companion: Companion | None = None,
) -> ImportReport:
    """Check everything, then write everything, or nothing.

    A dataset of the same slug is replaced only with ``replace`` (refused otherwise, before
    the rows are read); ``say`` is given the changes, in the transaction, before the write.
    A ``companion`` is checked with the rows and written in the same transaction.
    """
    started = time.perf_counter()
    digest = files_digest(meta)
    existing = Dataset.objects.filter(slug=meta.slug).first()
    unchanged = existing is not None and not force and existing.files_sha256 == digest
    # An import made before its companion's records were kept is done again.
    if unchanged and existing and (companion is None or companion.stored(existing)):
        return ImportReport(meta.slug, 0, 0, True, time.perf_counter() - started)
    if existing is not None and not replace:
        raise refusal(meta, existing)
    labels = {} if labels is None else labels  # adapters fill it as they read
    tuples, new_codes, read = validate(rows(), labels, show_progress, meta)
    if companion is not None:
        companion.check()
    with transaction.atomic():
        changes = replacement(meta, tuples, replace=replace)
        if changes is not None and say is not None:
            say(str(changes))
        written = write(meta, tuples, new_codes, digest, show_progress)
        if companion is not None:
            companion.write(Dataset.objects.get(slug=meta.slug))
    seconds = time.perf_counter() - started
    return ImportReport(meta.slug, read, written, False, seconds, changes)
