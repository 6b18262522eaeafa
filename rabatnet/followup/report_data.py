"""A country's follow-up report of one cycle: per objective the self-assessment beside the
secretariat's verified status and note, the derived roll-up, the published initiatives.

Public: verified assessments only. Private (the country's members and the secretariat):
every assessment, an unverified one marked with where it stands.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet

from rabatnet.countries.models import Country
from rabatnet.strategy.models import Objective

from . import progress, progress_selectors
from .models import Assessment, Cycle, Initiative
from .models.initiatives import ReviewState
from .progress import Cell, Rollup


def country_cycles(country: Country, *, private: bool) -> QuerySet[Cycle]:
    """Cycles with an assessment of the country (verified ones only unless ``private``)."""
    assessments = Assessment.objects.filter(cycle=OuterRef("pk"), country=country)
    if not private:
        assessments = assessments.filter(review_state=ReviewState.VERIFIED)
    return (
        Cycle.objects.select_related("framework")
        .filter(Exists(assessments))
        .order_by("-opens_on", "-pk")
    )


def chosen_country_cycle(country: Country, value: str | None, *, private: bool) -> Cycle | None:
    """The cycle named by ``?cycle=``, else the newest with (visible) data for the country."""
    return progress_selectors.cycle_among(country_cycles(country, private=private), value)


def visible_assessments(country: Country, cycle: Cycle, *, private: bool) -> dict[int, Assessment]:
    """Objective pk -> the assessment the reader may see; one query."""
    qs = Assessment.objects.filter(cycle=cycle, country=country)
    if not private:
        qs = qs.published()
    return {a.objective_id: a for a in qs}


@dataclass(frozen=True)
class ReportLine:
    objective: Objective
    assessment: Assessment | None
    verified: bool

    @property
    def self_label(self) -> str:
        return progress.status_label(self.assessment.self_status) if self.assessment else ""

    @property
    def verified_label(self) -> str:
        if not self.verified or self.assessment is None:
            return ""
        return progress.status_label(self.assessment.verified_status)

    @property
    def verified_weight(self):
        if not self.verified or self.assessment is None:
            return None
        return progress.weight(self.assessment.verified_status)

    @property
    def state_label(self) -> str:
        return str(ReviewState(self.assessment.review_state).label) if self.assessment else ""


@dataclass
class Report:
    country: Country
    cycle: Cycle | None
    private: bool
    lines: list[ReportLine] = field(default_factory=list)
    rollup: Rollup | None = None
    initiatives: list[Initiative] = field(default_factory=list)
    cycles: list[Cycle] = field(default_factory=list)

    @property
    def example(self) -> bool:
        return bool(
            (self.cycle and self.cycle.example)
            or any(line.assessment and line.assessment.example for line in self.lines)
            or any(i.example for i in self.initiatives)
        )

    @property
    def unverified_count(self) -> int:
        return sum(1 for line in self.lines if line.assessment and not line.verified)


def build_report(country: Country, cycle_value: str | None, *, private: bool) -> Report:
    cycle = chosen_country_cycle(country, cycle_value, private=private)
    initiatives = list(progress_selectors.country_initiatives(country))
    cycles = list(country_cycles(country, private=private))
    report = Report(country, cycle, private, initiatives=initiatives, cycles=cycles)
    if cycle is None:
        return report
    found = visible_assessments(country, cycle, private=private)
    cells = []
    for objective in progress_selectors.objectives_of(cycle.framework):
        assessment = found.get(objective.pk)
        verified = bool(assessment and assessment.review_state == ReviewState.VERIFIED)
        report.lines.append(ReportLine(objective, assessment, verified))
        if assessment and verified and assessment.verified_status:
            number = objective.pillar.number if objective.pillar else None
            cells.append(Cell(country.iso3, objective.number, number, assessment.verified_status))
    report.rollup = progress.per_country(cells).get(country.iso3)
    return report
