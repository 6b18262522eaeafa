"""Who may build, run and answer questionnaires, review candidates, hold workshops, and
declare a country's interest in a guide.

- Questionnaires (the definitions) are read by every member of the network, who may take
  them as XLSForms to ODK or KoboToolbox; the secretariat builds, imports and opens them.
- A country runs a questionnaire — invites respondents, imports submissions, follows the
  response rate — through its editors (focal points, workgroup members) and the secretariat;
  everybody appointed for the country reads its responses.
- Candidates, workshops and stakeholders belong to a guide: who may view / edit the guide
  (``guides.permissions``) may view / review them.
- A country's focal point declares its interest; the secretariat acknowledges.

As everywhere (decision 0019): unknown 404, anonymous the sign-in page, anybody else 403.
Respondents with a personal link have no account: their link is checked in
``invitations.py``, not here.
"""

import re

import rules
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, check, parse_iso3, parse_number
from rabatnet.countries.models import Country
from rabatnet.guides.permissions import can_edit_guide, can_view_guide
from rabatnet.network.models import Role
from rabatnet.network.permissions import (
    has_role_for_country,
    is_country_editor,
    is_member,
    is_secretariat,
    view_country_area,
)

from .models import Candidate, ExpressionOfInterest, Questionnaire, Response, Workshop

FORM_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]{0,59}")


@rules.predicate
def is_focal_point_for_country(user: AnyUser, country: Country | None) -> bool:
    return has_role_for_country(user, country, (Role.FOCAL_POINT,))


# --- Questionnaires ------------------------------------------------------------------------


def can_view_questionnaire(user: AnyUser, questionnaire: Questionnaire) -> bool:
    """Read it and download its XLSForm: every member of the network."""
    return bool((is_secretariat | is_member).test(user))


def can_manage_questionnaire(user: AnyUser, questionnaire: Questionnaire | None) -> bool:
    """Build, edit, import, open and close it: the secretariat."""
    return bool(is_secretariat.test(user))


def can_run_questionnaire(user: AnyUser, country: Country) -> bool:
    """Invite a country's respondents, import its submissions, remind: its editors."""
    return bool((is_secretariat | is_country_editor).test(user, country))


def can_view_country_responses(user: AnyUser, country: Country) -> bool:
    """Read a country's responses and response rates: anybody appointed for it."""
    return bool(view_country_area.test(user, country))


def can_view_response(user: AnyUser, response: Response) -> bool:
    return can_view_country_responses(user, response.country)


def can_compile_response(user: AnyUser, response: Response) -> bool:
    """Turn a response into candidate records: the country's editors."""
    return can_run_questionnaire(user, response.country)


# --- Candidates, workshops ---------------------------------------------------------------


def can_view_candidate(user: AnyUser, candidate: Candidate) -> bool:
    return can_view_guide(user, candidate.guide)


def can_review_candidate(user: AnyUser, candidate: Candidate) -> bool:
    """Accept, edit or reject: who edits the guide (its workgroup, focal points, secretariat)."""
    return can_edit_guide(user, candidate.guide)


def can_view_workshop(user: AnyUser, workshop: Workshop) -> bool:
    """The programme, the sign-in list, the report: the country and the secretariat."""
    return can_view_guide(user, workshop.guide)


def can_manage_workshop(user: AnyUser, workshop: Workshop) -> bool:
    return can_edit_guide(user, workshop.guide)


# --- Expressions of interest -------------------------------------------------------------


def can_declare_interest(user: AnyUser, country: Country) -> bool:
    """Declare a country's interest: its focal points (the secretariat on its behalf)."""
    return bool((is_secretariat | is_focal_point_for_country).test(user, country))


def can_view_interest(user: AnyUser, interest: ExpressionOfInterest) -> bool:
    return bool(view_country_area.test(user, interest.country))


