"""The form fuzz's pages of collection cycles and self-assessments (issue 11)."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.followup.cycle_forms import AssessmentForm, CycleForm, ReturnForm, VerifyForm
from rabatnet.followup.models import Assessment, Cycle
from rabatnet.followup.tests.cycle_fixtures import fill, make_cycle, report

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names


def _cycle(slug: str) -> Cycle:
    return Cycle.objects.filter(slug=slug).first() or make_cycle(slug)


def _draft(w: World) -> Assessment:
    """Senegal's draft on objective 1 in "fuzz-entry" (made on first use)."""
    cycle = _cycle("fuzz-entry")
    return cycle.assessments.first() or fill(cycle, "SEN", w.users["focal_point"])[0]


def _submitted(w: World) -> Assessment:
    """Senegal's submitted entry on objective 1 in "fuzz-verify" (made on first use)."""
    cycle = _cycle("fuzz-verify")
    found = cycle.assessments.order_by("objective__number").first()
    return found or report(cycle, "SEN", w.users["focal_point"])[0]


def _entry_url(w: World) -> str:
    number = _draft(w).objective.number
    return reverse(
        "cycles:assessment", kwargs={"slug": "fuzz-entry", "iso3": "SEN", "number": number}
    )


def _verify_url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(
        f"cycles:{name}", kwargs={"slug": "fuzz-verify", "pk": _submitted(w).pk}
    )


def cycle_posts() -> list[Post]:
    return [
        Post(
            CycleForm,
            lambda w: reverse("cycles:create"),
            "secretariat",
            lambda w: _names(CycleForm()),
            label="new",
        ),
        Post(
            CycleForm,
            lambda w: reverse("cycles:edit", kwargs={"slug": _cycle("fuzz-entry").slug}),
            "secretariat",
            lambda w: _names(CycleForm(instance=_cycle("fuzz-entry"))),
            label="edit",
        ),
        Post(
            AssessmentForm,
            _entry_url,
            "focal_point",
            lambda w: _names(AssessmentForm(instance=_draft(w))),
        ),
        Post(
            VerifyForm,
            _verify_url("verify"),
            "secretariat",
            lambda w: _names(VerifyForm(instance=_submitted(w))),
        ),
        Post(ReturnForm, _verify_url("return"), "secretariat", lambda w: _names(ReturnForm())),
    ]
