"""Who may read, edit, endorse and publish a country's guide.

Workgroup members and focal points of the country edit; its coordinating authority
endorses; the secretariat does everything; the public reads published editions only.
"""

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.network.models import Role
from rabatnet.network.permissions import (
    COUNTRY_EDITORS,
    can_view_country_area,
    has_role_for_country,
    is_secretariat,
)

from .models import Edition


def can_view_drafts(user: User, country: Country) -> bool:
    """The secretariat and anybody appointed for the country: drafts stay inside."""
    return can_view_country_area(user, country)


def can_edit_guide(user: User, country: Country) -> bool:
    return user.is_active and (
        is_secretariat(user) or has_role_for_country(user, country, COUNTRY_EDITORS)
    )


def can_endorse_guide(user: User, country: Country) -> bool:
    """The country's national coordinating authority (and the secretariat, on its behalf)."""
    return user.is_active and (
        is_secretariat(user) or has_role_for_country(user, country, [Role.COORDINATING_AUTHORITY])
    )


def can_publish_guide(user: User) -> bool:
    return user.is_active and is_secretariat(user)


def can_view_edition(user: User, edition: Edition) -> bool:
    """Published editions are public; the others stay with the country and the secretariat."""
    return edition.status == Edition.Status.PUBLISHED or (
        user.is_authenticated and can_view_drafts(user, edition.guide.country)
    )


def can_view_timeline(user: User) -> bool:
    return user.is_active and is_secretariat(user)
