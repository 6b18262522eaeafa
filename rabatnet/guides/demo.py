"""Demo guides: the JSON files of ``data/demo/guides/`` turned into records (example content).

Each file describes one country's guide (schema in ``data/demo/guides/README.md``):
organisations and people under local keys, the sources of part I, the parts II to IV,
the stage the guide should reach and, optionally, the dates of its steps. Loading is
idempotent: a guide that already exists for the country and language is left alone,
organisations are matched by (name, country) and people by e-mail address.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor
from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Organisation, Person, Role
from rabatnet.network.services import organisation_create, person_create
from rabatnet.sources.models import Area, Source

from . import lifecycle, services
from .models import (
    ActorRole,
    Challenge,
    ChallengeType,
    ContentItem,
    CorrectiveAction,
    Edition,
    Guide,
    GuideEvent,
    Practice,
    Recommendation,
    Stage,
    WorkgroupMember,
)

DEMO_DIR = Path(settings.DATA_DIR) / "demo" / "guides"
DEMO_FILES = ("senegal.json", "ghana.json")
SCHEMA = 1
# Demo accounts (``load_demo``) sign the steps when they exist; never a real person's account.
DEMO_ACCOUNT_DOMAIN = "@demo.rabatnet.org"
TARGET_STAGES = (Stage.DRAFTING, Stage.SUBMITTED, Stage.ENDORSED, Stage.PUBLISHED)


@dataclass
class LoadResult:
    country: str
    language: str
    created: bool
    stage: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Context:
    """What one file's records refer to while they are created."""

    country: Country
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)


def read_file(path: Path) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: unknown schema {data.get('schema')!r} (expected {SCHEMA}).")
    if data.get("target_stage") not in TARGET_STAGES:
        raise ValueError(f"{path}: target_stage must be one of {', '.join(TARGET_STAGES)}.")
    return data


def _demo_user(roles: list[str], country: Country | None) -> User | None:
    """The demo account holding one of ``roles`` (for ``country``), if ``load_demo`` made one."""
    for role in roles:
        appointment = (
            Appointment.objects.current()
            .filter(role=role, country=country, person__user__isnull=False)
            .filter(person__user__email__endswith=DEMO_ACCOUNT_DOMAIN)
            .select_related("person__user")
            .order_by("pk")
            .first()
        )
        if appointment is not None:
            return appointment.person.user
    return None


def _organisation(spec: dict[str, Any]) -> Organisation:
    country = Country.objects.get(iso3=spec["country"]) if spec.get("country") else None
    found = Organisation.objects.filter(name=spec["name"], country=country).first()
    if found is not None:
        return found
    return organisation_create(
        name=spec["name"],
        acronym=spec.get("acronym", ""),
        kind=spec["kind"],
        country=country,
        website=spec.get("website", ""),
    )


def _person(spec: dict[str, Any], ctx: _Context) -> Person:
    found = Person.objects.filter(email__iexact=spec["email"]).first()
    if found is not None:
        return found
    return person_create(
        full_name=spec["full_name"],
        email=spec["email"],
        job_title=spec.get("job_title", ""),
        organisation=_ref(ctx.organisations, spec.get("organisation")),
        phone=spec.get("phone", ""),
        directory_consent=spec.get("directory_consent", False),
        guide_consent=spec.get("guide_consent", False),
    )


def _sources(specs: list[dict[str, Any]], ctx: _Context) -> None:
    areas = {area.slug: area for area in Area.objects.all()}
    for spec in specs:
        entity = ctx.organisations[spec["entity"]]
        if Source.objects.filter(country=ctx.country, entity=entity, name=spec["name"]).exists():
            continue
        source = Source(
            country=ctx.country,
            entity=entity,
            name=spec["name"],
            kind=spec["kind"],
            status=spec.get("status", Source.Status.EXISTING),
            periodicity=spec["periodicity"],
            last_release=spec.get("last_release", ""),
            access=spec["access"],
            contact=_ref(ctx.people, spec.get("contact")),
            description=spec.get("description", ""),
            url=spec.get("url", ""),
            is_example=True,
        )
        record_actor(source, None)
        source.full_clean()
        source.save()
        source.areas.set([areas[slug] for slug in spec["areas"]])


def _ref(table: dict[str, Any], key: str | None) -> Any:
    """The record a local key names (KeyError for a key the file does not define)."""
    return table[key] if key else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _create(instance: Any) -> Any:
    return services.part_create(instance=instance, actor=None)


