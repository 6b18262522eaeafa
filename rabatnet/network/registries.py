"""What apps above the network add to its pages, without the network importing them.

Three registries, filled in each app's ``AppConfig.ready`` (as ``core.country_maps`` is):

- ``PERSONAL_DATA``: the sections of "all data held about me" (the JSON a person downloads);
  each returns plain JSON-able data about ``person``.
- ``WELCOME_SECTIONS``: the parts of a successor's welcome pack (the page and the e-mail):
  the country's guide stage, open items, key documents, their forums...
- ``PREFERENCE_SECTIONS``: the parts of the preference centre (``/private/notifications/``):
  forums, newsletter and, later, meetings.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise

from rabatnet.countries.models import Country

from .models import Person


@dataclass(frozen=True)
class WelcomeItem:
    """One line of a welcome pack section: a text, optionally a link (a site path)."""

    text: str
    link: str = ""


@dataclass(frozen=True)
class WelcomeSection:
    title: str | Promise
    items: list[WelcomeItem] = field(default_factory=list)


@dataclass(frozen=True)
class PreferenceSection:
    """A part of the preference centre: ``form(person, data)`` builds its bound or unbound
    form (a ``core.forms.SiteForm``), ``save(form, person, request)`` applies a valid one
    through the app's services, and ``template`` renders it with ``form`` in the context."""

    key: str
    title: str | Promise
    template: str
    form: Callable[[Person, Any], Any]
    save: Callable[[Any, Person, HttpRequest], None]


PERSONAL_DATA: dict[str, Callable[[Person], Any]] = {}
WELCOME_SECTIONS: dict[str, Callable[[Person, Country | None], WelcomeSection | None]] = {}
PREFERENCE_SECTIONS: dict[str, PreferenceSection] = {}


def register_personal_data(name: str, collect: Callable[[Person], Any]) -> None:
    PERSONAL_DATA[name] = collect


def register_welcome_section(
    name: str, build: Callable[[Person, Country | None], WelcomeSection | None]
) -> None:
    WELCOME_SECTIONS[name] = build


def register_preference_section(section: PreferenceSection) -> None:
    PREFERENCE_SECTIONS[section.key] = section
