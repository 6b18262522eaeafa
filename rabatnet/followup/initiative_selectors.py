"""Reads of the follow-up's initiatives: public lists and filters, a country's entries,
the secretariat's queue, an initiative's history."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation

from rabatnet.countries.models import Country
from rabatnet.network.models import Person
from rabatnet.strategy.models import Framework, Objective

from .models import Contributor, Initiative, InitiativeSource, ReviewState


def shown(initiative: Initiative, name: str) -> str:
    """``name`` ("title" or "summary") in the current language, else in the other one."""
    first, second = ("fr", "en") if translation.get_language() == "fr" else ("en", "fr")
    return str(
        getattr(initiative, f"{name}_{first}") or getattr(initiative, f"{name}_{second}") or ""
    )


def current_framework() -> Framework | None:
    """The framework in force: the latest one no other framework follows."""
    return (
        Framework.objects.filter(successors__isnull=True).order_by("-adopted_year", "-pk").first()
    )


def current_objectives() -> QuerySet[Objective]:
    framework = current_framework()
    if framework is None:
        return Objective.objects.none()
    return Objective.objects.filter(framework=framework).order_by("number")


def _with_relations(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return queryset.select_related("country", "verified_by").prefetch_related(
        "countries",
        Prefetch(
            "objectives", queryset=Objective.objects.select_related("framework").order_by("number")
        ),
        "partners",
        Prefetch("sources", queryset=InitiativeSource.objects.order_by("pk")),
    )


@dataclass(frozen=True)
class Filters:
    """What the public list, the CSV and the API filter on (each optional)."""

    country: Country | None = None
    objective: Objective | None = None
    kind: str = ""
    status: str = ""
    year: int | None = None


def published(filters: Filters | None = None) -> QuerySet[Initiative]:
    """Verified initiatives, newest verification first, with what a page shows."""
    queryset = Initiative.objects.published()
    f = filters or Filters()
    if f.country is not None:
        queryset = queryset.filter(Q(country=f.country) | Q(countries=f.country))
    if f.objective is not None:
        queryset = queryset.filter(objectives=f.objective)
    if f.kind:
        queryset = queryset.filter(kind=f.kind)
    if f.status:
        queryset = queryset.filter(status=f.status)
    if f.year is not None:
        # Running in the year: started by its end and not ended before it began.
        queryset = queryset.filter(
            Q(starts_on__year__lte=f.year) | Q(starts_on__isnull=True),
            Q(ends_on__year__gte=f.year) | Q(ends_on__isnull=True),
        ).exclude(starts_on__isnull=True, ends_on__isnull=True)
    ids = queryset.values("pk")
    return _with_relations(Initiative.objects.filter(pk__in=ids)).order_by("-verified_at", "-pk")


def published_one(pk: int) -> Initiative | None:
    return _with_relations(Initiative.objects.published()).filter(pk=pk).first()


def of_country(country: Country) -> QuerySet[Initiative]:
    """Every initiative ``country`` entered, whatever its state."""
    return _with_relations(Initiative.objects.filter(country=country)).order_by(
        "review_state", "-updated_at"
    )


def queue() -> QuerySet[Initiative]:
    """Submitted initiatives, the longest waiting first."""
    return _with_relations(Initiative.objects.filter(review_state=ReviewState.SUBMITTED)).order_by(
        "submitted_at", "pk"
    )


def one(pk: int) -> Initiative:
    return _with_relations(Initiative.objects.all()).get(pk=pk)


def contributors(country: Country, *, include_ended: bool = True) -> QuerySet[Contributor]:
    queryset = Contributor.objects.filter(country=country).select_related(
        "person", "person__organisation", "designated_by"
    )
    if not include_ended:
        queryset = queryset.filter(ended_at__isnull=True)
    return queryset.order_by("ended_at", "person__full_name")


def designable_people(country: Country) -> QuerySet[Person]:
    """People of ``country`` with an account who are not contributors for it now: those
    appointed for it, or working for one of its organisations."""
    current = Contributor.objects.filter(country=country, ended_at__isnull=True).values("person_id")
    return (
        Person.objects.filter(user__isnull=False, erased_at__isnull=True, user__is_active=True)
        .filter(Q(appointments__country=country) | Q(organisation__country=country))
        .exclude(pk__in=current)
        .distinct()
        .order_by("full_name")
    )


@dataclass
class Change:
    """One line of an initiative's history: who, when, what kind, which fields."""

    at: datetime
    who: str
    kind: str
    fields: list[str] = field(default_factory=list)
    state: str = ""


def history(initiative: Initiative) -> list[Change]:
    """The initiative's recorded changes, newest first, with the fields each changed."""
    records = list(initiative.history.order_by("-history_date", "-history_id"))
    user_ids = {r.history_user_id for r in records if r.history_user_id is not None}
    names_by_user = {p.user_id: p.display_name for p in Person.objects.filter(user_id__in=user_ids)}
    related = _m2m_rows(records)
    changes = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        names: list[str] = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=list(M2M_TRACKED))
            names = [_label(c.field) for c in delta.changes]
            names += [
                _label(name)
                for name, target in M2M_TRACKED.items()
                if related[name].get(record.pk) != related[name].get(previous.pk)
            ]
        changes.append(
            Change(
                at=record.history_date,
                who=names_by_user.get(record.history_user_id, ""),
                kind=record.get_history_type_display(),
                fields=names,
                state=record.get_review_state_display(),
            )
        )
    return changes


# The relations the history keeps (HistoricalRecords(m2m_fields=...)), with the column of
# the related record in their history rows; read from the prefetched rows.
M2M_TRACKED = {"objectives": "objective_id", "countries": "country_id"}


def _m2m_rows(records: list[Any]) -> dict[str, dict[int, set[int]]]:
    """For each tracked relation, the related keys of each history record (one query each)."""
    found: dict[str, dict[int, set[int]]] = {name: {} for name in M2M_TRACKED}
    if not records:
        return found
    for name, target in M2M_TRACKED.items():
        rows = getattr(records[0], name).model.objects.filter(history__in=records)
        for history_id, key in rows.values_list("history_id", target):
            found[name].setdefault(history_id, set()).add(key)
    return found


def _label(name: str) -> str:
    try:
        found = Initiative._meta.get_field(name)
    except FieldDoesNotExist:  # a field only the history has
        return name
    return str(getattr(found, "verbose_name", name))
