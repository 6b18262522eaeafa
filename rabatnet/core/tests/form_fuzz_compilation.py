"""The form fuzz's pages of compilation (issue 13, D): accepting a candidate through its
record's form (with the candidate's version), rejecting one with a reason."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.guides.forms import PARTS
from rabatnet.questionnaires.compilation_forms import CandidateVersionForm, RejectForm
from rabatnet.questionnaires.compilation_services import propose_from_workshop
from rabatnet.questionnaires.models import Candidate, Outcome
from rabatnet.questionnaires.tests.factories import make_workshop

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names

TITLE = "Fuzz compilation workshop"


def _candidate(world: World) -> Candidate:
    """A pending recommendation of the world's guide, proposed by a workshop (made once)."""
    found = Candidate.objects.filter(outcome__workshop__title=TITLE).first()
    if found is not None:
        return found
    workshop = make_workshop(world.guide, title=TITLE)
    Outcome.objects.create(workshop=workshop, kind="recommendation", text="Publier.")
    propose_from_workshop(workshop=workshop, actor=None)
    return Candidate.objects.get(outcome__workshop=workshop)


def _url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(f"compilation:{name}", kwargs={"pk": _candidate(w).pk})


def _accept_names(world: World) -> list[str]:
    form = PARTS["recommendations"].form(world.guide, editor=world.users["focal_point"])
    return _names(CandidateVersionForm()) + _names(form)


def compilation_posts() -> list[Post]:
    return [
        Post(CandidateVersionForm, _url("candidate"), "focal_point", _accept_names),
        Post(RejectForm, _url("reject"), "focal_point", lambda w: _names(RejectForm())),
    ]
