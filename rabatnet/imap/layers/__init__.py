"""Map layers: one module per layer, each turning a ``MapState`` into a ``Layer``."""

from ..types import Layer, MapState


def build_layer(state: MapState) -> Layer:
    """The layer the state names, built from the statistics and guides selectors."""
    raise NotImplementedError("layers: built by the layers helper")
