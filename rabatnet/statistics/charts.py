"""Profile charts: Vega-Lite specs built with altair, rendered to SVG by vl-convert, cached.

A chart is served as an image (``<img src=…svg>``): the page stays light and its CSP
untouched. The cache key holds the kind, the country, the language, ``CHART_VERSION``
and the ``files_sha256`` of the datasets drawn: a new import is a new key, nothing to
purge. The figures in the page and its tables are the exact ones; a chart is a picture.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any, Literal

import altair as alt
import vl_convert as vlc
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country

from . import profile
from .models import Indicator
from .profile import ProfileData, Provenance, Ranking, Series
from .profile_types import unit_label

# Raise it when the look of the charts changes: every cached chart is then redrawn.
CHART_VERSION = 2
CACHE_SECONDS = 60 * 60 * 24 * 30
WIDTH, LINE_HEIGHT, BAR_HEIGHT = 640, 280, 330
COLOURS = ["#0b5c8a", "#c05a00", "#1f6f43"]  # the site's accent, then two that differ in print
DASHES = [[1, 0], [6, 3], [2, 2]]  # told apart without colour too
# Metric-compatible everywhere (Arial, Helvetica, Liberation Sans): the labels are laid out
# with the widths vl-convert measures, so a wider fallback font would overlap them.
FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"
D3_LOCALES: dict[str, Literal["en-US", "fr-FR"]] = {"en": "en-US", "fr": "fr-FR"}
# Years as plain numbers; edge labels centred on their tick, not pushed inwards.
YEAR_AXIS = alt.Axis(format="d", tickMinStep=1, labelFlush=False)


@dataclass(frozen=True)
class Drawn:
    """What a chart shows: its title, one line of description, the Vega-Lite spec."""

    title: str
    description: str
    spec: dict


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def _source_line(sources: list[Provenance | None]) -> str:
    names = []
    for source in sources:
        if source is not None:
            line = f"{source.publisher_acronym or source.publisher}, {source.revision}"
            if line not in names:
                names.append(line)
    return _("Source: %(sources)s") % {"sources": "; ".join(names)}


def _notes(shown: list[Series | Ranking]) -> list[str]:
    """Subtitle lines saying which figures are derived (and how) and which years are partial."""
    lines: list[str] = []
    for figures in shown:
        if figures.derived and figures.note is not None:
            by, formula = figures.note.derived_by, figures.note.formula
            lines.append(_("Derived (%(by)s): %(formula)s") % {"by": by, "formula": formula})
        for point in figures.points if isinstance(figures, Series) else []:
            if point.covers:
                lines.append(
                    _("%(year)s: %(months)s only (partial year)")
                    % {"year": point.year, "months": point.partial}
                )
    return list(dict.fromkeys(lines))


def _base(
    chart: alt.Chart | alt.LayerChart,
    title: str,
    sources: list,
    height: int,
    notes: list[str] | None = None,
) -> dict:
    subtitle = [_source_line(sources), *(notes or [])]
    spec = chart.properties(
        title=alt.Title(title, subtitle=subtitle, anchor="start"),
        width=WIDTH,
        height=height,
        autosize=alt.AutoSizeParams(type="fit", contains="padding"),
        padding=8,
    ).configure(font=FONT, background="#ffffff", aria=False)
    spec = spec.configure_axis(labelFontSize=12, titleFontSize=12, gridColor="#e3e8ee")
    spec = spec.configure_title(fontSize=15, subtitleFontSize=11, subtitleColor="#5b6675")
    legend = spec.configure_legend(
        orient="bottom", direction="vertical", title=None, labelFontSize=12, labelLimit=600
    )
    return legend.to_dict(validate=False)  # the specs are ours; validation costs ~50 ms


def _persons_titles() -> set[str]:
    """The axis titles that assume persons: replaced by the unit when the figures are not."""
    return {_("persons"), _("persons, end of year")}


def _lines(
    series: list[tuple[str, Series]], title: str, y_title: str, scale: float = 1
) -> dict | None:
    """A line per series over the years; points marked when the years are sparse.

    A derived series says so in its legend label; a partial year's point is drawn hollow
    and named under the title.
    """
    named = [(f"{label} †" if label and s.derived else label, s) for label, s in series]
    units = {s.unit for _label, s in series if s and s.unit}
    if len(units) > 1:  # never one axis for two units without saying which line is which
        named = [(f"{label} ({s.unit_label})" if s else label, s) for label, s in named]
    if units and units != {Indicator.Unit.PERSONS} and y_title in _persons_titles():
        y_title = ", ".join(sorted(unit_label(unit) for unit in units))
    values = [
        {
            "year": p.year,
            "value": float(p.value) / scale,
            "series": label,
            "partial": bool(p.covers),
        }
        for label, s in named
        for p in s.points
    ]
    if not values:
        return None
    labels = [label for label, s in named if s]
    sparse = max(len(s.points) for _label, s in series) <= 15
    encoding: dict[str, Any] = {
        "x": alt.X("year:Q", title=None, axis=YEAR_AXIS),
        "y": alt.Y("value:Q", title=y_title, axis=alt.Axis(format=",~f", tickCount=5)),
    }
    if len(labels) > 1:
        encoding["color"] = alt.Color(
            "series:N", scale=alt.Scale(domain=labels, range=COLOURS[: len(labels)])
        )
        encoding["strokeDash"] = alt.StrokeDash(
            "series:N", scale=alt.Scale(domain=labels, range=DASHES[: len(labels)])
        )
    base = alt.Chart(alt.Data(values=values))
    chart: alt.Chart | alt.LayerChart = base.mark_line(
        point=sparse, strokeWidth=2, color=COLOURS[0]
    ).encode(**encoding)
    if any(v["partial"] for v in values):
        hollow = (
            base.transform_filter(alt.datum.partial)
            .mark_point(filled=True, fill="#ffffff", size=70, strokeWidth=2, color=COLOURS[1])
            .encode(x=encoding["x"], y=encoding["y"])
        )
        chart = alt.LayerChart(layer=[chart, hollow])
    notes = _notes([s for _label, s in series])
    return _base(chart, title, [s.source for _label, s in series], LINE_HEIGHT, notes)


def _bars_by_year(series: Series, title: str, y_title: str) -> dict | None:
    """Bars per year, coloured by sign (net migration)."""
    if not series:
        return None
    values = [{"year": p.year, "value": float(p.value)} for p in series.points]
    decades = [p.year for p in series.points if p.year % 10 == 0]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(values=decades, labelAngle=0)),
            y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format=",~f", tickCount=5)),
            color=alt.when(alt.datum.value < 0)
            .then(alt.value(COLOURS[1]))
            .otherwise(alt.value(COLOURS[0])),
        )
    )
    return _base(chart, title, [series.source], LINE_HEIGHT, _notes([series]))


def _ranking_bars(ranking: Ranking, title: str, x_title: str) -> dict | None:
    """Horizontal bars, largest first; countries only (the page names the other codes)."""
    if not ranking.rows:
        return None
    if ranking.unit and ranking.unit != Indicator.Unit.PERSONS and x_title in _persons_titles():
        x_title = ranking.unit_label
    values = [{"name": r.name, "value": float(r.value)} for r in ranking.rows]
    bars = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(color=COLOURS[0])
        .encode(
            y=alt.Y("name:N", sort=None, title=None),
            x=alt.X("value:Q", title=x_title, axis=alt.Axis(format=",~f", tickCount=4)),
        )
    )
    labels = bars.mark_text(align="left", dx=3, fontSize=11, color="#1c2430").encode(
        text=alt.Text("value:Q", format=",d")
    )
    layers = alt.LayerChart(layer=[bars, labels])
    return _base(layers, title, [ranking.source], BAR_HEIGHT, _notes([ranking]))


# --- The charts of the profile page -----------------------------------------------------------


def _migrant_stock(data: ProfileData) -> Drawn | None:
    stock = profile.migrant_stock(data)
    country = data.country.name
    title = _("International migrants: living in %(country)s and born there, living abroad") % {
        "country": country
    }
    spec = _lines(
        [
            (_("Living in the country"), stock.total),
            (_("Born there, living abroad"), stock.emigrants),
        ],
        title,
        _("persons"),
    )
    return Drawn(title, _("Line chart, by year."), spec) if spec else None


def _migrant_shares(data: ProfileData) -> Drawn | None:
    stock = profile.migrant_stock(data)
    title = _("International migrants in %(country)s: share of the population, share of women") % {
        "country": data.country.name
    }
    spec = _lines(
        [
            (_("% of the population"), stock.population_pct),
            (_("% women among migrants"), stock.women_pct),
        ],
        title,
        _("percent"),
    )
    return Drawn(title, _("Line chart, by year."), spec) if spec else None


def _origins(data: ProfileData) -> Drawn | None:
    ranking = profile.immigrant_origins(data)
    title = _("Immigrants in %(country)s by country of birth, %(year)s (top %(n)s)") % {
        "country": data.country.name,
        "year": ranking.year,
        "n": len(ranking.rows),
    }
    spec = _ranking_bars(ranking, title, _("persons"))
    return Drawn(title, _("Horizontal bar chart, largest first."), spec) if spec else None


def _destinations(data: ProfileData) -> Drawn | None:
    ranking = profile.emigrant_destinations(data)
    title = _("Emigrants from %(country)s by country of residence, %(year)s (top %(n)s)") % {
        "country": data.country.name,
        "year": ranking.year,
        "n": len(ranking.rows),
    }
    spec = _ranking_bars(ranking, title, _("persons"))
    return Drawn(title, _("Horizontal bar chart, largest first."), spec) if spec else None


def _remittances_usd(data: ProfileData) -> Drawn | None:
    title = _("Personal remittances received by %(country)s") % {"country": data.country.name}
    series = profile.remittances(data).usd
    spec = _lines([("US$", series)], title, _("millions of current US dollars"), 1_000_000)
    return Drawn(title, _("Line chart, by year."), spec) if spec else None


def _remittances_gdp(data: ProfileData) -> Drawn | None:
    title = _("Personal remittances received by %(country)s, %% of GDP") % {
        "country": data.country.name
    }
    spec = _lines([("%", profile.remittances(data).pct_gdp)], title, _("% of GDP"))
    return Drawn(title, _("Line chart, by year."), spec) if spec else None


def _displacement(data: ProfileData) -> Drawn | None:
    shown = profile.displacement(data)
    title = _("Refugees and asylum seekers: hosted by %(country)s and from %(country)s") % {
        "country": data.country.name
    }
    spec = _lines(
        [
            (_("Refugees hosted"), shown.refugees_hosted),
            (_("Asylum seekers hosted"), shown.asylum_seekers_hosted),
            (_("Refugees from the country"), shown.refugees_originating),
        ],
        title,
        _("persons, end of year"),
    )
    return Drawn(title, _("Line chart, by year."), spec) if spec else None


def _asylum_europe(data: ProfileData) -> Drawn | None:
    title = _("Citizens of %(country)s applying for asylum in Europe") % {
        "country": data.country.name
    }
    series = profile.asylum_in_europe(data).total
    spec = _lines([("", series)], title, _("asylum applicants"))
    return Drawn(title, _("Line chart, by year."), spec) if spec else None


def _asylum_europe_states(data: ProfileData) -> Drawn | None:
    ranking = profile.asylum_in_europe(data).states
    title = _("Asylum applicants from %(country)s by receiving state, %(year)s") % {
        "country": data.country.name,
        "year": ranking.year,
    }
    spec = _ranking_bars(ranking, title, _("asylum applicants"))
    return Drawn(title, _("Horizontal bar chart, largest first."), spec) if spec else None


def _population(data: ProfileData) -> Drawn | None:
    title = _("Population of %(country)s") % {"country": data.country.name}
    spec = _lines([("", profile.population(data).population)], title, _("persons"))
    return Drawn(title, _("Line chart, by year."), spec) if spec else None


def _net_migration(data: ProfileData) -> Drawn | None:
    title = _("Net migration, %(country)s") % {"country": data.country.name}
    series = profile.population(data).net_migration
    spec = _bars_by_year(series, title, _("immigrants minus emigrants"))
    return (
        Drawn(title, _("Bar chart, by year; below zero, more people left."), spec) if spec else None
    )


# kind → (the indicators it draws, how to draw it)
CHARTS: dict[str, tuple[tuple[str, ...], Callable[[ProfileData], Drawn | None]]] = {
    "migrant-stock": (("migrant_stock_total", "emigrant_stock_total"), _migrant_stock),
    "migrant-shares": (
        ("migrant_stock_pct_population", "migrant_stock_female_pct"),
        _migrant_shares,
    ),
    "origins": ((profile.STOCK_BILATERAL,), _origins),
    "destinations": ((profile.STOCK_BILATERAL,), _destinations),
    "remittances-usd": (("remittances_received_usd",), _remittances_usd),
    "remittances-gdp": (("remittances_received_pct_gdp",), _remittances_gdp),
    "displacement": (
        ("refugees_hosted", "asylum_seekers_hosted", "refugees_originating"),
        _displacement,
    ),
    "asylum-europe": ((profile.ASYLUM_EUROPE,), _asylum_europe),
    "asylum-europe-states": ((profile.ASYLUM_EUROPE,), _asylum_europe_states),
    "population": (("population",), _population),
    "net-migration": (("net_migration",), _net_migration),
}
BARS = {"origins", "destinations", "asylum-europe-states"}


def chart_size(kind: str) -> tuple[int, int]:
    """Width and height of the SVG (autosize "fit"): the page reserves the room."""
    return WIDTH, BAR_HEIGHT if kind in BARS else LINE_HEIGHT


def revision_token(kind: str, data: ProfileData) -> str:
    """Short digest of what the chart depends on: the import of the revision each of its
    indicators is read from, and CHART_VERSION."""
    codes, _draw = CHARTS[kind]
    digest = hashlib.sha256(f"v{CHART_VERSION}".encode())
    for code in codes:
        dataset = data.chosen.get(code)
        imported = dataset.imported_at.isoformat() if dataset and dataset.imported_at else "-"
        held = f"{dataset.slug}:{dataset.files_sha256}:{imported}" if dataset else "-"
        digest.update(f"|{code}={held}".encode())
    return digest.hexdigest()[:16]


def _svg(drawn: Drawn) -> str:
    """Render, then name the picture inside it (<title>, <desc>) for assistive technology."""
    svg = vlc.vegalite_to_svg(drawn.spec, format_locale=D3_LOCALES.get(_language(), "en-US"))
    head, _sep, body = svg.partition(">")
    return (
        f'{head} role="img" aria-labelledby="chart-title chart-desc">'
        f'<title id="chart-title">{escape(drawn.title)}</title>'
        f'<desc id="chart-desc">{escape(drawn.description)}</desc>{body}'
    )


def chart_svg(kind: str, country: Country) -> tuple[str, str]:
    """The chart's SVG ("" when there is nothing to draw) and its revision token, cached."""
    data = ProfileData(country)
    token = revision_token(kind, data)
    key = f"profile-chart:v{CHART_VERSION}:{kind}:{country.iso3}:{_language()}:{token}"
    svg = cache.get(key)
    if svg is None:
        drawn = CHARTS[kind][1](data)
        svg = _svg(drawn) if drawn else ""
        cache.set(key, svg, CACHE_SECONDS)
    return svg, token


def chart_tokens(data: ProfileData) -> dict[str, str]:
    """Every chart's revision token, for the image addresses of the page (no extra query)."""
    return {kind: revision_token(kind, data) for kind in CHARTS}
