"""Arguments of the matching's URLs for the URL walk (``core/tests/test_url_walk.py``)."""

from ..models import Proposal
from .factories import make_expert, make_request


def matching_samples() -> dict[str, dict[str, object]]:
    request = make_request("SEN")
    proposal = Proposal.objects.create(request=request, expert=make_expert(), rank=1, score=1)
    step: dict[str, object] = {"pk": request.pk, "proposal": proposal.pk}
    return {
        "matching:matching": {"pk": request.pk},
        "matching:ask": step,
        "matching:withdraw": step,
        "matching:record": step,
        "matching:asked_detail": {"pk": request.pk},
        "matching:answer": {"token": "made-up-token"},
    }
