"""What the roster adds to the network: "all data held about me", and erasure.

- "My data" (``PERSONAL_DATA``): the expert profile, availability periods, whether a CV is
  kept (its date and checksum, not the file), past missions and appraisals.
- Erasure (``person_erasing``): the CV file goes; rates, summary and nationality are
  cleared on the profile and on each of its history rows. The profile row stays, nameless
  with its person, so that past proposals and appraisals keep counting.
"""

from typing import Any

from django.db.models import Q
from django.dispatch import receiver

from rabatnet.network.models import Person
from rabatnet.network.registries import register_personal_data
from rabatnet.network.signals import person_erasing

from .expert_services import cv_delete_file
from .models import Appraisal, Expert, Proposal

# What erasure clears, on the profile and in its history.
CLEARED: dict[str, Any] = {
    "summary": "",
    "daily_rate": None,
    "rate_currency": "",
    "nationality": None,
    "cv": "",
    "cv_sha256": "",
    "cv_uploaded_at": None,
}


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def personal_data(person: Person) -> dict[str, Any] | None:
    """The person's expert profile, if they have one."""
    expert = Expert.objects.filter(person=person).select_related("nationality").first()
    if expert is None:
        return None
    return {
        "kind": expert.kind,
        "nationality": expert.nationality.iso3 if expert.nationality else None,
        "local_expertise": expert.local_expertise,
        "summary": expert.summary,
        "objectives": [str(o) for o in expert.objectives.all()],
        "themes": [t.slug for t in expert.themes.all()],
        "kinds": list(expert.kinds),
        "languages": list(expert.languages),
        "countries_of_experience": [c.iso3 for c in expert.countries_of_experience.all()],
        "daily_rate": str(expert.daily_rate) if expert.daily_rate is not None else None,
        "rate_currency": expert.rate_currency,
        "cv_uploaded_at": _iso(expert.cv_uploaded_at),
        "cv_sha256": expert.cv_sha256,
        "availability": [
            {"from": a.starts_on.isoformat(), "until": a.ends_on.isoformat(), "note": a.note}
            for a in expert.availabilities.order_by("starts_on")
        ],
        "proposals": [
            {"request": p.request.reference, "status": p.status, "answer_note": p.answer_note}
            for p in Proposal.objects.filter(expert=expert).select_related("request")
        ],
        "appraisals": [
            {"request": a.request.reference, "rating": a.rating, "comment": a.comment}
            for a in Appraisal.objects.filter(expert=expert).select_related("request")
        ],
    }


@receiver(person_erasing, dispatch_uid="support_expert_erasure")
def forget_expert(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    """The CV file is deleted; rates, summary, nationality and CV data are cleared on the
    profile and its history rows; availability notes are cleared."""
    expert = Expert.objects.select_for_update().filter(person=person).first()
    if expert is None:
        return {}
    # Every CV file the profile ever pointed to (the history remembers older ones).
    files = set(Expert.history.filter(~Q(cv=""), id=expert.pk).values_list("cv", flat=True))
    cv_delete_file(expert)
    storage = Expert._meta.get_field("cv").storage
    for name in files:
        storage.delete(name)
    for name, value in CLEARED.items():
        setattr(expert, name, value)
    expert.save()
    history_rows = Expert.history.filter(id=expert.pk).update(**CLEARED)
    expert.availabilities.update(note="")
    return {"expert_profile": 1, "expert_profile_history_rows": history_rows}


register_personal_data("expert_profile", personal_data)
