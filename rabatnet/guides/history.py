"""The audit trail of a guide: every change to its sources and parts (who, when, what)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from rabatnet.sources.models import Source

from .models import (
    ActorRole,
    Challenge,
    CorrectiveAction,
    Guide,
    Practice,
    Recommendation,
    WorkgroupMember,
)

KINDS = {"+": "created", "~": "changed", "-": "deleted"}
LIMIT = 300
IGNORED = {"version", "updated_at", "created_at"}


@dataclass
class Change:
    at: datetime
    user: str
    kind: str
    what: str
    record: str
    fields: list[str]


def _changes(history_qs: QuerySet[Any], what: str, related: tuple[str, ...]) -> list[Change]:
    """The newest records of one kind, each compared with the version before it.

    A fixed number of queries whatever the number of records: the previous versions
    are read in one go and paired in memory, and the foreign keys that ``__str__``
    uses come with the records (``related``).
    """
    records = list(
        history_qs.select_related("history_user", *related).order_by("-history_date")[:LIMIT]
    )
    changed = {r.id for r in records if r.history_type == "~"}
    previous: dict[int, object] = {}
    if changed:
        versions = history_qs.model.objects.filter(id__in=changed).order_by("history_date")
        before: dict[int, object] = {}
        for version in versions.select_related(*related):
            previous[version.history_id] = before.get(version.id)
            before[version.id] = version
    changes = []
    for record in records:
        instance = record.instance
        instance._state.fields_cache.update(record._state.fields_cache)
        fields: list[str] = []
        prior = previous.get(record.history_id)
        if record.history_type == "~" and prior is not None:
            fields = [
                str(instance._meta.get_field(c.field).verbose_name)
                for c in record.diff_against(prior).changes
                if c.field not in IGNORED
            ]
        changes.append(
            Change(
                at=record.history_date,
                user=record.history_user.get_full_name() if record.history_user else "",
                kind=KINDS[record.history_type],
                what=what,
                record=str(instance),
                fields=fields,
            )
        )
    return changes


def guide_changes(guide: Guide) -> list[Change]:
    """Newest first, at most LIMIT per kind of record."""
    # (history of one kind of record, the foreign keys its __str__ reads)
    sets = [
        (Source.history.filter(country_id=guide.country_id), ("entity",)),
        (Guide.history.filter(id=guide.pk), ("country",)),
        (CorrectiveAction.history.filter(challenge__guide=guide), ()),
        (ActorRole.history.filter(guide_id=guide.pk), ("organisation",)),
        (WorkgroupMember.history.filter(guide_id=guide.pk), ("person",)),
        (Practice.history.filter(guide_id=guide.pk), ()),
        (Challenge.history.filter(guide_id=guide.pk), ("challenge_type",)),
        (Recommendation.history.filter(guide_id=guide.pk), ()),
    ]
    changes = [
        c
        for qs, related in sets
        for c in _changes(qs, str(qs.model.instance_type._meta.verbose_name), related)
    ]
    return sorted(changes, key=lambda c: c.at, reverse=True)[:LIMIT]
