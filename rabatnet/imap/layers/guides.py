"""Layer ``guides``: each member's guide stage, the published guides linked, and the number of
information sources mapped in the published edition (its frozen snapshot, not the draft)."""

from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rabatnet.countries.selectors import member_countries
from rabatnet.guides.map_selectors import GuideOnMap, guides_on_map
from rabatnet.guides.models import Stage

from ..types import Layer, LegendEntry, MapState, Row, Source
from .common import printed

NONE = "g-none"


def _source(guide: GuideOnMap, country_name: str) -> Source:
    year = str(guide.published_at.year) if guide.published_at else ""
    return Source(
        dataset="",
        title=_("User's guide of %(country)s") % {"country": country_name},
        publisher="rabatnet",
        revision=_("edition %(number)s") % {"number": guide.edition_number},
        years=year,
        url=guide.url,
    )


def _row(iso3: str, name: str, guide: GuideOnMap | None) -> Row:
    if guide is None:
        return Row(key=iso3, label=name, cells=(_("no guide"), "—", "—"))
    if guide.url:
        published = _("edition %(number)s, %(date)s") % {
            "number": guide.edition_number,
            "date": date_format(guide.published_at, "DATE_FORMAT") if guide.published_at else "",
        }
        sources = guide.sources or 0
        return Row(
            key=iso3,
            label=name,
            cells=(guide.stage_label, published, printed(sources)),
            value=Decimal(sources),
            source=_source(guide, name),
            url=guide.url,
        )
    return Row(key=iso3, label=name, cells=(guide.stage_label, "—", "—"))


def build(state: MapState) -> Layer:
    guides = guides_on_map((get_language() or "en").split("-")[0])
    layer = Layer(
        state=state,
        title=_("Country guides"),
        sources=[
            Source(
                dataset="",
                title=_("Country guides and their stages (the platform's records)"),
                publisher="rabatnet",
                revision="",
                years=_("to date"),
                url="",
            )
        ],
        columns=(_("Stage"), _("Published edition"), _("Information sources mapped")),
        legend_note=_(
            "Sources are counted in the published edition as endorsed, not in the draft "
            "being edited. Countries outside the dialogue are drawn in grey."
        ),
    )
    counts = dict.fromkeys([f"g-{value}" for value in Stage.values] + [NONE], 0)
    for country in member_countries():
        guide = guides.get(country.iso3)
        key = f"g-{guide.stage}" if guide else NONE
        counts[key] = counts.get(key, 0) + 1
        layer.fills[country.iso3] = key
        row = _row(country.iso3, country.name, guide)
        layer.rows.append(row)
        if row.source is not None:
            layer.sources.append(row.source)
    layer.legend = [
        LegendEntry(f"g-{value}", str(label), counts[f"g-{value}"])
        for value, label in Stage.choices
    ]
    layer.legend.append(LegendEntry(NONE, _("no guide"), counts[NONE]))
    layer.legend.append(LegendEntry("outside", _("not a member of the dialogue")))
    return layer
