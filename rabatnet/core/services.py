"""Writes shared by every app: the optimistic-locking save."""

from collections.abc import Iterable
from typing import Any, TypeVar, cast

from django.db import models, transaction
from django.utils.translation import gettext as _

from .models import VersionedModel

M = TypeVar("M", bound=VersionedModel)


def record_actor(obj: models.Model, actor: models.Model | None) -> None:
    """Who makes the change, for the audit trail (django-simple-history reads
    ``_history_user`` when the object is saved or deleted)."""
    cast(Any, obj)._history_user = actor


class StaleEditError(Exception):
    """Somebody saved the record after this edit started; nothing was written."""

    def __init__(self, current: VersionedModel, changed_fields: list[str]) -> None:
        self.current = current
        self.changed_fields = changed_fields
        super().__init__(_("This record was changed by someone else while you were editing it."))


@transaction.atomic
def save_versioned(*, obj: M, expected_version: int, fields: Iterable[str]) -> M:
    """Save ``fields`` of ``obj`` only if the stored version is still ``expected_version``.

    Raises StaleEditError naming the fields that changed meanwhile.
    """
    model = type(obj)
    current = model._default_manager.select_for_update().get(pk=obj.pk)
    fields = list(fields)
    if current.version != expected_version:
        raise StaleEditError(
            current=current, changed_fields=changed_fields(current, expected_version, obj, fields)
        )
    obj.version = current.version
    obj.save(update_fields=[*fields, "version", "updated_at"])  # the save bumps the version
    return obj


def changed_fields(
    current: VersionedModel, version: int, submitted: VersionedModel, fields: list[str]
) -> list[str]:
    """The fields somebody else changed after ``version`` was read.

    With an audit trail (simple-history) the record as it was at ``version`` tells;
    without one, every field where the stored value differs from the submitted one.
    """
    meta = type(current)._meta
    attnames = {f: getattr(meta.get_field(f), "attname", f) for f in fields}
    history = getattr(current, "history", None)
    read = history.filter(version=version).order_by("-history_date").first() if history else None
    base = read if read is not None else submitted
    return [
        f for f, attname in attnames.items() if getattr(base, attname) != getattr(current, attname)
    ]
