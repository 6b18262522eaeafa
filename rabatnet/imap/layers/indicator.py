"""Layer ``indicator``: a choropleth of one country-level indicator in one year.

The indicator is read from the latest revision that holds it (the profile's rule); classes
are computed over the members with a whole-year figure (``classify``). A partial year's
figure is printed and flagged but never classed with whole years: its country is drawn as
"no data" and its row says "partial year, not classed".
"""

import re

from django.utils.translation import gettext as _

from rabatnet.countries.selectors import member_countries
from rabatnet.statistics import map_selectors
from rabatnet.statistics.map_selectors import IndicatorChoice
from rabatnet.statistics.profile_types import unit_label

from ..classify import classify
from ..types import Layer, LegendEntry, MapState, Row
from .common import choose_year, derived_note, printed, source_of, year_label

NODATA = "nodata"
CODE = re.compile(r"[a-z][a-z0-9_]{0,59}")


def indicator_choices() -> list[IndicatorChoice]:
    """The indicators the picker offers (code, names in English and French), by name."""
    return map_selectors.indicator_choices()


def _fallback(state: MapState, message: str) -> Layer:
    """No indicator to show: the message and the members as "no data"."""
    layer = Layer(state=state, title=_("Indicator"), message=message, columns=(_("Value"),))
    for country in member_countries():
        layer.fills[country.iso3] = NODATA
        layer.rows.append(Row(key=country.iso3, label=country.name, cells=(_("no data"),)))
    layer.legend = [LegendEntry(NODATA, _("no data"), len(layer.rows))]
    return layer


def build(state: MapState) -> Layer:
    if not state.indicator:
        return _fallback(state, _("Choose an indicator."))
    well_formed = CODE.fullmatch(state.indicator)  # a NUL byte or a long text never reaches SQL
    found = map_selectors.indicator_dataset(state.indicator) if well_formed else None
    if found is None:
        return _fallback(
            state,
            _("“%(code)s” is not an indicator with figures by country: choose one of the list.")
            % {"code": state.indicator[:60]},
        )
    indicator, dataset = found
    years = map_selectors.country_years(indicator=indicator, dataset=dataset)
    year, message = choose_year(state.year, years)
    if year is None:
        return _fallback(state, _("This indicator has no figure by country."))
    values = map_selectors.country_values(indicator=indicator, dataset=dataset, year=year)
    members = member_countries()
    whole = {
        c.iso3: values[c.iso3].value
        for c in members
        if c.iso3 in values and not values[c.iso3].covers
    }
    classes = classify(whole, allows_negative=indicator.allows_negative)
    unit = unit_label(indicator.unit)
    partial_covers = next((v.covers for v in values.values() if v.covers), "")
    source = source_of(dataset, years, partial_covers if year == max(years) else "")
    layer = Layer(
        state=state,
        title=f"{indicator.name} ({year})",
        columns=(f"{indicator.name} ({unit})", _("Year")),
        sources=[source],
        years=years,
        year=year,
        message=message,
    )
    for country in members:
        figure = values.get(country.iso3)
        if figure is None:
            layer.fills[country.iso3] = NODATA
            layer.rows.append(
                Row(key=country.iso3, label=country.name, cells=(_("no data"), str(year)))
            )
            continue
        partial = bool(figure.covers)
        cells = (printed(figure.text), year_label(year, figure.covers))
        if partial:
            cells = (_("%(value)s (partial year, not classed)") % {"value": cells[0]}, cells[1])
        layer.fills[country.iso3] = NODATA if partial else classes.keys[country.iso3]
        layer.rows.append(
            Row(
                key=country.iso3,
                label=country.name,
                cells=cells,
                value=figure.value,
                unit=unit,
                derived=figure.derived,
                partial=partial,
                source=source,
                url=country.get_absolute_url(),
            )
        )
    layer.legend = [
        LegendEntry(band.key, f"{printed(band.low)} – {printed(band.high)}", band.count)
        for band in classes.bands
    ]
    nodata = sum(1 for key in layer.fills.values() if key == NODATA)
    layer.legend.append(LegendEntry(NODATA, _("no data"), nodata))
    layer.legend_note = _legend_note(classes.diverging, len(whole))
    if any(row.derived for row in layer.rows):
        formula = map_selectors.derivation_formula(code=indicator.code, dataset=dataset)
        layer.legend_note += " " + derived_note(formula)
    return layer


def _legend_note(diverging: bool, counted: int) -> str:
    if diverging:
        rule = _(
            "Classes: diverging around zero over the %(count)s members with data (the fifth "
            "nearest zero in the middle; the negative and the positive values each halved at "
            "their median)."
        )
    else:
        rule = _("Classes: natural breaks (Jenks), 5 classes over the %(count)s members with data.")
    return (
        (rule % {"count": counted}) + " " + _("Partial years are never classed with whole years.")
    )
