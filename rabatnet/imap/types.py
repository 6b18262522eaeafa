"""What a map layer hands to the renderer, the table and the downloads.

The contract between the three halves of the app: ``layers`` reads the statistics and
guides through their selectors and builds a ``Layer``; ``svg`` draws a ``Layer`` on the
prepared geometry; the views print the same ``Layer`` as a legend, a table and a CSV. No
half reaches into another's internals: if a layer needs to say something to the picture or
the table, it says it here.
"""

from dataclasses import dataclass, field
from decimal import Decimal

LAYERS = ("membership", "guides", "indicator", "bilateral", "routes")
DIRECTIONS = ("origins", "destinations")


@dataclass(frozen=True)
class MapState:
    """One state of the map, as its URL query gives it (every state has its own URL).

    Built from the query by ``state.parse_state`` (bad input gives a clear message, never an
    error page); ``year`` None means the latest year with data.
    """

    layer: str = "membership"
    indicator: str = ""
    year: int | None = None
    country: str = ""  # the selected country, ISO3, upper case ("" = none)
    direction: str = "destinations"
    q: str = ""

    def query(self, **changes: object) -> dict[str, str]:
        """The URL query of this state (or of this state with ``changes``), empty parts left out."""
        values: dict[str, object] = {
            "layer": self.layer,
            "indicator": self.indicator,
            "year": self.year,
            "country": self.country,
            "direction": self.direction,
        }
        values.update(changes)
        if values["layer"] != "bilateral":
            values.pop("direction")
        if values["layer"] != "indicator":
            values.pop("indicator")
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


@dataclass(frozen=True)
class Source:
    """Where a value comes from: dataset, publisher, revision, the years it covers."""

    dataset: str  # the dataset's slug ("" for the platform's own records: memberships, guides)
    title: str
    publisher: str
    revision: str
    years: str  # "2024", "1990–2024", "2025 (Jan–Apr)"
    url: str = ""  # the dataset page or the record's public page


@dataclass(frozen=True)
class LegendEntry:
    """One swatch of the legend: ``key`` is the CSS class of the shapes (or marks) it explains."""

    key: str  # e.g. "m-partner", "g-published", "c0".."c4", "nodata", "flow", "route", "incident"
    label: str
    count: int | None = None  # how many countries (or marks) carry it, when that means something
    symbol: str = "fill"  # "fill", "line", "dashed", "circle"


@dataclass(frozen=True)
class Row:
    """One line of the table beside the map (and of the CSV): one country, route or partner."""

    key: str  # ISO3 of a country; a route's code for the routes layer
    label: str  # the name in the active language
    cells: tuple[str, ...]  # the printed values, one per ``Layer.columns``
    value: Decimal | None = None  # the number the fill or mark follows, exact; None = no data
    unit: str = ""
    derived: bool = False  # marked † as in the profiles
    partial: bool = False  # a partial year (e.g. 2025 Jan–Apr)
    source: Source | None = None
    url: str = ""  # a link for the row (the published guide, the country's profile)


@dataclass(frozen=True)
class Flow:
    """A curved line between two countries whose width follows ``value`` (bilateral layer)."""

    origin: str  # ISO3
    destination: str  # ISO3
    value: Decimal
    label: str  # "France: 123,456" — the accessible name of the line


@dataclass(frozen=True)
class RoutePath:
    """A migration route drawn as a path through (longitude, latitude) points."""

    code: str  # the statistics Geo code of the route
    label: str
    points: tuple[tuple[float, float], ...]
    value: Decimal | None = None  # Frontex detections of the year
    partial: bool = False


@dataclass(frozen=True)
class Point:
    """A mark at a place (IOM incidents), its area following ``value``."""

    lon: float
    lat: float
    value: Decimal
    label: str


@dataclass
class Layer:
    """Everything one map state shows: fills, marks, legend, table, sources, year links."""

    state: MapState
    title: str
    fills: dict[str, str] = field(default_factory=dict)  # ISO3 -> legend key (CSS class)
    legend: list[LegendEntry] = field(default_factory=list)
    legend_note: str = ""  # e.g. "Classes: quantiles (5)", "† derived by …"
    columns: tuple[str, ...] = ()  # the table's headers after the label column
    rows: list[Row] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    years: list[int] = field(default_factory=list)  # every year with data, for the year links
    year: int | None = None  # the year shown (the latest with data when the URL gives none)
    flows: list[Flow] = field(default_factory=list)
    routes: list[RoutePath] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    message: str = ""  # a plain message for the page, e.g. "No data for 1990: showing 2024"
