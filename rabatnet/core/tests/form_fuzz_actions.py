"""The form fuzz's pages of follow-up actions (issue 11, helper C)."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.meetings.action_forms import ActionFilterForm, ActionForm, ProgressForm
from rabatnet.meetings.models import FollowUpAction, Meeting
from rabatnet.meetings.tests.action_samples import action, conclusion, meeting

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names

SLUG = "fuzz-meeting"


def _meeting() -> Meeting:
    """The published meeting the actions' forms post to (made on first use)."""
    found = Meeting.objects.filter(slug=SLUG).first()
    if found is None:
        found = meeting(SLUG)
        conclusion(found)
    return found


def _action() -> FollowUpAction:
    """An action of the fuzz meeting owned by Senegal (the world's focal point's country)."""
    found = FollowUpAction.objects.filter(meeting=_meeting()).first()
    return found or action(_meeting(), iso3="SEN")


def _url(name: str) -> str:
    return reverse(f"actions:{name}", kwargs={"slug": SLUG, "pk": _action().pk})


def _list_url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(f"actions:{name}")


def action_posts() -> list[Post]:
    return [
        Post(
            ActionForm,
            lambda w: reverse("actions:create", kwargs={"slug": _meeting().slug}),
            "secretariat",
            lambda w: _names(ActionForm(meeting=_meeting())),
            label="new",
        ),
        Post(
            ActionForm,
            lambda w: _url("edit"),
            "secretariat",
            lambda w: _names(ActionForm(instance=_action(), meeting=_meeting())),
            label="edit",
        ),
        Post(
            ProgressForm,
            lambda w: _url("progress"),
            "focal_point",
            lambda w: _names(ProgressForm(instance=_action())),
        ),
        *(
            Post(
                ActionFilterForm,
                _list_url(name),
                "anonymous",
                lambda w: _names(ActionFilterForm()),
                method="get",
                label=name,
            )
            for name in ("list", "csv")
        ),
    ]
