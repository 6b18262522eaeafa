"""What the matching adds to the network's personal data and erasure.

"All data held about me": the requests the person was proposed for or asked about as an
expert, with their answer. Erasure: their notes are emptied, their private links cleared and
the proposals still open withdrawn (an erased person is never asked); the proposals stay as
the record of who was asked, signed "erased person #id".
"""

from typing import Any

from django.dispatch import receiver

from rabatnet.network.models import Person
from rabatnet.network.registries import register_personal_data
from rabatnet.network.signals import person_erasing

from .models import Proposal


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data(person: Person) -> list[dict[str, Any]]:
    proposals = Proposal.objects.filter(expert__person=person).select_related("request")
    return [
        {
            "request": p.request.reference,
            "status": p.status,
            "proposed_at": _iso(p.proposed_at),
            "asked_at": _iso(p.asked_at),
            "answered_at": _iso(p.answered_at),
            "note": p.answer_note,
        }
        for p in proposals.order_by("proposed_at", "pk")
    ]


@receiver(person_erasing, dispatch_uid="support_matching_erasure")
def forget_person(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    mine = Proposal.objects.filter(expert__person=person)
    withdrawn = mine.filter(status__in=[Proposal.Status.PROPOSED, Proposal.Status.ASKED]).update(
        status=Proposal.Status.WITHDRAWN
    )
    mine.update(answer_note="", token="")
    return {"support_proposals_withdrawn": withdrawn}


register_personal_data("support_proposals", personal_data)
