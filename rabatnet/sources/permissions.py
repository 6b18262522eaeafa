"""Who may see and edit a country's source mapping, and the helpers that fetch and check.

The mapping is the country's (its object is the country); a source is an object of its own.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, check, parse_iso3, parse_number
from rabatnet.countries.models import Country
from rabatnet.network.permissions import is_country_editor, is_secretariat, view_country_area

from .models import Source

edit_mapping = is_secretariat | is_country_editor


def can_view_sources(user: AnyUser, country: Country) -> bool:
    """The secretariat and anybody appointed for the country (drafts stay inside)."""
    return bool(view_country_area.test(user, country))


def can_add_source(user: AnyUser, country: Country) -> bool:
    """The secretariat, the country's focal points and workgroup members (who may also add
    a data-collection entity for the country)."""
    return bool(edit_mapping.test(user, country))


def can_edit_source(user: AnyUser, source: Source) -> bool:
    """As ``can_add_source``, for the source's country."""
    return bool(edit_mapping.test(user, source.country))


SOURCES_RULES = {"view": can_view_sources, "add": can_add_source}
SOURCE_RULES = {"edit": can_edit_source}


def access_sources(request: HttpRequest, iso3: str, verb: str) -> Country:
    """The country whose mapping the visitor may "view" or "add" to."""
    country = get_object_or_404(Country, iso3=parse_iso3(iso3))
    return check(request, SOURCES_RULES, verb, country)


def access_source(request: HttpRequest, iso3: str, pk: object, verb: str = "edit") -> Source:
    """A source of the country, if the visitor may "edit" (or remove) it."""
    source = get_object_or_404(
        Source.objects.select_related("country"),
        pk=parse_number(pk),
        country__iso3=parse_iso3(iso3),
    )
    return check(request, SOURCE_RULES, verb, source)
