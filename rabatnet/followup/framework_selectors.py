"""Reads of the public framework pages: each framework with its predecessor and successors;
one framework's pillars, objectives, roadmap actions, and per objective the published
meetings linked to it with their follow-up actions counted by status."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from rabatnet.meetings.models import FollowUpAction, Meeting
from rabatnet.strategy.models import Framework, Objective, Pillar, RoadmapAction

STATUSES = FollowUpAction.Status


def frameworks() -> QuerySet[Framework]:
    """Every framework, oldest first, with its counts (pillars, objectives, roadmap actions)."""
    return (
        Framework.objects.select_related("predecessor")
        .prefetch_related(Prefetch("successors", Framework.objects.order_by("adopted_year")))
        .annotate(
            pillar_count=Count("pillars", distinct=True),
            objective_count=Count("objectives", distinct=True),
            roadmap_count=Count("roadmap_actions", distinct=True),
        )
        .order_by("adopted_year", "pk")
    )


@dataclass
class MeetingCounts:
    """A published meeting linked to an objective and its actions counted by status."""

    meeting: Meeting
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class ObjectiveRow:
    objective: Objective
    roadmap_actions: list[RoadmapAction] = field(default_factory=list)
    meetings: list[MeetingCounts] = field(default_factory=list)


@dataclass
class PillarBlock:
    pillar: Pillar | None  # None: the cross-cutting objectives
    objectives: list[ObjectiveRow]


@dataclass
class FrameworkPage:
    framework: Framework
    pillars: list[PillarBlock]
    roadmap_without_objective: list[RoadmapAction]
    statuses: list[tuple[str, str]]


def framework_page(slug: str) -> FrameworkPage:
    """Everything the framework page shows, in six queries; 404 for an unknown slug."""
    framework = (
        Framework.objects.select_related("predecessor")
        .prefetch_related("successors")
        .filter(slug=slug)
        .first()
    )
    if framework is None:
        raise Http404("No such framework.")
    pillars = list(framework.pillars.order_by("number"))
    objectives = list(
        framework.objectives.order_by("number").prefetch_related(
            Prefetch("meetings", Meeting.objects.published().order_by("starts_at"))
        )
    )
    roadmap = list(framework.roadmap_actions.order_by("number"))
    meeting_ids = {m.pk for o in objectives for m in o.meetings.all()}
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for row in (
        FollowUpAction.objects.filter(meeting__in=meeting_ids)
        .order_by()  # the model's ordering would split the groups
        .values("meeting_id", "status")
        .annotate(n=Count("pk"))
    ):
        counts[row["meeting_id"]][row["status"]] = row["n"]
    rows: dict[int, ObjectiveRow] = {}
    for objective in objectives:
        rows[objective.pk] = ObjectiveRow(
            objective,
            meetings=[
                MeetingCounts(m, {s: counts[m.pk].get(s, 0) for s in STATUSES.values})
                for m in objective.meetings.all()
            ],
        )
    loose = []
    for item in roadmap:
        if item.objective_id in rows:
            rows[item.objective_id].roadmap_actions.append(item)
        else:
            loose.append(item)
    blocks = [
        PillarBlock(p, [r for r in rows.values() if r.objective.pillar_id == p.pk]) for p in pillars
    ]
    cross = [r for r in rows.values() if r.objective.pillar_id is None]
    if cross:
        blocks.append(PillarBlock(None, cross))
    return FrameworkPage(framework, blocks, loose, [(s.value, str(s.label)) for s in STATUSES])
