"""Who may read, edit, endorse and publish a guide, and the helpers that fetch and check.

Workgroup members and focal points of the country edit; its coordinating authority
endorses; the secretariat does everything; the public reads published editions only.
Every rule takes the guide (or edition) itself; only starting a guide, which does not
exist yet, is a rule on the country. Which step of a guide's life is open to whom is in
``lifecycle.py``, built on these rules.
"""

import rules
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from rabatnet.core.access import AnyUser, check, grant, parse_iso3, parse_number
from rabatnet.countries.models import Country
from rabatnet.network.permissions import (
    is_coordinating_authority,
    is_country_editor,
    is_secretariat,
    view_country_area,
)

from . import selectors
from .models import Edition, Guide


@rules.predicate
def guide_country(user: AnyUser, guide: Guide) -> bool:
    return bool(view_country_area.test(user, guide.country))


@rules.predicate
def guide_editor(user: AnyUser, guide: Guide) -> bool:
    return bool(is_country_editor.test(user, guide.country))


@rules.predicate
def guide_authority(user: AnyUser, guide: Guide) -> bool:
    return bool(is_coordinating_authority.test(user, guide.country))


view_guide = guide_country
edit_guide = is_secretariat | guide_editor
endorse_guide = is_secretariat | guide_authority
start_guide = is_secretariat | is_country_editor


def can_read_guide(user: AnyUser, guide: Guide) -> bool:
    """Anybody: the public page of a guide shows its published edition (or nothing)."""
    return True


def can_view_guide(user: AnyUser, guide: Guide) -> bool:
    """The secretariat and anybody appointed for the country: drafts stay inside."""
    return bool(view_guide.test(user, guide))


def can_edit_guide(user: AnyUser, guide: Guide) -> bool:
    """The secretariat, the country's focal points and workgroup members."""
    return bool(edit_guide.test(user, guide))


def can_endorse_guide(user: AnyUser, guide: Guide) -> bool:
    """The country's national coordinating authority (and the secretariat, on its behalf)."""
    return bool(endorse_guide.test(user, guide))


def can_publish_guide(user: AnyUser, guide: Guide) -> bool:
    """The secretariat."""
    return bool(is_secretariat.test(user))


def can_start_guide(user: AnyUser, country: Country) -> bool:
    """Editors of the country and the secretariat (the guide does not exist yet)."""
    return bool(start_guide.test(user, country))


def can_view_edition(user: AnyUser, edition: Edition) -> bool:
    """Published editions are public; the others stay with the country and the secretariat."""
    return edition.status == Edition.Status.PUBLISHED or can_view_guide(user, edition.guide)


def can_view_endorsed_edition(user: AnyUser, edition: Edition) -> bool:
    """The secretariat: an edition as the authority endorsed it, people withdrawn since
    included (the public renderings leave them out)."""
    return bool(is_secretariat.test(user))


def can_view_timeline(user: AnyUser) -> bool:
    return bool(is_secretariat.test(user))


# --- Fetch and check (see rabatnet.core.access) -----------------------------------------

GUIDE_RULES = {
    "read": can_read_guide,
    "view": can_view_guide,
    "edit": can_edit_guide,
    "endorse": can_endorse_guide,
    "publish": can_publish_guide,
}
EDITION_RULES = {"view": can_view_edition, "view_endorsed": can_view_endorsed_edition}


def country_of(iso3: str) -> Country:
    return get_object_or_404(Country, iso3=parse_iso3(iso3))


def _chosen_guide(request: HttpRequest, guides: list[Guide]) -> Guide:
    language = request.GET.get("lang") or request.POST.get("lang")
    return selectors.choose_guide(guides, language, preferred=get_language())


def find_guide(request: HttpRequest, iso3: str) -> Guide:
    """The country's guide chosen by ``?lang=``, else in the reader's language, else the
    first; 404 if there is none (no access check: use ``access_guide``)."""
    return _chosen_guide(request, selectors.country_guides(country_of(iso3)))


def access_guide(request: HttpRequest, iso3: str, verb: str) -> Guide:
    """The guide if the visitor may "read", "view", "edit", "endorse" or "publish" it."""
    return check(request, GUIDE_RULES, verb, find_guide(request, iso3))


def access_country_guides(request: HttpRequest, iso3: str) -> tuple[Country, Guide | None]:
    """The country and its chosen guide (None if it has none yet), for the workspace:
    the secretariat and anybody appointed for the country."""
    country = country_of(iso3)
    guides = selectors.country_guides(country)
    if not guides:
        grant(request, bool(view_country_area.test(request.user, country)))
        return country, None
    return country, check(request, GUIDE_RULES, "view", _chosen_guide(request, guides))


def access_guide_start(request: HttpRequest, iso3: str) -> Country:
    """The country if the visitor may start a guide for it."""
    return check(request, {"start": can_start_guide}, "start", country_of(iso3))


def access_edition(request: HttpRequest, iso3: str, number: object, verb: str = "view") -> Edition:
    """Edition ``number`` of the chosen guide, if the visitor may "view" it (or
    "view_endorsed": the snapshot as endorsed)."""
    number = parse_number(number)
    edition = selectors.edition(find_guide(request, iso3), number)
    return check(request, EDITION_RULES, verb, edition)
