"""The highlighted map of a country, for pages of apps that may not import the map's app.

The country page and the guide PDF show where a country is; the map is drawn by ``imap``,
which reads ``countries``, ``statistics`` and ``guides``. So that those apps never import
``imap``, ``imap`` registers its renderer here when it starts (``ImapConfig.ready``) and the
pages ask this module (``{% country_map %}`` in ``core.templatetags.country_maps``).
Without a registered renderer (the app not installed) a page simply shows no map.
See docs/decisions/0025-one-way-country-maps.md.
"""

from dataclasses import dataclass
from typing import Protocol


class CountryMapRenderer(Protocol):
    def __call__(self, iso3: str, *, standalone: bool = False) -> str: ...


class MapPageUrl(Protocol):
    def __call__(self, iso3: str) -> str: ...


@dataclass(frozen=True)
class _Registered:
    renderer: CountryMapRenderer
    page_url: MapPageUrl | None
    stylesheet: str  # the static path of the CSS that colours the map inside a page


_registered: list[_Registered] = []


def register_country_map(
    renderer: CountryMapRenderer, *, page_url: MapPageUrl | None = None, stylesheet: str = ""
) -> None:
    """Make ``renderer`` the one that draws country maps (a later call replaces it).

    ``renderer(iso3, standalone=...)`` returns an ``<svg>`` element in the active language,
    the country highlighted; ``standalone`` inlines its CSS (for a PDF or a file).
    ``page_url(iso3)`` is the address of the full map with the country selected;
    ``stylesheet`` the static path of the CSS a page links to colour the (not standalone) map.
    """
    _registered[:] = [_Registered(renderer, page_url, stylesheet)]


def country_map(iso3: str, *, standalone: bool = False) -> str:
    """The map with ``iso3`` highlighted, or "" when no renderer is registered."""
    if not _registered:
        return ""
    return _registered[0].renderer(iso3, standalone=standalone)


def country_map_page_url(iso3: str) -> str:
    """The full map with ``iso3`` selected, or "" when no map is registered."""
    if not _registered or _registered[0].page_url is None:
        return ""
    return _registered[0].page_url(iso3)


def country_map_stylesheet() -> str:
    """The static path of the map's CSS, or "" when no map is registered."""
    return _registered[0].stylesheet if _registered else ""
