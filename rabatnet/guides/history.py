"""The audit trail of a guide: every change to its sources and parts (who, when, what)."""

from dataclasses import dataclass
from datetime import datetime

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


def _changes(history_qs, what: str) -> list[Change]:  # type: ignore[no-untyped-def]
    changes = []
    for record in history_qs.select_related("history_user").order_by("-history_date")[:LIMIT]:
        fields: list[str] = []
        previous = record.prev_record if record.history_type == "~" else None
        if previous is not None:
            delta = record.diff_against(previous)
            fields = [
                str(record.instance._meta.get_field(c.field).verbose_name)
                for c in delta.changes
                if c.field not in IGNORED
            ]
        changes.append(
            Change(
                at=record.history_date,
                user=record.history_user.get_full_name() if record.history_user else "",
                kind=KINDS[record.history_type],
                what=what,
                record=str(record.instance),
                fields=fields,
            )
        )
    return changes


def guide_changes(guide: Guide) -> list[Change]:
    """Newest first, at most LIMIT per kind of record."""
    sets = [
        (Source.history.filter(country_id=guide.country_id), Source._meta.verbose_name),
        (Guide.history.filter(id=guide.pk), Guide._meta.verbose_name),
        (
            CorrectiveAction.history.filter(challenge__guide=guide),
            CorrectiveAction._meta.verbose_name,
        ),
    ]
    for model in (ActorRole, WorkgroupMember, Practice, Challenge, Recommendation):
        sets.append((model.history.filter(guide_id=guide.pk), model._meta.verbose_name))
    changes = [c for qs, what in sets for c in _changes(qs, str(what))]
    return sorted(changes, key=lambda c: c.at, reverse=True)[:LIMIT]
