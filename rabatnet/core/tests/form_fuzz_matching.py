"""The form fuzz's pages of technical support's matching (issue 12, C): proposing experts,
recording an answer, the expert's answer through the private link."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.support import lifecycle
from rabatnet.support.matching_forms import AnswerForm, ProposeForm, RecordForm
from rabatnet.support.models import Proposal, SupportRequest
from rabatnet.support.services import request_advance
from rabatnet.support.tests.factories import make_expert, make_request

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names

TOKEN = "fuzz-matching-token"


def _proposal() -> Proposal:
    """An acknowledged request of Senegal with one asked expert (made on first use)."""
    found = Proposal.objects.filter(token=TOKEN).select_related("request").first()
    if found is not None:
        return found
    request = make_request("SEN", title="Fuzz matching")
    request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=None)
    make_expert()  # one more on the roster, to tick
    return Proposal.objects.create(
        request=request, expert=make_expert(), rank=1, score=1, status="asked", token=TOKEN
    )


def _request() -> SupportRequest:
    return _proposal().request


def _step(name: str) -> Callable[[World], str]:
    return lambda w: reverse(
        f"matching:{name}", kwargs={"pk": _request().pk, "proposal": _proposal().pk}
    )


def matching_posts() -> list[Post]:
    return [
        Post(
            ProposeForm,
            lambda w: reverse("matching:matching", kwargs={"pk": _request().pk}),
            "secretariat",
            lambda w: _names(ProposeForm(choices=[])),
        ),
        Post(RecordForm, _step("record"), "secretariat", lambda w: _names(RecordForm())),
        Post(
            AnswerForm,
            lambda w: reverse("matching:answer", kwargs={"token": _proposal().token or TOKEN}),
            "anonymous",
            lambda w: _names(AnswerForm()),
        ),
    ]