def _parts(guide: Guide, data: dict[str, Any], ctx: _Context) -> None:
    """Parts II to IV: actors, workgroup, practices, challenges with actions, recommendations."""
    orgs, people = ctx.organisations, ctx.people
    for actor in data["actors"]:
        for stage, description in actor["roles"].items():
            _create(
                ActorRole(
                    guide=guide,
                    organisation=orgs[actor["organisation"]],
                    stage=stage,
                    description=description,
                )
            )
    for member in data["workgroup"]:
        _create(
            WorkgroupMember(
                guide=guide,
                person=people[member["person"]],
                role_in_group=member.get("role", ""),
                is_coordinator=member.get("coordinator", False),
            )
        )
    for practice in data["practices"]:
        _create(
            Practice(
                guide=guide,
                kind=practice["kind"],
                title=practice["title"],
                description=practice["description"],
                organisation=_ref(orgs, practice.get("organisation")),
                year=practice.get("year"),
            )
        )
    types = {t.slug: t for t in ChallengeType.objects.all()}
    for spec in data["challenges"]:
        challenge = _create(
            Challenge(
                guide=guide,
                challenge_type=_ref(types, spec.get("type")),
                title=spec.get("title", ""),
                description=spec.get("description", ""),
            )
        )
        for action in spec["actions"]:
            _create(
                CorrectiveAction(
                    challenge=challenge,
                    description=action["description"],
                    owner=orgs[action["owner"]],
                    due_date=_date(action.get("due_date")),
                    status=action.get("status", CorrectiveAction.Status.PLANNED),
                )
            )
    for recommendation in data["recommendations"]:
        _create(
            Recommendation(
                guide=guide,
                category=recommendation["category"],
                text=recommendation["text"],
                addressee=recommendation["addressee"],
                priority=recommendation["priority"],
            )
        )


def _lifecycle(guide: Guide, target: str) -> None:
    """Drive the guide through the services up to ``target``, signed by demo accounts."""
    country = guide.country
    editor = _demo_user([Role.FOCAL_POINT, Role.WORKGROUP_MEMBER], country)
    for stage in lifecycle.PREPARATION[1:]:
        services.guide_advance(guide=guide, stage=stage, actor=editor)
    if target == Stage.DRAFTING:
        return
    edition = services.guide_submit(guide=guide, actor=editor)
    if target == Stage.SUBMITTED:
        return
    authority = _demo_user([Role.COORDINATING_AUTHORITY], country)
    edition = services.edition_endorse(edition=edition, actor=authority)
    if target == Stage.ENDORSED:
        return
    services.edition_publish(edition=edition, actor=_demo_user([Role.SECRETARIAT], None))


def _backdate(guide: Guide, timeline: dict[str, str]) -> None:
    """Give the steps just recorded the dates of the demo's story (10:00 on each day)."""
    zone = timezone.get_current_timezone()
    when = {
        stage: datetime.combine(date.fromisoformat(day), time(10), tzinfo=zone)
        for stage, day in timeline.items()
    }
    for event in GuideEvent.objects.filter(guide=guide, stage__in=list(when)):
        GuideEvent.objects.filter(pk=event.pk).update(at=when[event.stage])
    dates = {
        "submitted_at": when.get(Stage.SUBMITTED),
        "decided_at": when.get(Stage.ENDORSED),
        "published_at": when.get(Stage.PUBLISHED),
    }
    for edition in Edition.objects.filter(guide=guide):
        changes = {name: value for name, value in dates.items() if value and getattr(edition, name)}
        if changes:
            Edition.objects.filter(pk=edition.pk).update(**changes)


def guide_counts(guide: Guide) -> dict[str, int]:
    return {
        "sources": Source.objects.filter(country=guide.country).count(),
        "actor_roles": ActorRole.objects.filter(guide=guide).count(),
        "workgroup": WorkgroupMember.objects.filter(guide=guide).count(),
        "practices": Practice.objects.filter(guide=guide).count(),
        "challenges": Challenge.objects.filter(guide=guide).count(),
        "actions": CorrectiveAction.objects.filter(challenge__guide=guide).count(),
        "recommendations": Recommendation.objects.filter(guide=guide).count(),
        "editions": guide.editions.count(),
    }


@transaction.atomic
def load_guide(data: dict[str, Any]) -> LoadResult:
    """Create one demo guide from its file's data, unless the country has it already."""
    country = Country.objects.get(iso3=data["country"])
    existing = Guide.objects.filter(country=country, language=data["language"]).first()
    if existing is not None:
        return LoadResult(
            country.iso3, data["language"], False, existing.stage, guide_counts(existing)
        )
    ctx = _Context(country=country)
    ctx.organisations = {key: _organisation(spec) for key, spec in data["organisations"].items()}
    ctx.people = {key: _person(spec, ctx) for key, spec in data["people"].items()}
    _sources(data["sources"], ctx)

    guide = services.guide_start(
        country=country, language=data["language"], actor=None, title=data["title"]
    )
    guide.context = data["context"]
    guide.is_example = True
    record_actor(guide, None)
    guide.save(update_fields=["context", "is_example", "updated_at"])
    contents = list(ContentItem.objects.filter(slug__in=data["profile_contents"]))
    if len(contents) != len(set(data["profile_contents"])):
        raise ValidationError(f"{country.iso3}: unknown profile content in the demo file.")
    services.guide_contents_set(guide=guide, items=contents, actor=None)
    _parts(guide, data, ctx)

    _lifecycle(guide, data["target_stage"])
    if data.get("timeline"):
        _backdate(guide, data["timeline"])
    guide.refresh_from_db()
    return LoadResult(country.iso3, data["language"], True, guide.stage, guide_counts(guide))


@transaction.atomic
def load_demo_guides(paths: list[Path] | None = None) -> list[LoadResult]:
    """Load every demo file in one transaction; files are all read before anything is written."""
    files = [read_file(path) for path in (paths or [DEMO_DIR / name for name in DEMO_FILES])]
    return [load_guide(data) for data in files]