def can_acknowledge_interest(user: AnyUser, interest: ExpressionOfInterest) -> bool:
    return bool(is_secretariat.test(user))


def can_withdraw_interest(user: AnyUser, interest: ExpressionOfInterest) -> bool:
    return can_declare_interest(user, interest.country)


def can_manage_stakeholders(user: AnyUser, interest: ExpressionOfInterest) -> bool:
    """Identify and invite stakeholders: who edits the guide."""
    return can_edit_guide(user, interest.guide)


# --- Fetch and check (see rabatnet.core.access) -----------------------------------------

QUESTIONNAIRE_RULES = {"view": can_view_questionnaire, "manage": can_manage_questionnaire}
COUNTRY_RULES = {"run": can_run_questionnaire, "view": can_view_country_responses}
RESPONSE_RULES = {"view": can_view_response, "compile": can_compile_response}
CANDIDATE_RULES = {"view": can_view_candidate, "review": can_review_candidate}
WORKSHOP_RULES = {"view": can_view_workshop, "manage": can_manage_workshop}
INTEREST_RULES = {
    "view": can_view_interest,
    "acknowledge": can_acknowledge_interest,
    "withdraw": can_withdraw_interest,
    "stakeholders": can_manage_stakeholders,
}


def parse_form_id(form_id: str) -> str:
    """The form ID if it can be one (an XLSForm name, 60 characters at most), else 404."""
    if not isinstance(form_id, str) or not FORM_ID.fullmatch(form_id):
        raise Http404("No such questionnaire.")
    return form_id


def access_questionnaire(request: HttpRequest, form_id: str, verb: str) -> Questionnaire:
    """The questionnaire ``form_id`` if the visitor may "view" or "manage" it."""
    questionnaire = get_object_or_404(Questionnaire, form_id=parse_form_id(form_id))
    return check(request, QUESTIONNAIRE_RULES, verb, questionnaire)


def access_questionnaire_management(request: HttpRequest) -> None:
    """Pages with no questionnaire yet (new, import): the secretariat."""
    check(request, {"manage": can_manage_questionnaire}, "manage", None)


def access_questionnaire_country(
    request: HttpRequest, form_id: str, iso3: str, verb: str
) -> tuple[Questionnaire, Country]:
    """The questionnaire and the country, if the visitor may "run" it there or "view" the
    country's responses."""
    questionnaire = get_object_or_404(Questionnaire, form_id=parse_form_id(form_id))
    country = get_object_or_404(Country, iso3=parse_iso3(iso3))
    return questionnaire, check(request, COUNTRY_RULES, verb, country)


def access_response(request: HttpRequest, pk: object, verb: str) -> Response:
    response = get_object_or_404(
        Response.objects.select_related("questionnaire", "country", "department"),
        pk=parse_number(pk),
    )
    return check(request, RESPONSE_RULES, verb, response)


def access_candidate(request: HttpRequest, pk: object, verb: str) -> Candidate:
    candidate = get_object_or_404(
        Candidate.objects.select_related("guide__country"), pk=parse_number(pk)
    )
    return check(request, CANDIDATE_RULES, verb, candidate)


def access_workshop(request: HttpRequest, pk: object, verb: str) -> Workshop:
    workshop = get_object_or_404(
        Workshop.objects.select_related("guide__country"), pk=parse_number(pk)
    )
    return check(request, WORKSHOP_RULES, verb, workshop)


def access_interest_country(request: HttpRequest, iso3: str) -> Country:
    """The country, if the visitor may declare its interest."""
    country = get_object_or_404(Country, iso3=parse_iso3(iso3))
    return check(request, {"declare": can_declare_interest}, "declare", country)


def access_interest(request: HttpRequest, pk: object, verb: str) -> ExpressionOfInterest:
    interest = get_object_or_404(
        ExpressionOfInterest.objects.select_related("country", "guide"), pk=parse_number(pk)
    )
    return check(request, INTEREST_RULES, verb, interest)
