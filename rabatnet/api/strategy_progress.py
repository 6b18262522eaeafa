"""Progress of the strategy in the API (verified assessments only).

Per cycle with published data: every verified status (country, objective, weight) and the
derived roll-ups (overall, per pillar, per objective, per country), each with its count and
the formula in English and French (``rabatnet.followup.progress``: the one place for both).
"""

import functools
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Router, Schema

from rabatnet.countries.selectors import country_by_iso3
from rabatnet.followup import progress, progress_selectors
from rabatnet.followup.models import Cycle
from rabatnet.followup.progress import Rollup

from .schemas import ErrorOut, first_text

router = Router(tags=["strategy"])


class StatusOut(Schema):
    country: str
    objective: int
    verified_status: str
    weight: Decimal | None
    verified_on: date | None


class RollupOut(Schema):
    key: str
    value: Decimal | None
    n: int
    unit: str


class FormulaOut(Schema):
    en: str
    fr: str


class CycleProgressOut(Schema):
    slug: str
    title_en: str
    title_fr: str
    framework: str
    opens_on: date
    deadline: date
    closed: bool
    example: bool
    statuses: list[StatusOut]
    overall: RollupOut
    pillars: list[RollupOut]
    objectives: list[RollupOut]
    countries: list[RollupOut]


class ProgressOut(Schema):
    derived: FormulaOut
    weights: dict[str, Decimal | None]
    formulas: dict[str, FormulaOut]
    cycles: list[CycleProgressOut]


def _both(text: Callable[[], str]) -> FormulaOut:
    out = {}
    for language in ("en", "fr"):
        with translation.override(language):
            out[language] = text()
    return FormulaOut(**out)


def _rollup(r: Rollup) -> RollupOut:
    return RollupOut(key=r.key, value=r.value, n=r.n, unit=r.unit)


def _cycle(cycle: Cycle, iso3: str | None) -> CycleProgressOut:
    published = progress_selectors.published_assessments(cycle, iso3)
    cells = progress_selectors.cells(published)
    return CycleProgressOut(
        slug=cycle.slug,
        title_en=first_text(cycle.title_en, cycle.title),
        title_fr=first_text(cycle.title_fr, cycle.title_en, cycle.title),
        framework=cycle.framework.slug,
        opens_on=cycle.opens_on,
        deadline=cycle.deadline,
        closed=cycle.closed_at is not None,
        example=cycle.example,
        statuses=[
            StatusOut(
                country=a.iso3,
                objective=a.objective,
                verified_status=a.verified_status,
                weight=progress.weight(a.verified_status),
                verified_on=a.verified_at.date() if a.verified_at else None,
            )
            for a in published
        ],
        overall=_rollup(progress.overall(cells)),
        pillars=[_rollup(r) for r in progress.per_pillar(cells).values()],
        objectives=[
            _rollup(r)
            for r in sorted(progress.per_objective(cells).values(), key=lambda r: int(r.key))
        ],
        countries=[_rollup(r) for r in progress.per_country(cells).values()],
    )


@router.get(
    "/strategy/progress",
    response={200: ProgressOut, 404: ErrorOut},
    url_name="strategy_progress",
)
def strategy_progress(
    request: HttpRequest, cycle: str | None = None, country: str | None = None
) -> ProgressOut:
    """Verified progress per cycle, country and objective, and the derived roll-ups.

    Published data only: the statuses the secretariat verified. ``weight`` follows the
    weights given in ``weights`` (not applicable: null, left out of every mean). Every
    roll-up is derived, not published: ``value`` is the mean weight over ``n`` values
    (``unit``), computed as its formula in ``formulas`` says. Filters: ``cycle`` (a
    cycle's slug) and ``country`` (ISO 3166-1 alpha-3).
    """
    iso3 = country_by_iso3(country).iso3 if country else None
    cycles = progress_selectors.published_cycles()
    if cycle:
        if not progress_selectors.SLUG.fullmatch(cycle):
            raise Http404("Not a cycle identifier.")
        cycles = cycles.filter(slug=cycle)
        if not cycles.exists():
            raise Http404("No cycle with published data has this identifier.")
    return ProgressOut(
        derived=_both(progress.derived_text),
        weights={str(s): w for s, w in progress.WEIGHTS.items()} | {"not_applicable": None},
        formulas={
            kind: _both(functools.partial(progress.formula_text, kind)) for kind in progress.KINDS
        },
        cycles=[_cycle(c, iso3) for c in cycles],
    )
