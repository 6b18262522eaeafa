"""What expressions of interest add to the network's personal data and erasure.

"All data held about me": the guides the person was identified for as a stakeholder (the
institution, why, the status and its dates) and the declarations naming them coordinator.
Erasure: an open invitation ends (its link dies: the stakeholder goes back to "identified")
and the reason they were identified is emptied; the rows stay, signed "erased person #id".
"""

from typing import Any

from django.dispatch import receiver

from rabatnet.network.models import Person
from rabatnet.network.registries import register_personal_data
from rabatnet.network.signals import person_erasing

from .models import ExpressionOfInterest, Stakeholder


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data(person: Person) -> dict[str, list[dict[str, Any]]]:
    stakeholders = Stakeholder.objects.filter(person=person).select_related(
        "guide__country", "organisation"
    )
    declarations = ExpressionOfInterest.objects.filter(coordinator=person).select_related(
        "country", "guide"
    )
    return {
        "stakeholder_of": [
            {
                "country": s.guide.country.iso3,
                "guide_language": s.guide.language,
                "institution": s.organisation.name,
                "why": s.role,
                "status": s.status,
                "invited_at": _iso(s.invited_at),
                "answered_at": _iso(s.answered_at),
            }
            for s in stakeholders.order_by("pk")
        ],
        "coordinator_of": [
            {"country": d.country.iso3, "guide_language": d.guide.language, "status": d.status}
            for d in declarations.order_by("pk")
        ],
    }


@receiver(person_erasing, dispatch_uid="questionnaires_interest_erasure")
def forget_person(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    mine = Stakeholder.objects.filter(person=person)
    ended = mine.filter(status=Stakeholder.Status.INVITED).update(
        status=Stakeholder.Status.IDENTIFIED, invited_at=None
    )
    mine.update(role="")
    return {"interest_invitations_ended": ended}


register_personal_data("guide_stakeholders", personal_data)
