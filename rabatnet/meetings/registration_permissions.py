"""Who may register a delegation, confirm it and read participant lists.

A country's focal points (and the secretariat) register and withdraw its delegation; the
secretariat confirms. Anybody appointed for the country reads its registration; the
participant list shows the secretariat every delegation, a member their countries' only.
Views reach registrations through ``access_registration`` and meetings through
``access_meeting`` (see ``rabatnet.core.access``).
"""

import re

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, check, grant, parse_iso3
from rabatnet.countries.models import Country
from rabatnet.network.models import Role
from rabatnet.network.permissions import (
    has_role_for_country,
    is_appointed_for_country,
    is_member,
    is_secretariat,
)

from .models import Meeting, Registration

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def parse_slug(slug: str) -> str:
    """The slug, or 404 for anything that cannot be a meeting's (no query is made)."""
    if not _SLUG.fullmatch(slug or ""):
        raise Http404("Not a meeting.")
    return slug


def is_focal_point(user: AnyUser, country: Country) -> bool:
    return has_role_for_country(user, country, [Role.FOCAL_POINT])


def can_view_registration(user: AnyUser, registration: Registration) -> bool:
    """The secretariat, and the members appointed for the registration's country."""
    if is_secretariat.test(user):
        return True
    return bool(is_member.test(user)) and bool(
        is_appointed_for_country.test(user, registration.country)
    )


def can_change_registration(user: AnyUser, registration: Registration) -> bool:
    """Write the delegation, submit it or withdraw it: the country's focal points and the
    secretariat."""
    return bool(is_secretariat.test(user)) or is_focal_point(user, registration.country)


def can_confirm_registration(user: AnyUser, registration: Registration) -> bool:
    return bool(is_secretariat.test(user))


def can_register_for_meetings(user: AnyUser) -> bool:
    """The list of meetings taking registrations: every member (the focal points write,
    the others read their countries' state)."""
    return bool(is_member.test(user))


def can_manage_registrations(user: AnyUser, meeting: Meeting) -> bool:
    """Every registration of a meeting, with confirm: the secretariat."""
    return bool(is_secretariat.test(user))


def can_view_participants(user: AnyUser, meeting: Meeting) -> bool:
    """The participant list (each member sees their countries' delegations only)."""
    return bool(is_member.test(user))


REGISTRATION_RULES = {
    "view": can_view_registration,
    "change": can_change_registration,
    "submit": can_change_registration,
    "withdraw": can_change_registration,
    "confirm": can_confirm_registration,
}
MEETING_RULES = {
    "manage": can_manage_registrations,
    "participants": can_view_participants,
}


def access_registration_list(request: HttpRequest) -> None:
    """The page of meetings open for registration."""
    grant(request, can_register_for_meetings(request.user))


def _meeting(request: HttpRequest, slug: str) -> Meeting:
    """A published meeting; unpublished ones too for the secretariat."""
    meetings = Meeting.objects.all()
    if not is_secretariat.test(request.user):
        meetings = meetings.published()
    return get_object_or_404(meetings, slug=parse_slug(slug))


def access_meeting(request: HttpRequest, slug: str, verb: str) -> Meeting:
    """The meeting, to "manage" its registrations or read its "participants"."""
    return check(request, MEETING_RULES, verb, _meeting(request, slug))


def access_registration(request: HttpRequest, slug: str, iso3: str, verb: str) -> Registration:
    """The country's registration for the meeting, to "view", "change", "submit",
    "withdraw" or "confirm"; an unsaved one (a draft) when the country has none yet."""
    code = parse_iso3(iso3)
    meeting = _meeting(request, slug)
    country = get_object_or_404(Country, iso3=code)
    registration = (
        Registration.objects.select_related("meeting", "country")
        .filter(meeting=meeting, country=country)
        .first()
    ) or Registration(meeting=meeting, country=country)
    return check(request, REGISTRATION_RULES, verb, registration)
