"""The form fuzz's pages of meetings: the secretariat's meeting, programme, cancelling and
document forms (issue 11, helper A)."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.meetings import forms as mf
from rabatnet.meetings.models import Meeting
from rabatnet.meetings.tests.conftest import load_seed_meetings

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names

SLUG = "2013-09-dakar-thematic-meeting"


def _dakar() -> Meeting:
    """Dakar's meeting of the seed (loaded on first use)."""
    return Meeting.objects.filter(slug=SLUG).first() or load_seed_meetings()[SLUG]


def _url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(f"meetings:{name}", kwargs={"slug": _dakar().slug})


def _programme(form: str, names: Callable[[], list[str]]) -> Post:
    return Post(
        mf.AgendaItemForm if form == "item" else _PROGRAMME[form],
        _url("programme"),
        "secretariat",
        lambda w: names(),
        fixed={"form": form},
        label=f"meeting-programme-{form}",
    )


_PROGRAMME: dict[str, type] = {
    "session": mf.SessionForm,
    "conclusion": mf.ConclusionForm,
    "participation": mf.ParticipationForm,
}


def meetings_posts() -> list[Post]:
    return [
        Post(
            mf.MeetingForm,
            lambda w: reverse("meetings:create"),
            "secretariat",
            lambda w: _names(mf.MeetingForm()),
            label="meeting-create",
        ),
        Post(
            mf.MeetingForm,
            _url("edit"),
            "secretariat",
            lambda w: _names(mf.MeetingForm(instance=_dakar())),
            label="meeting-edit",
        ),
        Post(
            mf.CancelForm,
            _url("cancel"),
            "secretariat",
            lambda w: _names(mf.CancelForm()),
            label="meeting-cancel",
        ),
        _programme("session", lambda: _names(mf.SessionForm(prefix="session"))),
        _programme("item", lambda: _names(mf.AgendaItemForm(prefix="item", meeting=_dakar()))),
        _programme("conclusion", lambda: _names(mf.ConclusionForm(prefix="conclusion"))),
        _programme("participation", lambda: _names(mf.ParticipationForm(prefix="participation"))),
        Post(
            mf.DocumentForm,
            _url("document_upload"),
            "secretariat",
            lambda w: _names(mf.DocumentForm(meeting=_dakar())),
            label="meeting-document",
        ),
    ]
