"""Who may see and edit a country's source mapping."""

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.network.permissions import (
    COUNTRY_EDITORS,
    can_view_country_area,
    has_role_for_country,
    is_secretariat,
)


def can_view_sources(user: User, country: Country) -> bool:
    """The secretariat and anybody appointed for the country (drafts stay inside)."""
    return can_view_country_area(user, country)


def can_edit_sources(user: User, country: Country) -> bool:
    """The secretariat, the country's focal points and workgroup members."""
    return user.is_active and (
        is_secretariat(user) or has_role_for_country(user, country, COUNTRY_EDITORS)
    )
