"""What a workshop's report holds (the page and the PDF read this): the programme, the
experts, participants counted by institution and the sign-in list, the summary of the
discussions, the outcomes by kind. Private like the workshop. Dates in the guide's
language (the country's words)."""

from collections import Counter
from dataclasses import dataclass

from django.utils import formats, translation
from django.utils.translation import gettext as _

from rabatnet.core.access import AnyUser
from rabatnet.guides.rendering import export_text

from .models import Outcome, Participant, Workshop
from .workshop_selectors import ExpertLine, expert_lines, outcomes_by_kind


@dataclass(frozen=True)
class WorkshopReport:
    workshop: Workshop
    country: str
    dates: str  # in the guide's language
    kind: str
    agenda: str  # Markdown, cleaned for export
    summary: str  # Markdown
    international: list[ExpertLine]
    local: list[ExpertLine]
    participants: list[Participant]
    signed_in: int  # participants who signed in (a count of people)
    by_institution: list[tuple[str, int]]  # institution, participants (people) listed
    outcomes: list[tuple[str, str, list[Outcome]]]


def dates_in(workshop: Workshop, language: str) -> str:
    with translation.override(language):
        first = formats.date_format(workshop.starts_on, "DATE_FORMAT")
        if workshop.ends_on == workshop.starts_on:
            return first
        last = formats.date_format(workshop.ends_on, "DATE_FORMAT")
        return _("%(first)s to %(last)s") % {"first": first, "last": last}


def build_report(workshop: Workshop, viewer: AnyUser) -> WorkshopReport:
    participants = list(workshop.participants.select_related("organisation"))
    counts = Counter(
        p.organisation.name if p.organisation else _("No institution given") for p in participants
    )
    experts = expert_lines(viewer, workshop)
    return WorkshopReport(
        workshop=workshop,
        country=workshop.guide.country.name,
        dates=dates_in(workshop, workshop.guide.language),
        kind=str(workshop.get_kind_display()),
        agenda=export_text(workshop.agenda),
        summary=export_text(workshop.summary),
        international=experts["international"],
        local=experts["local"],
        participants=participants,
        signed_in=sum(1 for p in participants if p.attended),
        by_institution=sorted(counts.items(), key=lambda item: (-item[1], item[0])),
        outcomes=outcomes_by_kind(workshop),
    )
