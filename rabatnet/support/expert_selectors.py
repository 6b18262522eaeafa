"""Who is on the roster, and the roster filtered (the secretariat's list; matching reads it).

On the roster means: an ``expert`` appointment in force on the day (today by default) and
the person not erased. The profile of somebody taken off the roster stays (their track
record); they just no longer appear here.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Role
from rabatnet.strategy.models import Objective, Theme

from .models import Availability, Expert


def on_roster_condition(on: date | None = None) -> Exists:
    """True for a profile whose person holds an ``expert`` appointment in force on ``on``."""
    return Exists(
        Appointment.objects.current(on).filter(person=OuterRef("person"), role=Role.EXPERT)
    )


def roster(on: date | None = None) -> QuerySet[Expert]:
    """The experts on the roster on ``on`` (today by default): an ``expert`` appointment in
    force and the person not erased. Ordered by name."""
    return (
        Expert.objects.filter(on_roster_condition(on), person__erased_at__isnull=True)
        .select_related("person", "nationality")
        .order_by("person__full_name", "pk")
    )


def is_on_roster(expert: Expert, on: date | None = None) -> bool:
    return roster(on).filter(pk=expert.pk).exists()


def available_between(
    experts: QuerySet[Expert], starts_on: date, ends_on: date
) -> QuerySet[Expert]:
    """The experts with one availability period covering ``starts_on`` to ``ends_on``."""
    return experts.filter(
        Exists(
            Availability.objects.filter(
                expert=OuterRef("pk"), starts_on__lte=starts_on, ends_on__gte=ends_on
            )
        )
    )


def with_json_code(experts: QuerySet[Expert], field_name: str, code: str) -> QuerySet[Expert]:
    """Experts whose JSON list ``field_name`` (kinds, languages) holds ``code``.

    ``icontains`` on the JSON text works on SQLite and PostgreSQL alike; the quotes make it
    match a whole code (codes are validated against their choices before they get here)."""
    return experts.filter(**{f"{field_name}__icontains": f'"{code}"'})


@dataclass
class RosterFilters:
    """The roster's filters, already checked (``expert_forms.RosterFilterForm``)."""

    objective: Objective | None = None
    theme: Theme | None = None
    kind: str = ""
    language: str = ""
    experience: Country | None = None
    nationality: Country | None = None
    available_from: date | None = None
    available_until: date | None = None
    text: str = ""
    kinds_of_expert: list[str] = field(default_factory=list)


def roster_filtered(filters: RosterFilters, on: date | None = None) -> QuerySet[Expert]:
    """The roster narrowed by ``filters``; each filter is optional."""
    experts = roster(on)
    if filters.objective is not None:
        experts = experts.filter(objectives=filters.objective)
    if filters.theme is not None:
        experts = experts.filter(themes=filters.theme)
    if filters.kind:
        experts = with_json_code(experts, "kinds", filters.kind)
    if filters.language:
        experts = with_json_code(experts, "languages", filters.language)
    if filters.experience is not None:
        experts = experts.filter(countries_of_experience=filters.experience)
    if filters.nationality is not None:
        experts = experts.filter(nationality=filters.nationality)
    if filters.available_from is not None or filters.available_until is not None:
        starts_on = filters.available_from or filters.available_until
        ends_on = filters.available_until or filters.available_from
        assert starts_on is not None and ends_on is not None
        experts = available_between(experts, starts_on, ends_on)
    if filters.text:
        experts = experts.filter(
            Q(person__full_name__icontains=filters.text) | Q(summary__icontains=filters.text)
        )
    if filters.kinds_of_expert:
        experts = experts.filter(kind__in=filters.kinds_of_expert)
    return experts.distinct()


def with_listing_data(experts: QuerySet[Expert]) -> QuerySet[Expert]:
    """Prefetch what the roster table shows: countries and the periods not yet over."""
    today = timezone.localdate()
    return experts.prefetch_related(
        "countries_of_experience",
        Prefetch(
            "availabilities",
            queryset=Availability.objects.filter(ends_on__gte=today).order_by("starts_on"),
            to_attr="coming_periods",
        ),
    )


def availability_now_or_next(expert: Expert, today: date | None = None) -> Availability | None:
    """The period the expert is available in today, or else the next one (prefetched by
    ``with_listing_data`` as ``coming_periods``, otherwise read)."""
    today = today or timezone.localdate()
    periods = getattr(expert, "coming_periods", None)
    if periods is None:
        periods = list(expert.availabilities.filter(ends_on__gte=today).order_by("starts_on"))
    return periods[0] if periods else None
