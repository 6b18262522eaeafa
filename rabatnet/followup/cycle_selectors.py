"""Reads behind the cycle pages: completion per country, a country's entries beside the
previous cycle's, the verification queue."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.strategy.models import Objective

from .models import Assessment, Cycle, ProgressStatus, ReviewState

DONE = (ReviewState.SUBMITTED, ReviewState.VERIFIED)


@dataclass(frozen=True)
class Completion:
    """How far a country is in a cycle, counted in objectives of the cycle's framework
    (derived from its stored assessments, every state)."""

    country: Country
    objectives: int
    assessed: int
    submitted: int
    verified: int
    returned: int

    @property
    def complete(self) -> bool:
        """Every objective submitted (or verified): the country has reported."""
        return self.objectives > 0 and self.submitted >= self.objectives


@dataclass(frozen=True)
class Row:
    """One objective on a country's page: this cycle's entry and the one before."""

    objective: Objective
    assessment: Assessment | None
    previous: Assessment | None


def cycles() -> QuerySet[Cycle]:
    return Cycle.objects.select_related("framework").order_by("-opens_on", "slug")


def objective_count(cycle: Cycle) -> int:
    return Objective.objects.filter(framework_id=cycle.framework_id).count()


def completion(cycle: Cycle, countries: QuerySet[Country] | None = None) -> list[Completion]:
    """Per country (those taking part, and any other that entered something), in name
    order; ``countries`` narrows it to the ones a visitor may see."""
    total = objective_count(cycle)
    counts: dict[int, tuple[int, int, int, int]] = {
        row["country_id"]: (row["assessed"], row["submitted"], row["verified"], row["returned"])
        for row in Assessment.objects.filter(cycle=cycle)
        .values("country_id")
        .annotate(
            assessed=Count("pk"),
            submitted=Count("pk", filter=Q(review_state__in=DONE)),
            verified=Count("pk", filter=Q(review_state=ReviewState.VERIFIED)),
            returned=Count("pk", filter=Q(review_state=ReviewState.RETURNED)),
        )
    }
    shown = Country.objects.filter(
        Q(pk__in=Country.objects.taking_part().values("pk")) | Q(pk__in=list(counts))
    )
    if countries is not None:
        shown = shown.filter(pk__in=countries.values("pk"))
    result = []
    for country in shown.order_by("name"):
        assessed, submitted, verified, returned = counts.get(country.pk, (0, 0, 0, 0))
        result.append(Completion(country, total, assessed, submitted, verified, returned))
    return result


def country_rows(cycle: Cycle, country: Country) -> list[Row]:
    """Every objective of the cycle's framework with the country's entry, and beside it the
    country's entry on the same objective in its latest earlier cycle (any state: it is the
    country's own)."""
    objectives = list(
        Objective.objects.filter(framework_id=cycle.framework_id).select_related("pillar")
    )
    current = {
        a.objective_id: a
        for a in Assessment.objects.filter(cycle=cycle, country=country).select_related(
            "verified_by"
        )
    }
    previous: dict[int, Assessment] = {}
    earlier = (
        Assessment.objects.filter(
            country=country,
            objective__in=objectives,
            cycle__opens_on__lt=cycle.opens_on,
        )
        .exclude(cycle=cycle)
        .select_related("cycle")
        .order_by("objective_id", "-cycle__opens_on")
    )
    for assessment in earlier:
        previous.setdefault(assessment.objective_id, assessment)
    return [Row(o, current.get(o.pk), previous.get(o.pk)) for o in objectives]


def is_late(assessment: Assessment, cycle: Cycle | None = None) -> bool:
    """Submitted after the cycle's deadline (the deadline day counts as in time)."""
    cycle = cycle or assessment.cycle
    submitted: datetime | None = assessment.submitted_at
    return submitted is not None and timezone.localdate(submitted) > cycle.deadline


def verification_queue(cycle: Cycle) -> QuerySet[Assessment]:
    """Submitted assessments waiting for the secretariat, by country then objective."""
    return (
        Assessment.objects.filter(cycle=cycle, review_state=ReviewState.SUBMITTED)
        .select_related("country", "objective")
        .order_by("country__name", "objective__number")
    )


def open_cycles() -> QuerySet[Cycle]:
    """Cycles taking entries today."""
    today = timezone.localdate()
    return cycles().filter(closed_at__isnull=True, opens_on__lte=today)


# --- History ------------------------------------------------------------------------------

HISTORY_LIMIT = 1000
IGNORED = {
    "version",
    "updated_at",
    "created_at",
    "id",
    "cycle",
    "country",
    "objective",
    "verified_by",
}
SHOWN = 200  # characters of a long text shown in the history


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    at: datetime
    user: str
    objective: Objective
    kind: str  # created, changed, deleted
    fields: list[FieldChange]


def _shown(field_name: str, value: object) -> str:
    if value in (None, ""):
        return "—"
    choices = {
        "self_status": dict(ProgressStatus.choices),
        "verified_status": dict(ProgressStatus.choices),
        "review_state": dict(ReviewState.choices),
    }.get(field_name)
    if choices is not None:
        return str(choices.get(str(value), value))
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    text = str(value)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _label(field_name: str) -> str:
    return str(getattr(Assessment._meta.get_field(field_name), "verbose_name", field_name))


def country_history(cycle: Cycle, country: Country) -> list[Change]:
    """Every change to the country's entries in the cycle, newest first (at most
    HISTORY_LIMIT): who, when, which objective, each field from → to."""
    history = Assessment.history.model.objects.filter(cycle_id=cycle.pk, country_id=country.pk)
    records = list(
        history.select_related("history_user", "objective").order_by("-history_date")[
            :HISTORY_LIMIT
        ]
    )
    records.reverse()
    before: dict[int, object] = {}
    changes = []
    for record in records:
        prior = before.get(record.id)
        if record.history_type == "~" and prior is not None:
            fields = [
                FieldChange(_label(c.field), _shown(c.field, c.old), _shown(c.field, c.new))
                for c in record.diff_against(prior).changes
                if c.field not in IGNORED
            ]
        else:
            fields = [
                FieldChange(_label(name), "—", _shown(name, getattr(record, name)))
                for name in ("self_status", "narrative", "review_state")
                if record.history_type == "+"
            ]
        before[record.id] = record
        kind = {"+": "created", "-": "deleted"}.get(record.history_type, "changed")
        user = record.history_user.get_full_name() if record.history_user else ""
        changes.append(Change(record.history_date, user, record.objective, kind, fields))
    changes.reverse()
    return changes
