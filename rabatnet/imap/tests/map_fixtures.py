"""Hand-made layers for the page's tests: the page prints what a ``Layer`` holds, whatever
built it. ``fake_map`` replaces the layer builder, the picture and the panel in the views."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from rabatnet.imap import layers, picture, views
from rabatnet.imap.panel import Panel
from rabatnet.imap.types import Layer, LegendEntry, MapState, Row, Source

SOURCE = Source(
    dataset="un-desa-stock",
    title="International migrant stock 2024",
    publisher="UN DESA",
    revision="2024-11",
    years="1990–2024",
)


def hand_made_layer(state: MapState) -> Layer:
    """A small layer of the state's kind: two countries, one without data, one derived."""
    years = [] if state.layer in ("membership", "guides") else [2020, 2024]
    year = state.year if state.year in years else (years[-1] if years else None)
    return Layer(
        state=state,
        title=f"Test layer {state.layer}",
        fills={"SEN": "c4", "MLI": "nodata"},
        legend=[
            LegendEntry("c4", "1,000 and more", 1),
            LegendEntry("nodata", "No data", 1),
        ],
        legend_note="Classes: quantiles (5)",
        columns=("Value",),
        rows=[
            Row("SEN", "Senegal", ("1,234",), Decimal(1234), derived=True, source=SOURCE),
            Row("MLI", "Mali", ("",), None, partial=True),
        ],
        sources=[SOURCE],
        years=years,
        year=year,
        message="",
    )


@dataclass
class Calls:
    """What the views asked of the fakes."""

    states: list[MapState] = field(default_factory=list)
    pictures: list[dict[str, Any]] = field(default_factory=list)
    panels: list[str] = field(default_factory=list)


@pytest.fixture
def fake_map(monkeypatch: pytest.MonkeyPatch) -> Iterator[Calls]:
    calls = Calls()

    def build_layer(state: MapState) -> Layer:
        calls.states.append(state)
        return hand_made_layer(state)

    def map_svg(state: MapState, **options: Any) -> str:
        calls.pictures.append({"state": state, **options})
        shape = '<a href="#" data-iso3="SEN"></a>'
        return f'<svg class="imap" data-test-picture="1">{shape}{state.layer}</svg>'

    def build_panel(user: object, iso3: str, layer: Layer) -> Panel:
        calls.panels.append(iso3)
        return Panel(iso3=iso3, name=f"Panel of {iso3}")

    monkeypatch.setattr(layers, "build_layer", build_layer)
    choices = [
        SimpleNamespace(code="pop", name="Population"),
        SimpleNamespace(code="stock", name="Stock"),
    ]
    monkeypatch.setattr(layers, "indicator_choices", lambda: choices, raising=False)
    monkeypatch.setattr(views, "build_panel", build_panel)
    monkeypatch.setattr(picture, "map_svg", map_svg)
    yield calls
