"""Map layers: one module per layer, each turning a ``MapState`` into a ``Layer``."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from ..types import LAYERS, Layer, MapState
from . import bilateral, guides, indicator, membership, routes
from .indicator import indicator_choices

__all__ = ["build_layer", "indicator_choices"]

BUILDERS: dict[str, Callable[[MapState], Layer]] = {
    "membership": membership.build,
    "guides": guides.build,
    "indicator": indicator.build,
    "bilateral": bilateral.build,
    "routes": routes.build,
}
assert set(BUILDERS) == set(LAYERS)  # noqa: S101 - every layer of the contract has a builder


def build_layer(state: MapState) -> Layer:
    """The layer the state names, built from the statistics and guides selectors.

    An unknown layer name (the views parse the query; this defends anyway) shows membership
    with a message.
    """
    builder = BUILDERS.get(state.layer)
    if builder is None:
        layer = membership.build(state)
        layer.message = _("Unknown layer: showing the members of the dialogue.")
        return layer
    return builder(state)
