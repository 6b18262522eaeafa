"""The map as SVG: the prepared geometry drawn with a layer's fills and marks."""

from .types import Layer


def render_map_svg(layer: Layer, *, highlight: str = "", embed_links: bool = True) -> str:
    """The ``<svg>`` element of a layer state; ``highlight`` (ISO3) is drawn selected."""
    raise NotImplementedError("svg: built by the geometry helper")
