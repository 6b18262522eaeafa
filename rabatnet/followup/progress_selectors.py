"""Reads of the published follow-up data: verified assessments and verified initiatives.

Each function costs a fixed number of queries, whatever the number of countries or
objectives: the matrix, the dashboard and the API rest on them.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from rabatnet.countries.models import Country
from rabatnet.countries.selectors import name_sort_key
from rabatnet.strategy.models import Framework, Objective

from .models import Assessment, Cycle, Initiative
from .models.initiatives import ReviewState
from .progress import Cell

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


class BadCycle(ValueError):
    """A ``?cycle=`` that names no cycle (or cannot name one)."""


def published_cycles() -> QuerySet[Cycle]:
    """Cycles with at least one verified assessment, newest first."""
    verified = Assessment.objects.published().filter(cycle=OuterRef("pk"))
    return (
        Cycle.objects.select_related("framework")
        .filter(Exists(verified))
        .order_by("-opens_on", "-pk")
    )


def latest_published_cycle() -> Cycle | None:
    return published_cycles().first()


def all_cycles() -> QuerySet[Cycle]:
    return Cycle.objects.select_related("framework").order_by("-opens_on", "-pk")


def chosen_cycle(value: str | None, *, published_only: bool = True) -> Cycle | None:
    """The cycle named by ``value`` (a slug), else the latest one with published data.

    Raises ``BadCycle`` for a value that is given but names none (checked before any query
    when it cannot be a slug: control characters, huge strings).
    """
    return cycle_among(published_cycles() if published_only else all_cycles(), value)


def cycle_among(cycles: QuerySet[Cycle], value: str | None) -> Cycle | None:
    """The cycle of ``cycles`` whose slug is ``value``, the first of them for no value;
    ``BadCycle`` for a value that names none (refused before any query if no slug)."""
    if not value:
        return cycles.first()
    if not SLUG.fullmatch(value):
        raise BadCycle(value)
    found = cycles.filter(slug=value).first()
    if found is None:
        raise BadCycle(value)
    return found


def objectives_of(framework: Framework) -> list[Objective]:
    return list(
        Objective.objects.filter(framework=framework).select_related("pillar").order_by("number")
    )


@dataclass(frozen=True)
class PublishedAssessment:
    """The published part of a verified assessment (what the matrix, CSV and API show)."""

    iso3: str
    objective: int
    pillar: int | None
    verified_status: str
    self_status: str
    verified_at: datetime | None


def published_assessments(cycle: Cycle, iso3: str | None = None) -> list[PublishedAssessment]:
    """The verified assessments of ``cycle`` (of one country if ``iso3``), one query."""
    qs = Assessment.objects.published().filter(cycle=cycle)
    if iso3:
        qs = qs.filter(country__iso3=iso3)
    rows = qs.values_list(
        "country__iso3",
        "objective__number",
        "objective__pillar__number",
        "verified_status",
        "self_status",
        "verified_at",
    ).order_by("country__iso3", "objective__number")
    return [PublishedAssessment(*row) for row in rows]


def cells(assessments: list[PublishedAssessment]) -> list[Cell]:
    """What the roll-ups are computed from (verified statuses; a blank one is left out)."""
    return [
        Cell(a.iso3, a.objective, a.pillar, a.verified_status)
        for a in assessments
        if a.verified_status
    ]


def matrix_countries(cycle: Cycle) -> list[Country]:
    """The countries taking part today and any other with a verified assessment in ``cycle``."""
    verified = Assessment.objects.published().filter(cycle=cycle, country=OuterRef("pk"))
    taking_part = Country.objects.taking_part().values("pk")
    found = Country.objects.filter(Exists(verified) | Exists(taking_part.filter(pk=OuterRef("pk"))))
    return sorted(found, key=name_sort_key)


def initiative_counts(framework: Framework) -> Counter[tuple[str, int]]:
    """(ISO3, objective number) -> published initiatives entered by or concerning the country
    for that objective of ``framework``; two queries, each initiative counted once per cell."""
    published = Initiative.objects.filter(review_state=ReviewState.VERIFIED)
    base = published.filter(objectives__framework=framework)
    pairs = set(base.values_list("pk", "country__iso3", "objectives__number"))
    pairs |= set(
        base.filter(countries__isnull=False).values_list(
            "pk", "countries__iso3", "objectives__number"
        )
    )
    return Counter((iso3, number) for _pk, iso3, number in pairs)


def initiatives_per_objective(framework: Framework) -> dict[int, int]:
    """Objective number -> published initiatives linked to it (each once); one query."""
    rows = (
        Objective.objects.filter(framework=framework)
        .annotate(
            n=Count(
                "initiatives",
                filter=Q(initiatives__review_state=ReviewState.VERIFIED),
                distinct=True,
            )
        )
        .values_list("number", "n")
    )
    return dict(rows)


def country_initiatives(country: Country) -> QuerySet[Initiative]:
    """The country's published initiatives (entered by it or concerning it), newest first."""
    return (
        Initiative.objects.published()
        .filter(Q(country=country) | Q(countries=country))
        .distinct()
        .prefetch_related("objectives")
        .order_by("-starts_on", "title")
    )
