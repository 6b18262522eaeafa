"""Layer ``bilateral``: a country's top 10 partners in UN DESA's bilateral migrant stock.

``destinations``: where the people born in the country live; ``origins``: where the
country's international migrants were born. Partners outside the dialogue or the map are
listed in the table all the same; on the map, members among the partners are classed by rank.
"""

from django.http import Http404
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country
from rabatnet.countries.selectors import country_by_iso3, member_countries
from rabatnet.statistics import map_selectors

from ..types import Flow, Layer, LegendEntry, MapState, Row
from .common import choose_year, derived_note, printed, source_of

TOP = 10
# Ranks -> class key: the two largest partners darkest.
RANK_KEYS = ("c4", "c4", "c3", "c3", "c2", "c2", "c1", "c1", "c0", "c0")


def _titles(direction: str, name: str) -> tuple[str, str]:
    if direction == "origins":
        return (
            _("Where the international migrants living in %(country)s were born")
            % {"country": name},
            _("Country of birth"),
        )
    return (
        _("Where the people born in %(country)s live") % {"country": name},
        _("Country of residence"),
    )


def _country(iso3: str) -> Country | None:
    try:
        return country_by_iso3(iso3) if iso3 else None
    except Http404:
        return None


def build(state: MapState) -> Layer:
    columns = (_("Rank"), _("Migrants (persons)"))
    country = _country(state.country)
    dataset = map_selectors.bilateral_dataset()
    if country is None or dataset is None:
        message = (
            _("Choose a country to see its top partners.")
            if dataset is not None
            else _("The bilateral migrant stock is not loaded.")
        )
        return Layer(
            state=state, title=_("Bilateral migrant stock"), columns=columns, message=message
        )
    direction = (
        state.direction if state.direction in ("origins", "destinations") else "destinations"
    )
    years = map_selectors.bilateral_years(dataset=dataset, iso3=country.iso3, direction=direction)
    year, message = choose_year(state.year, years)
    title, partner_column = _titles(direction, country.name)
    source = source_of(dataset, years)
    layer = Layer(
        state=state,
        title=f"{title} ({year})" if year else title,
        columns=columns,
        sources=[source],
        years=years,
        year=year,
        message=message or ("" if year else _("No bilateral figure for this country.")),
    )
    if year is None:
        return layer
    partners = map_selectors.bilateral_top(
        dataset=dataset, iso3=country.iso3, direction=direction, year=year, top=TOP
    )
    members = {c.iso3 for c in member_countries()}
    for rank, partner in enumerate(partners, start=1):
        figure = printed(partner.text)
        layer.rows.append(
            Row(
                key=partner.code,
                label=partner.name,
                cells=(str(rank), figure),
                value=partner.value,
                unit=_("persons"),
                derived=partner.derived,
                source=source,
            )
        )
        origin, destination = (
            (country.iso3, partner.code)
            if direction == "destinations"
            else (partner.code, country.iso3)
        )
        layer.flows.append(Flow(origin, destination, partner.value, f"{partner.name}: {figure}"))
        if partner.code in members:
            layer.fills[partner.code] = RANK_KEYS[rank - 1]
    layer.legend = [
        LegendEntry("c4", _("ranks 1–2")),
        LegendEntry("c3", _("ranks 3–4")),
        LegendEntry("c2", _("ranks 5–6")),
        LegendEntry("c1", _("ranks 7–8")),
        LegendEntry("c0", _("ranks 9–10")),
        LegendEntry("flow", _("migrants, line width by number"), len(layer.flows), "line"),
    ]
    layer.legend_note = _(
        "The %(top)s largest partners (%(column)s); members of the dialogue among them are "
        "shaded by rank, the others listed in the table only."
    ) % {"top": TOP, "column": partner_column}
    if any(row.derived for row in layer.rows):
        formula = map_selectors.derivation_formula(
            code=map_selectors.BILATERAL_STOCK, dataset=dataset
        )
        layer.legend_note += " " + derived_note(formula)
    return layer
