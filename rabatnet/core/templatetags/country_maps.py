"""``{% country_map iso3 %}``: the registered country map (``core.country_maps``)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from rabatnet.core import country_maps

register = template.Library()


@register.simple_tag
def country_map(iso3: str, standalone: bool = False) -> SafeString:
    """The ``<svg>`` of the map with the country highlighted ("" without a renderer)."""
    # The renderer draws the SVG from our own geometry and escapes every name it prints.
    return mark_safe(country_maps.country_map(iso3, standalone=standalone))  # noqa: S308


@register.simple_tag
def country_map_page_url(iso3: str) -> str:
    """The address of the full map with the country selected ("" without a map)."""
    return country_maps.country_map_page_url(iso3)
