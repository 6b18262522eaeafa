"""Template access to a country's guides, for pages of lower apps (country page, private area)."""

from django import template

from rabatnet.countries.models import Country

from ..models import Guide
from ..selectors import published_guides

register = template.Library()


@register.simple_tag
def country_published_guides(country: Country) -> list[Guide]:
    return published_guides(country)
