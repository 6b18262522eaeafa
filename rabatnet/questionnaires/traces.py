"""The trace of a guide record made from a candidate: where it came from.

"From questionnaire “X” (form_id), respondent Y (department), answered on D" or "From the
workshop “W”, held on D" — read for a whole guide in one query, whatever its size.
"""

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.guides.models import Guide

from .compilation_selectors import PART_OF_KIND
from .models import Candidate


@dataclass(frozen=True)
class Trace:
    """Where an accepted candidate came from (``origin`` "response" or "workshop")."""

    candidate_id: int
    origin: str
    questionnaire: str = ""
    form_id: str = ""
    respondent: str = ""
    department: str = ""
    answered_on: date | None = None
    workshop: str = ""
    held_on: date | None = None
    is_example: bool = False


def trace_of(candidate: Candidate) -> Trace:
    """The trace of one candidate (its response / outcome already fetched)."""
    if candidate.response is not None:
        response = candidate.response
        submitted = response.submitted_at
        return Trace(
            candidate_id=candidate.pk,
            origin="response",
            questionnaire=response.questionnaire.title,
            form_id=response.questionnaire.form_id,
            respondent=response.respondent_name,
            department=response.department.name if response.department else "",
            answered_on=submitted.date() if submitted else None,
            is_example=candidate.is_example,
        )
    workshop = candidate.outcome.workshop if candidate.outcome else None
    return Trace(
        candidate_id=candidate.pk,
        origin="workshop",
        workshop=workshop.title if workshop else "",
        held_on=workshop.starts_on if workshop else None,
        is_example=candidate.is_example,
    )


def _traced(guide: Guide, statuses: list[str]) -> list[Candidate]:
    return list(
        Candidate.objects.filter(guide=guide, status__in=statuses).select_related(
            "response__questionnaire", "response__department", "outcome__workshop"
        )
    )


def guide_traces(guide: Guide) -> dict[tuple[str, int], Trace]:
    """(kind, record id) → trace for every record of the guide made from a candidate."""
    return {
        (c.kind, c.record_id): trace_of(c)
        for c in _traced(guide, [Candidate.Status.ACCEPTED])
        if c.record_id is not None
    }


def source_traces(country: Country) -> dict[int, Trace]:
    """Source id → trace, for every part I record of the country made from a candidate
    (the mapping is the country's, shared by its guides), in one query."""
    accepted = Candidate.objects.filter(
        guide__country=country, kind=Candidate.Kind.SOURCE, status=Candidate.Status.ACCEPTED
    ).select_related("response__questionnaire", "response__department", "outcome__workshop")
    return {c.record_id: trace_of(c) for c in accepted if c.record_id is not None}


@dataclass
class WorkspaceCompilation:
    """What the workspace shows of compilation: per part, the traces of its records and
    the number of candidates of that kind waiting for review, and the review page."""

    url: str
    traces: dict[str, dict[int, Trace]] = field(default_factory=dict)
    pending: dict[str, int] = field(default_factory=dict)


def workspace_compilation(guide: Guide) -> WorkspaceCompilation:
    """For the guide workspace, in one query."""
    url = reverse("compilation:review", kwargs={"iso3": guide.country.iso3})
    found = WorkspaceCompilation(url=f"{url}?lang={guide.language}")
    for candidate in _traced(guide, [Candidate.Status.ACCEPTED, Candidate.Status.PENDING]):
        part = PART_OF_KIND.get(candidate.kind)
        if part is None:
            continue
        if candidate.status == Candidate.Status.PENDING:
            found.pending[part] = found.pending.get(part, 0) + 1
        elif candidate.record_id is not None:
            found.traces.setdefault(part, {})[candidate.record_id] = trace_of(candidate)
    return found
