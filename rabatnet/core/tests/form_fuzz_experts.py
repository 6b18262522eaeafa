"""The form fuzz's pages of the expert roster (issue 12, helper B)."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.support.expert_forms import (
    AvailabilityForm,
    CVForm,
    EnrolForm,
    ExpertForm,
    RosterFilterForm,
    TakeOffForm,
)
from rabatnet.support.models import Expert
from rabatnet.support.tests.factories import make_expert

from .form_fuzz_support import Post, World, url_of
from .form_fuzz_support import names as _names


def _expert(w: World) -> Expert:
    """The expert the profile pages post to (made on first use)."""
    return Expert.objects.order_by("pk").first() or make_expert()


def _expert_url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(f"experts:{name}", kwargs={"pk": _expert(w).pk})


def expert_posts() -> list[Post]:
    return [
        Post(
            RosterFilterForm,
            url_of("experts:roster"),
            "secretariat",
            lambda w: _names(RosterFilterForm()),
            method="get",
        ),
        Post(EnrolForm, url_of("experts:enrol"), "secretariat", lambda w: _names(EnrolForm())),
        Post(
            TakeOffForm,
            url_of("experts:enrol"),
            "secretariat",
            lambda w: _names(TakeOffForm(prefix="off")),
            fixed={"take_off": "1"},
        ),
        Post(
            ExpertForm,
            _expert_url("edit"),
            "secretariat",
            lambda w: _names(ExpertForm(instance=_expert(w), manager=True)),
        ),
        Post(
            AvailabilityForm,
            _expert_url("availability"),
            "secretariat",
            lambda w: [*_names(AvailabilityForm(expert=_expert(w))), "delete"],
        ),
        Post(CVForm, _expert_url("cv"), "secretariat", lambda w: _names(CVForm())),
    ]
