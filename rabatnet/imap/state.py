"""The map state from the URL query, and the URL of a state."""

from dataclasses import replace
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse

from .forms import MapStateForm
from .types import MapState


def parse_state(query: QueryDict) -> tuple[MapState, list[str]]:
    """The state the query asks for, and a message for each part that made no sense.

    A part that does not clean is left at its default (the first layer, the latest year, no
    country...), so that an odd address still shows a map, never an error page.
    """
    form = MapStateForm(query)
    form.is_valid()
    cleaned = form.cleaned_data
    errors = [str(message) for messages in form.errors.values() for message in messages]
    changes = {name: value for name, value in cleaned.items() if value not in (None, "")}
    return replace(MapState(), **changes), errors


def state_url(state: MapState, view: str = "imap:map", **changes: object) -> str:
    """The address of ``state`` (with ``changes``) on the map page or another of its views."""
    query = state.query(**changes)
    return reverse(view) + ("?" + urlencode(query) if query else "")
