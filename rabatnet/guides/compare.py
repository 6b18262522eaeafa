"""The comparison of two editions, computed from their snapshots.

Every record of a snapshot (a dict with an ``id``, or a ``key`` for stages, groups and
categories) is found by walking the snapshot, whatever its shape; every other value is a field
of the record that holds it (nested dicts give dotted fields: ``roles.processing``). Records are
matched across editions by kind and id, and reported as added, removed or changed, field by
field, with labels in the guide's language. Snapshots of schema 1 have no ids: their records
are matched by their name (docs/decisions/0020).
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rabatnet.sources.models import Area, Source

from .models import (
    Challenge,
    ContentItem,
    CorrectiveAction,
    Guide,
    Practice,
    Recommendation,
    WorkgroupMember,
)
from .rendering import part_titles

NAME_FIELDS = ("name", "title", "text", "description", "key")
# Values that are the machinery of the snapshot, not content: never reported on their own.
HIDDEN_FIELDS = {"id", "schema"}


@dataclass
class Record:
    part: str
    kind: str
    ident: str
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        for key in NAME_FIELDS:
            if self.fields.get(key):
                return str(self.fields[key])
        return self.ident


def _kind_labels() -> dict[str, str]:
    def name(model: type[Model]) -> str:
        return str(model._meta.verbose_name)

    return {
        "guide": name(Guide),
        "areas": name(Area),
        "groups": _("group"),
        "entities": _("Data collection entity"),
        "sources": name(Source),
        "stages": _("stage"),
        "actors": _("Institution"),
        "contents": name(ContentItem),
        "workgroup": name(WorkgroupMember),
        "practices": name(Practice),
        "challenges": name(Challenge),
        "actions": name(CorrectiveAction),
        "categories": _("category"),
        "items": name(Recommendation),
        "annex": _("Contact"),
    }


def _field_labels() -> dict[str, str]:
    return {
        "title": _("title"),
        "context": _("context and foreword"),
        "language": _("language"),
        "is_example": _("example content"),
        "country.iso3": _("country code"),
        "country.name": _("country"),
        "name": _("name"),
        "slug": _("identifier"),
        "key": _("identifier"),
        "group": _("group"),
        "areas": _("areas"),
        "kind": _("kind"),
        "status": _("status"),
        "periodicity": _("periodicity"),
        "last_release": _("last release"),
        "access": _("access"),
        "indicators": _("indicators fed"),
        "contact": _("contact"),
        "contact_person": _("contact (person)"),
        "description": _("description"),
        "url": _("web address"),
        "covered": _("covered"),
        "person": _("person"),
        "position": _("position"),
        "organisation": _("organisation"),
        "email": _("e-mail address"),
        "phone": _("telephone"),
        "role": _("role in the workgroup"),
        "coordinator": _("coordinator"),
        "year": _("year"),
        "listed": _("from the list of challenges"),
        "owner": _("owner"),
        "due_date": _("due date"),
        "category": _("category"),
        "text": _("recommendation"),
        "addressee": _("addressed to"),
        "priority": _("priority"),
    }


def _is_record_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _walk(
    node: dict[str, Any],
    record: Record,
    prefix: str,
    records: dict[tuple[str, str], Record],
    part: str,
) -> None:
    for key, value in node.items():
        # The guide's own top-level keys name the parts (part1, ..., annex).
        child_part = key if record.kind == "guide" and not prefix else part
        if _is_record_list(value):
            for child in value:
                ident = child.get("id") or child.get("key")
                if not ident:  # schema 1: no ids, matched by name
                    ident = next((str(child[k]) for k in NAME_FIELDS if child.get(k)), "")
                ident = str(ident)
                while (key, ident) in records:  # two records of schema 1 with one name
                    ident += "′"
                sub = Record(part=child_part, kind=key, ident=ident)
                records[(key, ident)] = sub
                _walk(child, sub, "", records, child_part)
        elif isinstance(value, dict):
            _walk(value, record, f"{prefix}{key}.", records, child_part)
        elif isinstance(value, list) and not value:
            continue  # an empty list: nothing of its own to compare
        elif f"{prefix}{key}" not in HIDDEN_FIELDS:
            record.fields[f"{prefix}{key}"] = value


def snapshot_records(content: dict[str, Any]) -> dict[tuple[str, str], Record]:
    """Every record of the snapshot by (kind, id), the guide itself first."""
    guide = Record(part="general", kind="guide", ident="guide")
    records = {("guide", "guide"): guide}
    _walk(content, guide, "", records, "general")
    return records


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return pgettext("a yes/no value", "yes") if value else pgettext("a yes/no value", "no")
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    return str(value)


def _field_label(name: str, labels: dict[str, str], stages: dict[str, str]) -> str:
    if name in labels:
        return labels[name]
    head, _dot, tail = name.rpartition(".")
    if head == "roles" and tail in stages:
        return stages[tail]
    return name


def compare_contents(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """For each part: its title and its records added, removed and changed (field by field)."""
    language = new.get("language")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        titles = {"general": _("Title and general information"), **part_titles(language)}
        kinds, labels = _kind_labels(), _field_labels()
        stages = {
            s["key"]: s["name"]
            for content in (old, new)
            for s in content.get("part2", {}).get("stages", [])
        }
        before, after = snapshot_records(old), snapshot_records(new)
        changes: dict[str, list[dict[str, Any]]] = {key: [] for key in titles}

        def change(status: str, record: Record, fields: list[tuple[str, object, object]]) -> None:
            changes.setdefault(record.part, []).append(
                {
                    "status": status,
                    "kind": kinds.get(record.kind, record.kind),
                    "name": _shown(record.name),
                    "fields": [
                        {
                            "name": name,
                            "label": _field_label(name, labels, stages),
                            "old": _shown(a),
                            "new": _shown(b),
                        }
                        for name, a, b in fields
                    ],
                }
            )

        for key, record in after.items():
            if key not in before:
                change("added", record, [(n, None, v) for n, v in record.fields.items()])
                continue
            previous = before[key]
            names = list(previous.fields) + [n for n in record.fields if n not in previous.fields]
            fields = [
                (n, previous.fields.get(n), record.fields.get(n))
                for n in names
                if _shown(previous.fields.get(n)) != _shown(record.fields.get(n))
                or previous.fields.get(n) != record.fields.get(n)
            ]
            if fields:
                change("changed", record, fields)
        for key, record in before.items():
            if key not in after:
                change("removed", record, [(n, v, None) for n, v in record.fields.items()])
        return [
            {"key": key, "title": title, "changes": changes.get(key, [])}
            for key, title in titles.items()
        ]
