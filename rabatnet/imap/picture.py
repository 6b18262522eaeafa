"""The map of a state as a picture: the SVG string cached per inputs and data revision, and PNG.

The cache key holds everything the picture depends on: the state's query, the highlighted
country, the flags, the active language, the revision counters of the statistics, the
reference data and the guides, and the prepared geometry's settings. A new import bumps a
counter, so there is nothing to purge; old keys age out.
"""

import hashlib

import vl_convert
from django.core.cache import cache
from django.utils import translation

from rabatnet.core import revisions

from . import layers
from .borders import disputed_mode
from .geometry import GEOMETRY_VERSION
from .svg import render_map_svg
from .types import Layer, MapState, Source

PICTURE_VERSION = 1  # raise when the look of the picture changes
CACHE_SECONDS = 60 * 60 * 24 * 7
GEOMETRY_SOURCE = Source(
    dataset="",
    title="Admin 0 – Countries 1:50m",
    publisher="Natural Earth",
    revision="4.1.0",
    years="",
)
PNG_SCALE = 2.0  # pixels per view unit: sharp on a high-density screen and in print


def picture_key(state: MapState, **flags: object) -> str:
    """The cache key of a state's picture with these ``flags`` in the active language."""
    parts = [
        f"v{PICTURE_VERSION}.{GEOMETRY_VERSION}",
        disputed_mode(),
        translation.get_language() or "",
        revisions.token(revisions.STATISTICS, revisions.REFERENCE, revisions.GUIDES),
        repr(sorted(state.query().items())),
        repr(sorted(flags.items())),
    ]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]
    return f"imap-svg-{digest}"


def map_svg(
    state: MapState,
    *,
    highlight: str = "",
    links: bool = True,
    standalone: bool = False,
    link_target: str = "",
    layer: Layer | None = None,
) -> str:
    """The ``<svg>`` of ``state``, cached; its layer built by ``layers.build_layer`` unless
    the caller already holds it (``layer``, built from the same state)."""
    key = picture_key(
        state, highlight=highlight, links=links, standalone=standalone, target=link_target
    )
    found = cache.get(key)
    if isinstance(found, str):
        return found
    if layer is None:
        layer = layers.build_layer(state)
    picture = render_map_svg(
        layer,
        highlight=highlight,
        embed_links=links,
        link_target=link_target,
        standalone=standalone,
    )
    cache.set(key, picture, CACHE_SECONDS)
    return picture


def country_map_svg(iso3: str, *, standalone: bool = False) -> str:
    """The membership map with ``iso3`` highlighted, no links (the country page); standalone,
    the locator map of a print document (``locator_svg``)."""
    if standalone:
        return locator_svg(iso3)
    state = MapState(layer="membership", country=iso3.upper())
    return map_svg(state, highlight=iso3.upper(), links=False)


def locator_svg(iso3: str) -> str:
    """Where the country is, drawn from the shipped geometry and the code alone.

    A published guide's PDF must never change with live data (decision 0006): this picture
    reads no membership and no name from the database, so rebuilding the PDF of an edition
    gives the same bytes whatever was edited since. Its only text is the source line, in the
    active language (the guide's, when the PDF is built).
    """
    code = iso3.upper()
    layer = Layer(
        state=MapState(layer="membership", country=code),
        title="",
        fills={code: "m-partner"},
        sources=[GEOMETRY_SOURCE],
    )
    return render_map_svg(
        layer, highlight=code, embed_links=False, standalone=True, show_names=False
    )


def svg_to_png(svg: str) -> bytes:
    """A PNG of a standalone SVG, twice its size for sharpness (labels drawn by resvg)."""
    return bytes(vl_convert.svg_to_png(svg, scale=PNG_SCALE))
