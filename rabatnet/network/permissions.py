"""Who may do what, from the appointments in force today.

Each rule is a ``can_<verb>_<noun>(user, obj) -> bool`` on the object, built from the
django-rules predicates below; it takes any visitor (``AnonymousUser`` included, who gets
nothing) and an inactive account gets nothing either. Views reach people and countries
through ``access_person`` and ``access_country_area`` (see ``rabatnet.core.access``).
Superusers pass every rule.
"""

from collections.abc import Iterable

import rules
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser, check, grant, parse_iso3, parse_number
from rabatnet.countries.models import Country

from .models import Appointment, Organisation, Person, Role
from .selectors import user_appointments

# The people who write a country's records: its focal points and workgroup.
COUNTRY_EDITORS = (Role.FOCAL_POINT, Role.WORKGROUP_MEMBER)


def appointments_in_force(user: AnyUser) -> list[Appointment]:
    """The appointments of an active, signed-in user; nothing for anybody else."""
    if isinstance(user, User) and user.is_active:
        return user_appointments(user)
    return []


def _is_active_superuser(user: AnyUser) -> bool:
    return isinstance(user, User) and user.is_active and user.is_superuser


@rules.predicate
def is_secretariat(user: AnyUser) -> bool:
    return _is_active_superuser(user) or any(
        a.role == Role.SECRETARIAT for a in appointments_in_force(user)
    )


@rules.predicate
def is_member(user: AnyUser) -> bool:
    """Anybody with an appointment in force: the private area is theirs."""
    return _is_active_superuser(user) or bool(appointments_in_force(user))


@rules.predicate
def is_appointed_for_country(user: AnyUser, country: Country | None) -> bool:
    return country is not None and any(
        a.country_id == country.pk for a in appointments_in_force(user)
    )


@rules.predicate
def is_self(user: AnyUser, person: Person | None) -> bool:
    return (
        isinstance(user, User)
        and user.is_active
        and person is not None
        and person.user_id is not None
        and person.user_id == user.pk
    )


@rules.predicate
def is_listed(user: AnyUser, person: Person | None) -> bool:
    return person is not None and person.directory_consent


def has_role_for_country(user: AnyUser, country: Country | None, roles: Iterable[str]) -> bool:
    """True if the user holds one of ``roles`` for ``country`` today."""
    roles = set(roles)
    return country is not None and any(
        a.country_id == country.pk and a.role in roles for a in appointments_in_force(user)
    )


@rules.predicate
def is_country_editor(user: AnyUser, country: Country | None) -> bool:
    return has_role_for_country(user, country, COUNTRY_EDITORS)


@rules.predicate
def is_coordinating_authority(user: AnyUser, country: Country | None) -> bool:
    return has_role_for_country(user, country, [Role.COORDINATING_AUTHORITY])


view_country_area = is_secretariat | (is_member & is_appointed_for_country)
see_person = is_secretariat | is_self | (is_member & is_listed)
edit_person = is_secretariat | is_self

rules.add_perm("network.view_private_area", is_member)
rules.add_perm("network.view_directory", is_member)
rules.add_perm("network.view_country_area", view_country_area)
# Not "view_person"/"change_person": those are Django's model permissions, which
# ModelBackend grants to anybody given them in the admin, for every person.
rules.add_perm("network.see_person", see_person)
rules.add_perm("network.edit_person", edit_person)
rules.add_perm("network.manage_network", is_secretariat)


def can_view_private_area(user: AnyUser) -> bool:
    return bool(is_member.test(user))


def can_view_directory(user: AnyUser) -> bool:
    return bool(is_member.test(user))


def can_view_country_area(user: AnyUser, country: Country) -> bool:
    """The secretariat and anybody appointed for the country."""
    return bool(view_country_area.test(user, country))


def can_view_person(user: AnyUser, person: Person) -> bool:
    return bool(see_person.test(user, person))


def can_change_person(user: AnyUser, person: Person) -> bool:
    return bool(edit_person.test(user, person))


def can_confirm_person(user: AnyUser, person: Person) -> bool:
    """Only the person themself confirms that their details are correct."""
    return bool(is_self.test(user, person))


def can_manage_network(user: AnyUser) -> bool:
    return bool(is_secretariat.test(user))


def can_change_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return can_manage_network(user)


def can_change_appointment(user: AnyUser, appointment: Appointment) -> bool:
    return can_manage_network(user)


def can_appoint_person(user: AnyUser, person: Person) -> bool:
    return can_manage_network(user)


# --- Fetch and check (see rabatnet.core.access) -----------------------------------------

AREA_RULES = {
    "view": can_view_private_area,
    "directory": can_view_directory,
    "manage": can_manage_network,
}
PERSON_RULES = {
    "view": can_view_person,
    "change": can_change_person,
    "appoint": can_appoint_person,
    "confirm": can_confirm_person,
}


def access_area(request: HttpRequest, verb: str) -> None:
    """The parts of the private area that are no one object: "view" (its home page),
    "directory" (the directory, the organisations), "manage" (adding to the network)."""
    grant(request, AREA_RULES[verb](request.user))


def access_country_area(request: HttpRequest, iso3: str) -> Country:
    """The country if the visitor may see its private area."""
    country = get_object_or_404(Country, iso3=parse_iso3(iso3))
    return check(request, {"view": can_view_country_area}, "view", country)


def access_person(request: HttpRequest, pk: object, verb: str) -> Person:
    """The person, to "view", "change", "appoint" (give a role to) or "confirm"."""
    person = get_object_or_404(Person, pk=parse_number(pk))
    return check(request, PERSON_RULES, verb, person)


def access_organisation(request: HttpRequest, pk: object) -> Organisation:
    """The organisation, for the secretariat to change."""
    organisation = get_object_or_404(Organisation, pk=parse_number(pk))
    return check(request, {"change": can_change_organisation}, "change", organisation)


def access_appointment(request: HttpRequest, pk: object) -> Appointment:
    """The appointment (with its person), for the secretariat to end."""
    appointment = get_object_or_404(
        Appointment.objects.select_related("person"), pk=parse_number(pk)
    )
    return check(request, {"change": can_change_appointment}, "change", appointment)
