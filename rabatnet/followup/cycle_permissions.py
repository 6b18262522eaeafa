"""Who may do what with collection cycles and self-assessments (see ``rabatnet.core.access``).

The secretariat runs the cycles and verifies; a country's focal points, its workgroup and
the contributors a focal point designated enter the country's self-assessment; anybody
appointed for the country reads it. A country's entries are never shown to another country
nor to the public here (the public sees verified ones only, through the matrix).

Who enters for a country is decided once, for initiatives and assessments alike:
``initiative_permissions.can_enter_for_country``.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser, check, grant, parse_iso3, parse_number
from rabatnet.countries.models import Country
from rabatnet.network.permissions import (
    is_appointed_for_country,
    is_member,
    is_secretariat,
)
from rabatnet.strategy.models import Objective

from .initiative_permissions import can_enter_for_country
from .models import Assessment, Contributor, Cycle

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


@dataclass(frozen=True)
class CountryCycle:
    """A country's self-assessment in a cycle: the thing its page shows and submits."""

    cycle: Cycle
    country: Country


def parse_slug(slug: str) -> str:
    """The slug, or 404 for anything that cannot be a cycle's (no query is made)."""
    if not _SLUG.fullmatch(slug or ""):
        raise Http404("Not a cycle.")
    return slug


def is_open(cycle: Cycle, today: date | None = None) -> bool:
    """Entries are taken from ``opens_on`` until the secretariat closes the cycle; after the
    deadline they are still taken, flagged late."""
    today = today or timezone.localdate()
    return cycle.closed_at is None and cycle.opens_on <= today


def _contributor_country_ids(user: AnyUser) -> set[int]:
    """The countries ``user`` was designated a contributor for (ended ones aside), read
    once per request (cached on the user)."""
    if not isinstance(user, User) or not user.is_active:
        return set()
    cached: set[int] | None = vars(user).get("_followup_contributions")
    if cached is None:
        cached = set(
            Contributor.objects.filter(person__user=user, ended_at__isnull=True).values_list(
                "country_id", flat=True
            )
        )
        vars(user)["_followup_contributions"] = cached
    return cached


def _viewer_for_country(user: AnyUser, country: Country) -> bool:
    """Who reads a country's self-assessment: its editors and anybody appointed for it."""
    return can_enter_for_country(user, country) or bool(
        is_appointed_for_country.test(user, country)
    )


def can_list_cycles(user: AnyUser) -> bool:
    """Members of the network and contributors: the secretariat sees every country's row,
    the others their own countries'."""
    return bool(is_member.test(user)) or bool(_contributor_country_ids(user))


def can_manage_cycles(user: AnyUser) -> bool:
    return bool(is_secretariat.test(user))


def can_view_cycle(user: AnyUser, cycle: Cycle) -> bool:
    """A cycle's per-country completion: the secretariat."""
    return can_manage_cycles(user)


def can_change_cycle(user: AnyUser, cycle: Cycle) -> bool:
    return can_manage_cycles(user)


def can_close_cycle(user: AnyUser, cycle: Cycle) -> bool:
    return can_manage_cycles(user)


def can_verify_cycle(user: AnyUser, cycle: Cycle) -> bool:
    """The verification queue of a cycle."""
    return can_manage_cycles(user)


def can_view_country_cycle(user: AnyUser, report: CountryCycle) -> bool:
    return _viewer_for_country(user, report.country)


def can_enter_country_cycle(user: AnyUser, report: CountryCycle) -> bool:
    """Enter and submit: the country's editors (the services refuse once closed)."""
    return can_enter_for_country(user, report.country)


def can_view_assessment(user: AnyUser, assessment: Assessment) -> bool:
    return _viewer_for_country(user, assessment.country)


def can_edit_assessment(user: AnyUser, assessment: Assessment) -> bool:
    return can_enter_for_country(user, assessment.country)


def can_verify_assessment(user: AnyUser, assessment: Assessment) -> bool:
    return bool(is_secretariat.test(user))


# --- Fetch and check --------------------------------------------------------------------

CYCLE_RULES = {
    "view": can_view_cycle,
    "change": can_change_cycle,
    "close": can_close_cycle,
    "verify": can_verify_cycle,
}
COUNTRY_CYCLE_RULES = {"view": can_view_country_cycle, "enter": can_enter_country_cycle}
ASSESSMENT_RULES = {
    "view": can_view_assessment,
    "edit": can_edit_assessment,
    "verify": can_verify_assessment,
}


def access_cycles(request: HttpRequest, verb: str) -> None:
    """The list of cycles ("list") or a new one ("manage")."""
    rule = can_manage_cycles if verb == "manage" else can_list_cycles
    grant(request, rule(request.user))


def access_cycle(request: HttpRequest, slug: str, verb: str) -> Cycle:
    """The cycle, to "view" (its completion), "change", "close" or "verify" (its queue)."""
    cycle = get_object_or_404(Cycle.objects.select_related("framework"), slug=parse_slug(slug))
    return check(request, CYCLE_RULES, verb, cycle)


def access_country_cycle(request: HttpRequest, slug: str, iso3: str, verb: str) -> CountryCycle:
    """A country's self-assessment in the cycle, to "view" or "enter" (and submit)."""
    code = parse_iso3(iso3)
    cycle = get_object_or_404(Cycle.objects.select_related("framework"), slug=parse_slug(slug))
    country = get_object_or_404(Country, iso3=code)
    return check(request, COUNTRY_CYCLE_RULES, verb, CountryCycle(cycle, country))


def access_objective(report: CountryCycle, number: object) -> Objective:
    """The objective ``number`` of the cycle's framework (404 otherwise)."""
    return get_object_or_404(
        Objective.objects.select_related("pillar"),
        framework=report.cycle.framework,
        number=parse_number(number),
    )


def access_assessment(request: HttpRequest, slug: str, pk: object, verb: str) -> Assessment:
    """An assessment of the cycle, to "view", "edit" or "verify"."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("cycle", "country", "objective", "verified_by"),
        pk=parse_number(pk),
        cycle__slug=parse_slug(slug),
    )
    return check(request, ASSESSMENT_RULES, verb, assessment)
