"""Support requests to test with: what the filing form posts, a request with terms of
reference, and the URL walk's sample arguments."""

from typing import Any

from django.utils import timezone

from rabatnet.followup.initiative_selectors import current_objectives

from ..models import SupportKind, SupportRequest, TermsOfReference
from .factories import make_request


def filing_data(**changes: Any) -> dict[str, Any]:
    """What the filing form posts for a complete request."""
    data: dict[str, Any] = {
        "title": "Training of border officers",
        "objectives": [current_objectives()[0].pk],
        "theme": "",
        "kind": SupportKind.TRAINING_WORKSHOP,
        "needs": "A three-day workshop on document fraud.",
        "beneficiary_institution": "Directorate of Border Police",
        "preferred_start": "2027-03-01",
        "preferred_end": "2027-03-03",
        "languages": ["fr", "en"],
        "duration_days": "3",
        "participants": "25",
        "public": "on",
    }
    data.update(changes)
    return data


def with_terms(request: SupportRequest, *texts: str, agreed: bool = False) -> TermsOfReference:
    """``texts`` as versions 1, 2, …; the last agreed if ``agreed``."""
    last = None
    for number, text in enumerate(texts, start=1):
        last = TermsOfReference.objects.create(request=request, number=number, text=text)
    assert last is not None
    if agreed:
        last.agreed_at = timezone.now()
        last.save()
    return last


def request_samples() -> dict[str, dict[str, object]]:
    request = make_request("SEN")
    with_terms(request, "Objectives: train 20 officers.")
    one: dict[str, object] = {"pk": request.pk}
    return {
        "support:new": {"iso3": "SEN"},
        "support:detail": one,
        "support:act": one,
        "support:edit": one,
        "support:terms": one,
        "support:terms_new": one,
        "support:terms_agree": {"pk": request.pk, "number": 1},
    }
