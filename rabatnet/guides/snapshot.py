"""The guide as plain data: what an edition freezes, hashes and renders.

Built in the guide's own language; deterministic (no timestamps), so the same
records always give the same SHA-256. Schema 2: every record carries a stable ``id``
("<app>.<model>:<pk>") and every person a ``person`` id, so comparisons and redactions
find records and people across editions (docs/decisions/0020).
"""

from typing import Any

from django.db.models import Model
from django.utils import translation

from rabatnet.countries.models import Country
from rabatnet.network.models import Person
from rabatnet.sources.selectors import source_table

from .models import (
    ActorRole,
    Challenge,
    ContentItem,
    Guide,
    Language,
    PolicyStage,
    Practice,
    Recommendation,
    WorkgroupMember,
)

SCHEMA = 2


def record_id(obj: Model) -> str:
    """The stable id of a record in a snapshot: its model and primary key."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def _person(person: Person) -> dict[str, Any]:
    organisation = person.organisation
    return {
        "person": record_id(person),
        "name": person.full_name,
        "position": person.job_title,
        "organisation": str(organisation) if organisation else "",
        "email": person.email,
        "phone": person.phone,
    }


def _part_one(country: Country) -> dict[str, Any]:
    table: dict[str, Any] = source_table(country)
    areas = [{"id": record_id(a), "slug": a.slug, "name": a.name} for a in table["areas"]]
    slugs = {a.pk: a.slug for a in table["areas"]}
    groups = []
    for group in table["groups"]:
        entities = []
        for row in group["rows"]:
            entity = row["entity"]
            entities.append(
                {
                    "id": record_id(entity),
                    "group": group["key"],
                    "name": str(entity),
                    "areas": sorted(slugs[pk] for pk in row["areas"]),
                    "sources": [
                        {
                            "id": record_id(s),
                            "name": s.name,
                            "kind": s.get_kind_display(),
                            "status": s.get_status_display(),
                            "periodicity": s.get_periodicity_display(),
                            "last_release": s.last_release,
                            "access": s.get_access_display(),
                            "areas": [a.name for a in s.areas.all()],
                            "indicators": [i.name for i in s.indicators.all()],
                            "contact": s.contact.full_name if consented else "",
                            "contact_person": record_id(s.contact)
                            if s.contact and consented
                            else "",
                            "description": s.description,
                            "url": s.url,
                        }
                        for s in row["sources"]
                        for consented in [bool(s.contact and s.contact.guide_consent)]
                    ],
                }
            )
        groups.append({"key": group["key"], "entities": entities})
    return {"areas": areas, "groups": groups}


def _part_two(guide: Guide) -> dict[str, Any]:
    roles = ActorRole.objects.filter(guide=guide).select_related("organisation").order_by("pk")
    stages = [{"key": key, "name": str(label)} for key, label in PolicyStage.choices]
    actors: dict[str, dict[str, Any]] = {}
    for role in roles:
        actor = actors.setdefault(
            str(role.organisation),
            {"id": record_id(role.organisation), "name": str(role.organisation), "roles": {}},
        )
        actor["roles"][role.stage] = role.description
    return {"stages": stages, "actors": [actors[name] for name in sorted(actors)]}


def _part_three(guide: Guide) -> dict[str, Any]:
    covered = set(guide.profile_contents.values_list("pk", flat=True))
    # A published guide names only the people who agreed to appear in it.
    members = WorkgroupMember.objects.filter(
        guide=guide, person__guide_consent=True
    ).select_related("person", "person__organisation")
    practices = Practice.objects.filter(guide=guide).select_related("organisation")
    challenges = (
        Challenge.objects.filter(guide=guide)
        .select_related("challenge_type")
        .prefetch_related("actions__owner")
    )
    return {
        "contents": [
            {"id": record_id(item), "title": item.title, "covered": item.pk in covered}
            for item in ContentItem.objects.all()
        ],
        "workgroup": [
            {
                "id": record_id(m),
                **_person(m.person),
                "role": m.role_in_group,
                "coordinator": m.is_coordinator,
            }
            for m in members
        ],
        "practices": [
            {
                "id": record_id(p),
                "kind": p.get_kind_display(),
                "title": p.title,
                "description": p.description,
                "organisation": str(p.organisation) if p.organisation else "",
                "year": p.year,
            }
            for p in practices
        ],
        "challenges": [
            {
                "id": record_id(c),
                "title": str(c),
                "listed": c.challenge_type_id is not None,
                "description": c.description,
                "actions": [
                    {
                        "id": record_id(a),
                        "description": a.description,
                        "owner": str(a.owner),
                        "due_date": a.due_date.isoformat() if a.due_date else "",
                        "status": a.get_status_display(),
                    }
                    for a in c.actions.all()
                ],
            }
            for c in challenges
        ],
    }


def _part_four(guide: Guide) -> dict[str, Any]:
    categories = []
    by_category: dict[str, list[Recommendation]] = {}
    for recommendation in Recommendation.objects.filter(guide=guide):
        by_category.setdefault(recommendation.category, []).append(recommendation)
    for key, label in Recommendation.Category.choices:
        if key in by_category:
            categories.append(
                {
                    "key": key,
                    "name": str(label),
                    "items": [
                        {
                            "id": record_id(r),
                            "category": str(label),
                            "text": r.text,
                            "addressee": r.addressee,
                            "priority": r.get_priority_display(),
                        }
                        for r in by_category[key]
                    ],
                }
            )
    return {"categories": categories}


def _annex(guide: Guide) -> list[dict[str, Any]]:
    """People of the workgroup and source contacts who agreed to appear, by name."""
    people = (
        Person.objects.filter(guide_consent=True)
        .filter(
            pk__in=list(
                WorkgroupMember.objects.filter(guide=guide).values_list("person", flat=True)
            )
            + list(guide.country.sources.exclude(contact=None).values_list("contact", flat=True))
        )
        .select_related("organisation")
        .order_by("full_name", "pk")
    )
    return [{"id": record_id(p), **_person(p)} for p in people]


def guide_snapshot(guide: Guide) -> dict[str, Any]:
    """Everything the guide shows, in its language, as JSON-ready data."""
    with translation.override(guide.language):
        country = guide.country
        return {
            "schema": SCHEMA,
            "country": {
                "iso3": country.iso3,
                "name": getattr(country, f"name_{guide.language}")
                or getattr(country, f"name_{Language.EN}"),
            },
            "language": guide.language,
            "title": guide.title,
            "is_example": guide.is_example,
            "context": guide.context,
            "part1": _part_one(country),
            "part2": _part_two(guide),
            "part3": _part_three(guide),
            "part4": _part_four(guide),
            "annex": _annex(guide),
        }
