"""Writes for the source mapping; each is recorded in the history with its author."""

from django.db import transaction

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.countries.models import Country

from .models import Area, Source

SOURCE_FIELDS = [
    "entity",
    "name",
    "kind",
    "status",
    "periodicity",
    "last_release",
    "access",
    "contact",
    "description",
    "url",
]


@transaction.atomic
def source_create(
    *,
    country: Country,
    areas: list[Area],
    actor: User | None,
    indicators: list | None = None,
    **values: object,
) -> Source:
    source = Source(country=country, **{k: values[k] for k in SOURCE_FIELDS if k in values})
    record_actor(source, actor)
    source.full_clean()
    source.save()
    source.areas.set(areas)
    source.indicators.set(indicators or [])
    return source


@transaction.atomic
def source_update(
    *,
    source: Source,
    areas: list[Area],
    expected_version: int,
    actor: User | None,
    indicators: list | None = None,
) -> Source:
    """Save an edited source; StaleEditError if somebody saved it meanwhile."""
    record_actor(source, actor)
    saved = save_versioned(obj=source, expected_version=expected_version, fields=SOURCE_FIELDS)
    if set(saved.areas.all()) != set(areas):
        saved.areas.set(areas)
    if indicators is not None and set(saved.indicators.all()) != set(indicators):
        saved.indicators.set(indicators)
    return saved


@transaction.atomic
def source_delete(*, source: Source, actor: User | None) -> None:
    record_actor(source, actor)
    source.delete()
