"""The i-Map app: at start-up it lends the country map to pages that may not import it."""

from django.apps import AppConfig
from django.urls import reverse


def map_page_url(iso3: str) -> str:
    """The map page, in the active language, with the country ``iso3`` selected."""
    return f"{reverse('imap:map')}?country={iso3}"


class ImapConfig(AppConfig):
    name = "rabatnet.imap"
    label = "imap"
    verbose_name = "Interactive map (i-Map)"

    def ready(self) -> None:
        """Lend the highlighted country map to the country page and the guide PDF, which may
        not import this app (docs/decisions/0025-one-way-country-maps.md)."""
        from rabatnet.core.country_maps import register_country_map

        from .picture import country_map_svg

        register_country_map(country_map_svg, page_url=map_page_url, stylesheet="imap/map.css")
