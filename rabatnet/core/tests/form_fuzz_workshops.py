"""The form fuzz's pages of the national workshops (issue 13, E): the workshop, its sign-in
list, experts, outcomes, a cancellation, the list's filters."""

from collections.abc import Callable
from datetime import date

from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.questionnaires.models import Outcome, Workshop
from rabatnet.questionnaires.workshop_forms import (
    WorkshopCancelForm,
    WorkshopExpertForm,
    WorkshopFilterForm,
    WorkshopForm,
    WorkshopOutcomeForm,
    WorkshopParticipantForm,
)

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names


def _workshop(w: World) -> Workshop:
    """A planned workshop of the world's guide (made on first use)."""
    found = Workshop.objects.filter(guide=w.guide).first()
    return found or Workshop.objects.create(
        guide=w.guide,
        kind=Workshop.Kind.BOTH,
        title="Atelier",
        starts_on=date(2026, 3, 10),
        ends_on=date(2026, 3, 11),
    )


def _outcome(w: World) -> Outcome:
    workshop = _workshop(w)
    found = workshop.outcomes.first()
    return found or Outcome.objects.create(workshop=workshop, kind="need", text="Formation")


def _url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(f"workshops:{name}", kwargs={"pk": _workshop(w).pk})


def workshop_posts() -> list[Post]:
    def sen() -> Country:
        return Country.objects.get(iso3="SEN")

    return [
        Post(
            WorkshopForm,
            lambda w: (
                reverse("workshops:create", kwargs={"iso3": w.guide.country.iso3})
                + f"?lang={w.guide.language}"
            ),
            "focal_point",
            lambda w: _names(WorkshopForm()),
            label="workshop-new",
        ),
        Post(
            WorkshopForm,
            _url("edit"),
            "focal_point",
            lambda w: _names(WorkshopForm(instance=_workshop(w))),
            label="workshop-edit",
        ),
        Post(
            WorkshopParticipantForm,
            _url("participant_add"),
            "focal_point",
            lambda w: _names(WorkshopParticipantForm(viewer=w.users["focal_point"], country=sen())),
        ),
        Post(
            WorkshopExpertForm,
            _url("expert_add"),
            "secretariat",
            lambda w: _names(WorkshopExpertForm(viewer=w.users["secretariat"])),
        ),
        Post(
            WorkshopOutcomeForm,
            _url("outcome_add"),
            "focal_point",
            lambda w: _names(WorkshopOutcomeForm()),
        ),
        Post(
            WorkshopOutcomeForm,
            lambda w: reverse(
                "workshops:outcome_edit", kwargs={"pk": _workshop(w).pk, "line": _outcome(w).pk}
            ),
            "focal_point",
            lambda w: _names(WorkshopOutcomeForm()),
            label="outcome-edit",
        ),
        Post(WorkshopCancelForm, _url("cancel"), "focal_point", lambda w: ["reason"]),
        Post(
            WorkshopFilterForm,
            lambda w: reverse("workshops:list"),
            "secretariat",
            lambda w: _names(WorkshopFilterForm(countries=[])),
            method="get",
        ),
    ]
