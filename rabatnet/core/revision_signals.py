"""Raise the revision counter of public data on every save or delete of its models.

A publication, a guide's stage change, an admin edit of a country or a membership, a
``load_reference``: each writes through a model's ``save`` or ``delete``, so one signal per
app covers them all, without touching the apps. The import pipeline writes observations in
bulk (no signal) and raises ``STATISTICS`` itself. History records (``simple_history``) are
skipped: they follow a save that already raised the counter.
"""

from typing import Any

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import revisions

# Which counter each app's models raise.
COUNTER_OF_APP = {
    "countries": revisions.REFERENCE,
    "strategy": revisions.REFERENCE,
    "guides": revisions.GUIDES,
    "statistics": revisions.STATISTICS,
    "meetings": revisions.MEETINGS,
    "followup": revisions.FOLLOWUP,
    "support": revisions.SUPPORT,
}


# Written and deleted in bulk by the import pipeline, which raises STATISTICS itself: a
# delete signal would make Django load and signal every row of a re-imported dataset.
BULK_MODELS = {"statistics.Observation", "statistics.Incident"}


def counter_of(sender: type[Model]) -> str | None:
    if sender.__name__.startswith("Historical") or sender._meta.label in BULK_MODELS:
        return None
    return COUNTER_OF_APP.get(sender._meta.app_label)


def bump_on_write(sender: type[Model], **kwargs: Any) -> None:
    """Raise the counter of ``sender``'s app (not for fixtures loaded raw)."""
    name = counter_of(sender)
    if name and not kwargs.get("raw"):
        revisions.bump(name)


def connect() -> None:
    """Connect ``bump_on_write`` to every model of the apps in ``COUNTER_OF_APP``."""
    for label in COUNTER_OF_APP:
        for model in apps.get_app_config(label).get_models():
            if counter_of(model) is None:
                continue
            uid = f"revision-{model._meta.label}"
            post_save.connect(bump_on_write, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump_on_write, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(
                    bump_on_write, sender=through, dispatch_uid=f"{uid}-{field.name}"
                )
