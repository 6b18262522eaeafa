"""What an import does to a dataset that already exists: refused without ``replace``; with it,
the observations added, changed and removed, counted and shown, before anything is written.

No import replaces data silently: the pipeline calls ``replacement`` inside the import's
transaction, with the dataset's row locked, and prints its summary before it writes.
"""

import heapq
from dataclasses import dataclass, field

from django.db import connection

from ..models import Dataset, Geo, Indicator, Observation
from .base import DatasetMeta, ImportRefused

EXAMPLES = 5  # of each kind of change, in code order

# (indicator, country, partner or "", period) -> (value as published, flags, derived, covers)
Key = tuple[str, str, str, str]
State = tuple[str, str, bool, str]


def _state(state: State) -> str:
    text, flags, derived, covers = state
    notes = [f"flags {flags}"] if flags else []
    notes += ["derived"] if derived else []
    notes += [f"covers {covers}"] if covers else []
    return f"{text} ({', '.join(notes)})" if notes else text


def _key(key: Key) -> str:
    indicator, geo, partner, period = key
    return f"{indicator} {geo}{'/' + partner if partner else ''} {period}"


@dataclass
class Changes:
    """The difference between a dataset's observations and those an import would write."""

    dataset: str
    before: int
    after: int
    added: list[tuple[Key, State]] = field(default_factory=list)
    changed: list[tuple[Key, State, State]] = field(default_factory=list)
    removed: list[tuple[Key, State]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # added, changed, removed

    def __str__(self) -> str:
        added, changed, removed = (self.counts[k] for k in ("added", "changed", "removed"))
        unchanged = self.after - added - changed
        lines = [
            f"{self.dataset}: replacing {self.before} observations with {self.after}: "
            f"{added} added, {changed} changed, {removed} removed, {unchanged} unchanged"
        ]
        lines += [f"  added    {_key(k)}: {_state(new)}" for k, new in self.added]
        lines += [
            f"  changed  {_key(k)}: {_state(old)} → {_state(new)}" for k, old, new in self.changed
        ]
        lines += [f"  removed  {_key(k)}: {_state(old)}" for k, old in self.removed]
        shown: dict[str, list] = {
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
        }
        lines += [
            f"  ... and {self.counts[name] - len(items)} more {name}"
            for name, items in shown.items()
            if self.counts[name] > len(items)
        ]
        return "\n".join(lines)


def refusal(meta: DatasetMeta, dataset: Dataset) -> ImportRefused:
    """Why a file may not go into an existing dataset without ``--replace``."""
    held = Observation.objects.filter(dataset=dataset).count()
    where = ", ".join(str(p) for p in meta.files) or meta.slug
    return ImportRefused(
        where,
        None,
        f"dataset {dataset.slug!r} ({dataset.title}) already exists and holds {held} "
        "observations; give --replace to replace them (the observations added, changed and "
        "removed are listed before anything is written)",
    )


def _current(dataset: Dataset) -> dict[Key, State]:
    """The dataset's observations by key; read with a plain cursor, as the pipeline writes
    them (the ORM's per-row conversions cost more than the comparison itself)."""
    indicators = dict(Indicator.objects.values_list("id", "code"))
    geos = dict(Geo.objects.values_list("id", "code"))
    table = connection.ops.quote_name(Observation._meta.db_table)
    columns = "indicator_id, geo_id, partner_id, period, value_text, flags, derived, covers"
    with connection.cursor() as cursor:
        # The table name is the model's own, quoted; the dataset is a parameter.
        cursor.execute(f"SELECT {columns} FROM {table} WHERE dataset_id = %s", [dataset.pk])  # noqa: S608
        return {
            (indicators[i], geos[g], geos[p] if p else "", period): (
                text,
                flags,
                bool(derived),
                covers,
            )
            for i, g, p, period, text, flags, derived, covers in cursor.fetchall()
        }


def changes(dataset: Dataset, tuples: list[tuple]) -> Changes:
    """Compare the dataset's observations with the checked tuples the pipeline will write."""
    old = _current(dataset)
    before = len(old)
    added: list[tuple[Key, State]] = []
    changed: list[tuple[Key, State, State]] = []
    for indicator, geo, partner, period, _year, text, flags, derived, covers in tuples:
        key = (indicator, geo, partner, period)
        new = (text, flags, derived, covers)
        was = old.pop(key, None)
        if was is None:
            added.append((key, new))
        elif was != new:
            changed.append((key, was, new))
    return Changes(
        dataset=dataset.slug,
        before=before,
        after=len(tuples),
        added=heapq.nsmallest(EXAMPLES, added),
        changed=heapq.nsmallest(EXAMPLES, changed),
        removed=heapq.nsmallest(EXAMPLES, old.items()),
        counts={"added": len(added), "changed": len(changed), "removed": len(old)},
    )


def replacement(meta: DatasetMeta, tuples: list[tuple], *, replace: bool) -> Changes | None:
    """The changes to an existing dataset of ``meta.slug`` (its row locked), or None if new.

    Call inside the import's transaction. Refused when the dataset exists and ``replace`` is
    false (a dataset made between the pipeline's first look and this one is caught here).
    """
    dataset = Dataset.objects.select_for_update().filter(slug=meta.slug).first()
    if dataset is None:
        return None
    if not replace:
        raise refusal(meta, dataset)
    return changes(dataset, tuples)
