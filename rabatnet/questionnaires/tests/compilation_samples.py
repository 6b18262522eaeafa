"""The URL walk's sample arguments for compilation: a pending candidate of the Senegalese
guide, proposed by an outcome of a workshop (made once the walk's guide exists)."""

from rabatnet.guides.models import Guide

from ..compilation_services import propose_from_workshop
from ..models import Candidate, Outcome
from .factories import make_workshop


def compilation_samples() -> dict[str, dict[str, object]]:
    guide = Guide.objects.filter(country__iso3="SEN").order_by("pk").first()
    assert guide is not None, "the walk's Senegalese guide first"
    workshop = make_workshop(guide, title="Walk workshop")
    Outcome.objects.create(workshop=workshop, kind="recommendation", text="Publish yearly.")
    propose_from_workshop(workshop=workshop, actor=None)
    candidate = Candidate.objects.get(outcome__workshop=workshop)
    sen: dict[str, object] = {"iso3": "SEN"}
    return {
        "compilation:review": sen,
        "compilation:propose": sen,
        "compilation:candidate": {"pk": candidate.pk},
        "compilation:reject": {"pk": candidate.pk},
        "compilation:propose_workshop": {"pk": workshop.pk},
    }
