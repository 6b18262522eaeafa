"""Reads for the source mapping."""

from typing import TypedDict

from django.db.models import QuerySet

from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation, Person

from .models import Area, Source

GOVERNMENTAL = {Organisation.Kind.GOVERNMENT}


class EntityRow(TypedDict):
    """A row of the mapping's table: an entity, its sources, the areas they cover."""

    entity: Organisation
    sources: list[Source]
    areas: set[int]


def country_sources(country: Country) -> QuerySet[Source]:
    return (
        Source.objects.filter(country=country)
        .select_related("entity", "contact")
        .prefetch_related("areas", "indicators")
    )


def source_table(country: Country) -> dict[str, object]:
    """The seed's table: governmental entities / others, by area, each with its sources."""
    sources = list(country_sources(country))
    areas = list(Area.objects.all())
    groups = []
    for key, label, test in (
        ("governmental", "governmental", lambda s: s.entity.kind in GOVERNMENTAL),
        ("others", "others", lambda s: s.entity.kind not in GOVERNMENTAL),
    ):
        rows: dict[int, EntityRow] = {}
        for source in filter(test, sources):
            row = rows.setdefault(
                source.entity_id, {"entity": source.entity, "sources": [], "areas": set()}
            )
            row["sources"].append(source)
            row["areas"].update(a.pk for a in source.areas.all())
        groups.append({"key": key, "label": label, "rows": list(rows.values())})
    return {"areas": areas, "groups": groups, "count": len(sources)}


def entity_choices(country: Country) -> QuerySet[Organisation]:
    """Entities a country's source can belong to: its own, and international ones."""
    return Organisation.objects.filter(country__in=[country, None]).order_by("name")


def contact_choices(country: Country) -> QuerySet[Person]:
    """People of the directory from the country's organisations or with a post there."""
    return (
        (
            Person.objects.filter(organisation__country=country)
            | Person.objects.filter(appointments__country=country)
            | Person.objects.filter(organisation__country__isnull=True, organisation__isnull=False)
        )
        .distinct()
        .order_by("full_name")
    )
