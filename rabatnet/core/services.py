"""Writes shared by every app: the optimistic-locking save."""

from collections.abc import Iterable
from typing import TypeVar

from django.db import transaction
from django.utils.translation import gettext as _

from .models import VersionedModel

M = TypeVar("M", bound=VersionedModel)


class StaleEditError(Exception):
    """Somebody saved the record after this edit started; nothing was written."""

    def __init__(self, current: VersionedModel, changed_fields: list[str]) -> None:
        self.current = current
        self.changed_fields = changed_fields
        super().__init__(
            _("This record was changed by someone else while you were editing it.")
        )


@transaction.atomic
def save_versioned(*, obj: M, expected_version: int, fields: Iterable[str]) -> M:
    """Save ``fields`` of ``obj`` only if the stored version is still ``expected_version``.

    Raises StaleEditError naming the fields that changed meanwhile.
    """
    model = type(obj)
    current = model._default_manager.select_for_update().get(pk=obj.pk)
    fields = list(fields)
    if current.version != expected_version:
        changed = [f for f in fields if getattr(current, f) != getattr(obj, f)]
        raise StaleEditError(current=current, changed_fields=changed)
    obj.version = expected_version + 1
    obj.save(update_fields=[*fields, "version", "updated_at"])
    return obj
