"""Reads for the source mapping."""

from typing import TypedDict

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Organisation, Person
from rabatnet.network.permissions import is_secretariat
from rabatnet.network.selectors import user_countries

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


def contact_choices(
    country: Country, editor: User | AnonymousUser, *, keep: int | None = None
) -> QuerySet[Person]:
    """The people an editor of ``country`` may pick as a contact.

    People of the country's organisations, with a post there, or of an international
    organisation; of those, only the ones who consented to be listed in the directory or
    who belong to a country the editor holds a post for today (the secretariat: all).
    ``keep`` is the person the record names already, kept whatever their consent.
    """
    people = (
        Person.objects.filter(organisation__country=country)
        | Person.objects.filter(appointments__country=country)
        | Person.objects.filter(organisation__country__isnull=True, organisation__isnull=False)
    )
    if not (isinstance(editor, User) and is_secretariat(editor)):
        countries = user_countries(editor) if isinstance(editor, User) else []
        in_force = Appointment.objects.current().filter(country__in=countries)
        listable = (
            Q(directory_consent=True)
            | Q(organisation__country__in=countries)
            | Q(pk__in=in_force.values("person"))
        )
        if keep is not None:
            listable |= Q(pk=keep)
        people = people.filter(listable)
    return people.distinct().order_by("full_name")
