"""Pieces shared by the loaders of reference files (countries, memberships, frameworks)."""

from dataclasses import dataclass
from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


class ReferenceDataError(ValueError):
    """A reference file is not what it should be; nothing was written."""


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    def count(self, created: bool, changed: bool) -> None:
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1

    def __str__(self) -> str:
        counts = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        return counts + (f", {self.removed} removed" if self.removed else "")


def upsert(model: type[M], lookup: dict, values: dict) -> tuple[M, bool, bool]:
    """update_or_create that also says whether anything changed."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values), True, False
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save(update_fields=changed)
    return obj, False, bool(changed)
