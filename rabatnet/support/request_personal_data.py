"""Technical support's section of "all data held about me" (``PERSONAL_DATA``): the
requests the person filed, the terms of reference versions they agreed, the evaluations
they submitted. Only the person's own acts, through their account; the requests' other
contents (another person's words, the experts) are not theirs and are left out.
"""

from typing import Any

from rabatnet.network.models import Person
from rabatnet.network.registries import register_personal_data

from .models import Evaluation, SupportRequest, TermsOfReference


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def personal_data(person: Person) -> dict[str, list[dict[str, Any]]]:
    """What the person did in technical support (empty lists without an account)."""
    user = person.user
    if user is None:
        return {"requests_filed": [], "terms_agreed": [], "evaluations_submitted": []}
    filed = SupportRequest.objects.filter(filed_by=user).select_related("country")
    agreed = TermsOfReference.objects.filter(agreed_by=user).select_related("request")
    submitted = Evaluation.objects.filter(submitted_by=user).select_related("request")
    return {
        "requests_filed": [
            {
                "reference": r.reference,
                "country": r.country.iso3,
                "title": r.title,
                "kind": r.kind,
                "needs": r.needs,
                "beneficiary_institution": r.beneficiary_institution,
                "filed_at": _iso(r.filed_at),
                "stage": r.stage,
            }
            for r in filed.order_by("filed_at", "pk")
        ],
        "terms_agreed": [
            {
                "request": t.request.reference,
                "version": t.number,
                "agreed_at": _iso(t.agreed_at),
            }
            for t in agreed.order_by("agreed_at", "pk")
        ],
        "evaluations_submitted": [
            {
                "request": e.request.reference,
                "relevance": e.relevance,
                "quality": e.quality,
                "timeliness": e.timeliness,
                "usefulness": e.usefulness,
                "comment": e.comment,
                "submitted_at": _iso(e.submitted_at),
            }
            for e in submitted.order_by("submitted_at", "pk")
        ],
    }


register_personal_data("support_requests", personal_data)
