"""Who may enter, verify and read the follow-up's initiatives (see ``rabatnet.core.access``).

``can_enter_for_country(user, country)`` is shared with the cycles' assessments: a
country's focal points and workgroup members (``COUNTRY_EDITORS``), the people its focal
point designated as follow-up contributors (``Contributor`` not ended), and the secretariat.
A country's initiatives that are not verified are for those people only: the public pages
read published ones alone (404 otherwise), and the private pages refuse anybody else as
decision 0019 says (sign-in page for the anonymous, 403 for the signed-in).
"""

import rules
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser, check, grant, parse_iso3, parse_number
from rabatnet.countries.models import Country
from rabatnet.countries.selectors import member_countries
from rabatnet.network.models import Role
from rabatnet.network.permissions import (
    COUNTRY_EDITORS,
    appointments_in_force,
    has_role_for_country,
    is_country_editor,
    is_secretariat,
)

from .models import Contributor, Initiative, ReviewState

_CONTRIBUTOR_CACHE = "_followup_contributor_countries"


def contributor_country_ids(user: AnyUser) -> set[int]:
    """The countries ``user`` is a follow-up contributor for today (cached on the user)."""
    if not isinstance(user, User) or not user.is_active:
        return set()
    per_request = vars(user)
    cached: set[int] | None = per_request.get(_CONTRIBUTOR_CACHE)
    if cached is None:
        cached = set(
            Contributor.objects.filter(person__user=user, ended_at__isnull=True).values_list(
                "country_id", flat=True
            )
        )
        per_request[_CONTRIBUTOR_CACHE] = cached
    return cached


@rules.predicate
def is_contributor_for_country(user: AnyUser, country: Country | None) -> bool:
    return country is not None and country.pk in contributor_country_ids(user)


@rules.predicate
def is_focal_point_for_country(user: AnyUser, country: Country | None) -> bool:
    return has_role_for_country(user, country, [Role.FOCAL_POINT])


is_followup_editor_for_country = is_secretariat | is_country_editor | is_contributor_for_country


def can_enter_for_country(user: AnyUser, country: Country) -> bool:
    """Enter initiatives and assessments for ``country``: its focal points and workgroup,
    its designated contributors, the secretariat."""
    return bool(is_followup_editor_for_country.test(user, country))


def can_designate_for_country(user: AnyUser, country: Country) -> bool:
    """Designate and end a country's contributors: its focal points and the secretariat."""
    return bool((is_secretariat | is_focal_point_for_country).test(user, country))


def can_view_contributors(user: AnyUser, country: Country) -> bool:
    return can_enter_for_country(user, country)


def can_view_initiative(user: AnyUser, initiative: Initiative) -> bool:
    """Everybody sees a verified initiative; the rest is its country's editors'."""
    return initiative.review_state == ReviewState.VERIFIED or can_enter_for_country(
        user, initiative.country
    )


def can_view_initiative_privately(user: AnyUser, initiative: Initiative) -> bool:
    """The private page and history: the country's editors and the secretariat."""
    return can_enter_for_country(user, initiative.country)


def can_change_initiative(user: AnyUser, initiative: Initiative) -> bool:
    """Edit: the country's editors, unless it waits for the secretariat (then only it)."""
    if is_secretariat.test(user):
        return True
    return initiative.review_state != ReviewState.SUBMITTED and can_enter_for_country(
        user, initiative.country
    )


def can_submit_initiative(user: AnyUser, initiative: Initiative) -> bool:
    return initiative.review_state in (
        ReviewState.DRAFT,
        ReviewState.RETURNED,
    ) and can_enter_for_country(user, initiative.country)


def can_verify_initiative(user: AnyUser, initiative: Initiative) -> bool:
    """Verify or return: the secretariat."""
    return bool(is_secretariat.test(user))


def can_verify_initiatives(user: AnyUser) -> bool:
    return bool(is_secretariat.test(user))


rules.add_perm("followup.enter_for_country", is_followup_editor_for_country)


# --- Fetch and check -----------------------------------------------------------------

INITIATIVE_RULES = {
    "view": can_view_initiative_privately,
    "change": can_change_initiative,
    "submit": can_submit_initiative,
    "verify": can_verify_initiative,
}
COUNTRY_RULES = {
    "enter": can_enter_for_country,
    "contributors": can_view_contributors,
    "designate": can_designate_for_country,
}


def access_initiative(request: HttpRequest, pk: object, verb: str) -> Initiative:
    """The initiative, to "view" (privately, with its history), "change", "submit" or
    "verify" (or return). As everywhere (decision 0019): unknown 404, anonymous the sign-in
    page, another country's people 403; the public pages only ever read published ones."""
    initiative = get_object_or_404(
        Initiative.objects.select_related("country", "verified_by"), pk=parse_number(pk)
    )
    return check(request, INITIATIVE_RULES, verb, initiative)


def access_followup_country(request: HttpRequest, iso3: str, verb: str) -> Country:
    """The country, to "enter" (its initiatives), "contributors" (see them), "designate"."""
    country = get_object_or_404(Country, iso3=parse_iso3(iso3))
    return check(request, COUNTRY_RULES, verb, country)


def access_verification_queue(request: HttpRequest) -> None:
    """The secretariat's queue of submitted initiatives."""
    grant(request, can_verify_initiatives(request.user))


def can_end_contributor(user: AnyUser, contributor: Contributor) -> bool:
    return contributor.ended_at is None and can_designate_for_country(user, contributor.country)


def access_contributor(request: HttpRequest, pk: object, verb: str) -> Contributor:
    """A designation, to "end" (its country's focal points and the secretariat)."""
    contributor = get_object_or_404(
        Contributor.objects.select_related("country", "person"), pk=parse_number(pk)
    )
    return check(request, {"end": can_end_contributor}, verb, contributor)


def entry_countries(user: AnyUser) -> list[Country]:
    """The countries ``user`` may enter for (every member country for the secretariat)."""
    if is_secretariat.test(user):
        return member_countries()
    ids = {
        a.country_id
        for a in appointments_in_force(user)
        if a.role in COUNTRY_EDITORS and a.country_id is not None
    }
    ids |= contributor_country_ids(user)
    return sorted(Country.objects.filter(pk__in=ids), key=lambda c: c.name)
