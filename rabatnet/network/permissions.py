"""Who may do what, from the appointments in force today.

Each rule is a ``can_<verb>_<noun>(user, obj) -> bool``; views call them through
``access`` (403 when refused). Superusers pass every rule.
"""

from collections.abc import Iterable

import rules
from django.core.exceptions import PermissionDenied

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country

from .models import Person, Role
from .selectors import user_appointments


@rules.predicate
def is_secretariat(user: User) -> bool:
    return user.is_active and (
        user.is_superuser or any(a.role == Role.SECRETARIAT for a in user_appointments(user))
    )


@rules.predicate
def is_member(user: User) -> bool:
    """Anybody with an appointment in force: the private area is theirs."""
    return user.is_active and (user.is_superuser or bool(user_appointments(user)))


@rules.predicate
def is_appointed_for_country(user: User, country: Country | None) -> bool:
    return country is not None and any(a.country_id == country.pk for a in user_appointments(user))


@rules.predicate
def is_self(user: User, person: Person | None) -> bool:
    return person is not None and person.user_id is not None and person.user_id == user.pk


@rules.predicate
def is_listed(user: User, person: Person | None) -> bool:
    return person is not None and person.directory_consent


def has_role_for_country(user: User, country: Country | None, roles: Iterable[str]) -> bool:
    """True if the user holds one of ``roles`` for ``country`` today."""
    roles = set(roles)
    return country is not None and any(
        a.country_id == country.pk and a.role in roles for a in user_appointments(user)
    )


# The people who write a country's records: its focal points and workgroup.
COUNTRY_EDITORS = (Role.FOCAL_POINT, Role.WORKGROUP_MEMBER)


rules.add_perm("network.view_private_area", is_member)
rules.add_perm("network.view_directory", is_member)
rules.add_perm("network.view_country_area", is_secretariat | (is_member & is_appointed_for_country))
# Not "view_person"/"change_person": those are Django's model permissions, which
# ModelBackend grants to anybody given them in the admin, for every person.
rules.add_perm("network.see_person", is_secretariat | is_self | (is_member & is_listed))
rules.add_perm("network.edit_person", is_secretariat | is_self)
rules.add_perm("network.manage_network", is_secretariat)


def can_view_private_area(user: User) -> bool:
    return user.has_perm("network.view_private_area")


def can_view_directory(user: User) -> bool:
    return user.has_perm("network.view_directory")


def can_view_country_area(user: User, country: Country) -> bool:
    return user.has_perm("network.view_country_area", country)


def can_view_person(user: User, person: Person) -> bool:
    return user.has_perm("network.see_person", person)


def can_change_person(user: User, person: Person) -> bool:
    return user.has_perm("network.edit_person", person)


def can_manage_network(user: User) -> bool:
    return user.has_perm("network.manage_network")


def access(allowed: bool) -> None:
    """Refuse with 403 unless ``allowed``; anonymous visitors never get this far."""
    if not allowed:
        raise PermissionDenied
