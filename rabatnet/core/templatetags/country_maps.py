"""The registered country map (``core.country_maps``) in templates of any app.

``{% country_map_figure iso3 name %}`` on a page (the map, its stylesheet, a link to the full
map); ``{% country_map iso3 standalone=True %}`` for a print document (CSS inlined).
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

from rabatnet.core import country_maps

register = template.Library()


@register.simple_tag
def country_map(iso3: str, standalone: bool = False) -> SafeString:
    """The ``<svg>`` of the map with the country highlighted ("" without a renderer)."""
    # The renderer draws the SVG from our own geometry and escapes every name it prints.
    return mark_safe(country_maps.country_map(iso3, standalone=standalone))  # noqa: S308


@register.inclusion_tag("core/_country_map.html")
def country_map_figure(iso3: str, name: str) -> dict[str, object]:
    """The figure of a country's page: the map, the CSS that colours it, the full map's link."""
    return {
        "name": name,
        "svg": country_map(iso3),
        "stylesheet": country_maps.country_map_stylesheet(),
        "page_url": country_maps.country_map_page_url(iso3),
    }
