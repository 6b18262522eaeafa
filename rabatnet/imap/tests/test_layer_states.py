"""Any state builds a layer (never an error), with no statistics loaded and odd input."""

import pytest

from rabatnet.imap.layers import build_layer
from rabatnet.imap.types import LAYERS, MapState

pytestmark = pytest.mark.django_db

ODD = [
    {},
    {"year": 0},
    {"year": 32767},
    {"year": -5},
    {"indicator": "x\x00y"},
    {"indicator": "migrant_stock_total' OR 1=1 --"},
    {"indicator": "a" * 500},
    {"country": "S\x00N"},
    {"country": "sen"},
    {"country": "ZZZ", "direction": "sideways"},
]


@pytest.mark.parametrize("layer", LAYERS)
@pytest.mark.parametrize("odd", ODD)
def test_every_layer_builds_from_odd_states(layer: str, odd: dict) -> None:
    built = build_layer(MapState(layer=layer, **odd))
    assert built.title
    assert built.state.layer == layer
    assert all(key for key in built.fills.values())


def test_without_statistics_the_layers_say_so() -> None:
    assert build_layer(MapState(layer="indicator", indicator="population")).message
    assert build_layer(MapState(layer="bilateral", country="SEN")).message
    routes = build_layer(MapState(layer="routes"))
    assert (
        routes.year is None and routes.message and routes.points == [] and len(routes.routes) == 5
    )
