"""Reads of follow-up actions: the public list, a meeting's actions, the previous meeting's
open actions. "Overdue" is derived: a deadline before today while still open or in progress.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, Case, F, Q, QuerySet, Value, When
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.strategy.models import Framework, Objective

from .models import FollowUpAction, Meeting

RELATED = ("meeting", "owner_country", "owner_organisation", "objective", "conclusion")


def overdue_q(today: date | None = None) -> Q:
    """Deadline before ``today`` (the site's local date), still open or in progress."""
    today = today or timezone.localdate()
    return Q(deadline__lt=today, status__in=FollowUpAction.OPEN_STATUSES)


def is_overdue(action: FollowUpAction) -> bool:
    """The ``overdue`` flag ``with_overdue`` put on ``action`` (False if not annotated)."""
    return bool(getattr(action, "overdue", False))


def with_overdue(actions: QuerySet[FollowUpAction], today: date | None = None) -> QuerySet:
    """``actions`` each with ``overdue`` (``overdue_q``)."""
    overdue = overdue_q(today)
    flag = Case(When(overdue, then=Value(True)), default=Value(False), output_field=BooleanField())
    return actions.annotate(overdue=flag)


def public_actions() -> QuerySet[FollowUpAction]:
    """Actions of published meetings, soonest deadline first (none last)."""
    actions = FollowUpAction.objects.filter(meeting__published=True).select_related(*RELATED)
    return with_overdue(actions).order_by(
        F("deadline").asc(nulls_last=True), "-meeting__starts_at", "pk"
    )


@dataclass(frozen=True)
class ActionFilters:
    status: str = ""
    country: Country | None = None
    objective: Objective | None = None
    overdue: bool = False


def filtered_actions(filters: ActionFilters) -> QuerySet[FollowUpAction]:
    actions = public_actions()
    if filters.status:
        actions = actions.filter(status=filters.status)
    if filters.country is not None:
        actions = actions.filter(owner_country=filters.country)
    if filters.objective is not None:
        actions = actions.filter(objective=filters.objective)
    if filters.overdue:
        actions = actions.filter(overdue_q())
    return actions


def meeting_actions(meeting: Meeting) -> QuerySet[FollowUpAction]:
    """Every action of ``meeting``, by conclusion then deadline."""
    actions = FollowUpAction.objects.filter(meeting=meeting).select_related(*RELATED)
    return with_overdue(actions).order_by(
        F("conclusion__number").asc(nulls_last=True), F("deadline").asc(nulls_last=True), "pk"
    )


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The latest published meeting of the same kind that started before ``meeting``."""
    return (
        Meeting.objects.published()
        .filter(kind=meeting.kind, starts_at__lt=meeting.starts_at)
        .exclude(pk=meeting.pk)
        .order_by("-starts_at", "-pk")
        .first()
    )


@dataclass(frozen=True)
class PreviousOpenActions:
    """What the partial ``meetings/_open_actions.html`` shows."""

    meeting: Meeting | None
    actions: list[FollowUpAction]


def open_actions_of_previous(meeting: Meeting) -> PreviousOpenActions:
    """The open and in-progress actions of the previous published meeting of the same kind
    (``previous_meeting``), each with ``overdue``; two queries."""
    previous = previous_meeting(meeting)
    if previous is None:
        return PreviousOpenActions(None, [])
    actions = meeting_actions(previous).filter(status__in=FollowUpAction.OPEN_STATUSES)
    return PreviousOpenActions(previous, list(actions))


def meeting_framework(meeting: Meeting) -> Framework | None:
    """The framework a meeting's actions serve: its theme's, else its objectives', else the
    latest framework adopted by the meeting's year."""
    if meeting.theme_id is not None:
        return Framework.objects.filter(themes__pk=meeting.theme_id).first()
    linked = Framework.objects.filter(objectives__meetings=meeting).first()
    if linked is not None:
        return linked
    year = meeting.starts_at.year
    adopted = Framework.objects.filter(adopted_year__lte=year).order_by("-adopted_year", "pk")
    return adopted.first() or Framework.objects.order_by("pk").first()


def objective_choices(meeting: Meeting) -> QuerySet[Objective]:
    """The objectives an action of ``meeting`` may serve: those of its framework."""
    framework = meeting_framework(meeting)
    objectives = Objective.objects.select_related("framework")
    return objectives.filter(framework=framework) if framework else objectives
