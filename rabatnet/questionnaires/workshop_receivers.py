"""What the workshops add to the network: "all data held about me", and erasure.

- "My data" (``PERSONAL_DATA``): the sign-in lists the person is on (workshop, country,
  dates, the name, institution and function as listed, whether they signed in), and the
  workshops where they were an expert from the roster.
- Erasure (``person_erasing``): the person's lines of the sign-in lists lose the link to
  the person, their name and function (the line stays, nameless, so that counts by
  institution still add up); their expert lines lose the name.
"""

from typing import Any

from django.dispatch import receiver

from rabatnet.network.models import Person
from rabatnet.network.registries import register_personal_data
from rabatnet.network.signals import person_erasing

from .models import Participant, WorkshopExpert


def personal_data(person: Person) -> dict[str, list[dict[str, Any]]]:
    """The sign-in lists and expert lines that name the person."""
    lines = Participant.objects.filter(person=person).select_related(
        "workshop__guide__country", "organisation"
    )
    experts = WorkshopExpert.objects.filter(expert__person=person).select_related(
        "workshop__guide__country"
    )
    return {
        "signed_in_lists": [
            {
                "workshop": p.workshop.title,
                "country": p.workshop.guide.country.iso3,
                "starts_on": p.workshop.starts_on.isoformat(),
                "full_name": p.full_name,
                "institution": p.organisation.name if p.organisation else None,
                "function": p.function,
                "signed_in": p.attended,
            }
            for p in lines.order_by("workshop__starts_on", "pk")
        ],
        "expert_at": [
            {
                "workshop": e.workshop.title,
                "country": e.workshop.guide.country.iso3,
                "starts_on": e.workshop.starts_on.isoformat(),
                "scope": e.scope,
                "role": e.role,
            }
            for e in experts.order_by("workshop__starts_on", "pk")
        ],
    }


@receiver(person_erasing, dispatch_uid="questionnaires_workshop_erasure")
def forget_participant(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    """The person's sign-in lines are unlinked and made nameless; expert lines nameless."""
    lines = Participant.objects.filter(person=person).update(person=None, full_name="", function="")
    experts = WorkshopExpert.objects.filter(expert__person=person).update(full_name="")
    return {"workshop_participant_lines": lines, "workshop_expert_lines": experts}


register_personal_data("workshops", personal_data)
