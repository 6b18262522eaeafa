"""Who may file, read and move support requests, and read and keep expert profiles.

A request is its country's and the secretariat's: the country's focal points, coordinating
authority and workgroup members read it; its focal points and coordinating authority file,
withdraw, agree terms of reference and evaluate; the secretariat does the rest. An expert
sees only the requests they were asked about, through ``can_view_request_as_expert``.
Expert profiles are personal data: the secretariat and the expert themself. As everywhere
(decision 0019): unknown 404, anonymous the sign-in page, anybody else 403.
"""

import rules
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser, check, grant, parse_iso3, parse_number
from rabatnet.countries.models import Country
from rabatnet.network.models import Role
from rabatnet.network.permissions import appointments_in_force, has_role_for_country, is_secretariat

from .models import Expert, Proposal, SupportRequest

# Who speaks for a country in its requests; who else of the country reads them.
REQUESTERS = (Role.FOCAL_POINT, Role.COORDINATING_AUTHORITY)
READERS = (*REQUESTERS, Role.WORKGROUP_MEMBER)


@rules.predicate
def is_requester_for_country(user: AnyUser, country: Country | None) -> bool:
    return has_role_for_country(user, country, REQUESTERS)


@rules.predicate
def is_reader_for_country(user: AnyUser, country: Country | None) -> bool:
    return has_role_for_country(user, country, READERS)


@rules.predicate
def is_expert(user: AnyUser) -> bool:
    """An ``expert`` appointment in force today."""
    return any(a.role == Role.EXPERT for a in appointments_in_force(user))


def own_expert_profile(user: AnyUser) -> Expert | None:
    """The signed-in user's expert profile, if they have one (whatever their appointments)."""
    if not isinstance(user, User) or not user.is_active:
        return None
    return Expert.objects.filter(person__user=user, person__erased_at__isnull=True).first()


# --- Requests --------------------------------------------------------------------------


def can_file_request_for_country(user: AnyUser, country: Country) -> bool:
    """File a request for ``country``: its focal points and coordinating authority, and the
    secretariat on its behalf."""
    return bool((is_secretariat | is_requester_for_country).test(user, country))


def can_list_requests_for_country(user: AnyUser, country: Country) -> bool:
    return bool((is_secretariat | is_reader_for_country).test(user, country))


def can_view_request(user: AnyUser, request: SupportRequest) -> bool:
    """The whole file: the country's readers and the secretariat."""
    return can_list_requests_for_country(user, request.country)


def can_speak_for_request(user: AnyUser, request: SupportRequest) -> bool:
    """Withdraw, agree terms of reference, evaluate: the country's requesters (and the
    secretariat, which may record what a country said by other means)."""
    return can_file_request_for_country(user, request.country)


def can_manage_request(user: AnyUser, request: SupportRequest) -> bool:
    """Move it through its stages, write terms of reference, match, deploy: the secretariat."""
    return bool(is_secretariat.test(user))


def can_view_request_as_expert(user: AnyUser, request: SupportRequest) -> bool:
    """What an expert asked about a request sees of it (never its country's other files)."""
    expert = own_expert_profile(user)
    return (
        expert is not None
        and Proposal.objects.filter(
            request=request,
            expert=expert,
            status__in=[
                Proposal.Status.ASKED,
                Proposal.Status.ACCEPTED,
                Proposal.Status.DECLINED,
            ],
        ).exists()
    )


def can_manage_support(user: AnyUser) -> bool:
    """The secretariat's pages: every request, the dashboard, the CSV, the roster."""
    return bool(is_secretariat.test(user))


# --- Experts ---------------------------------------------------------------------------


def can_view_expert(user: AnyUser, expert: Expert) -> bool:
    if is_secretariat.test(user):
        return True
    own = own_expert_profile(user)
    return own is not None and own.pk == expert.pk


def can_change_expert(user: AnyUser, expert: Expert) -> bool:
    """The expert keeps their own profile and availability; the secretariat keeps all."""
    return can_view_expert(user, expert)


def can_appraise_expert(user: AnyUser, expert: Expert) -> bool:
    return bool(is_secretariat.test(user))


# --- Fetch and check ---------------------------------------------------------------------

REQUEST_RULES = {
    "view": can_view_request,
    "speak": can_speak_for_request,
    "manage": can_manage_request,
    "expert": can_view_request_as_expert,
}
COUNTRY_RULES = {
    "file": can_file_request_for_country,
    "list": can_list_requests_for_country,
}
EXPERT_RULES = {
    "view": can_view_expert,
    "change": can_change_expert,
    "appraise": can_appraise_expert,
}


def access_request(request: HttpRequest, pk: object, verb: str) -> SupportRequest:
    """The support request, to "view" (its file), "speak" (for its country), "manage" (the
    secretariat) or "expert" (what an asked expert sees)."""
    support_request = get_object_or_404(
        SupportRequest.objects.select_related("country", "theme", "filed_by"),
        pk=parse_number(pk),
    )
    return check(request, REQUEST_RULES, verb, support_request)


def access_support_country(request: HttpRequest, iso3: str, verb: str) -> Country:
    """The country, to "file" a request for it or "list" its requests."""
    country = get_object_or_404(Country, iso3=parse_iso3(iso3))
    return check(request, COUNTRY_RULES, verb, country)


def access_expert(request: HttpRequest, pk: object, verb: str) -> Expert:
    """An expert's profile, to "view", "change" (profile, availability, CV) or "appraise"."""
    expert = get_object_or_404(
        Expert.objects.select_related("person", "nationality"), pk=parse_number(pk)
    )
    return check(request, EXPERT_RULES, verb, expert)


def access_support_management(request: HttpRequest) -> None:
    """The secretariat's support pages (all requests, dashboard, CSV, roster)."""
    grant(request, can_manage_support(request.user))
