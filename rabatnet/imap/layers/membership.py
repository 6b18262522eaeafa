"""Layer ``membership``: partners (by side), observers and former partners, with the years."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rabatnet.countries.models import Country, Membership
from rabatnet.countries.selectors import member_countries

from ..types import Layer, LegendEntry, MapState, Row, Source

KEYS: dict[str, str] = {
    Membership.Status.PARTNER: "m-partner",
    Membership.Status.OBSERVER: "m-observer",
    Membership.Status.FORMER_PARTNER: "m-former",
}


def _span(started: int | None, ended: int | None) -> str:
    if started and ended:
        return f"{started}–{ended}"
    if ended:
        return _("until %(year)s") % {"year": ended}
    if started:
        return _("since %(year)s") % {"year": started}
    return ""


def _standing(country: Country) -> tuple[str, str, str]:
    """(legend key, status in words, years) of a member, from its membership periods."""
    periods = list(country.memberships.all())  # prefetched, chronological
    current = country.current_membership()
    if current is None or current.status == Membership.Status.FORMER_PARTNER:
        partner = [p for p in periods if p.status == Membership.Status.PARTNER]
        starts = [p.started_year for p in partner if p.started_year]
        ends = [p.ended_year for p in partner if p.ended_year]
        years = _span(min(starts, default=None), max(ends, default=None))
        label = _("former partner (%(years)s)") % {"years": years} if years else _("former partner")
        return KEYS[Membership.Status.FORMER_PARTNER], label, years
    years = _span(current.started_year, None)
    if current.status == Membership.Status.PARTNER:
        side = current.get_side_display()
        return KEYS[current.status], _("partner (%(side)s)") % {"side": side}, years
    return KEYS[current.status], str(current.get_status_display()), years


def membership_source() -> Source:
    return Source(
        dataset="",
        title=_("Members of the dialogue (the platform's reference table)"),
        publisher="rabatnet",
        revision=_("retrieved 2026-11-21, periods from the member list's notes"),
        years=_("to date"),
        url=reverse("countries:list"),
    )


def build(state: MapState) -> Layer:
    source = membership_source()
    layer = Layer(
        state=state,
        title=_("Members of the dialogue"),
        columns=(_("Membership"), pgettext("membership period", "Years")),
        sources=[source],
        legend_note=_("Countries outside the dialogue are drawn in grey."),
    )
    counts = dict.fromkeys(KEYS.values(), 0)
    for country in member_countries():
        key, status, years = _standing(country)
        counts[key] += 1
        layer.fills[country.iso3] = key
        layer.rows.append(
            Row(
                key=country.iso3,
                label=country.name,
                cells=(status, years),
                source=source,
                url=country.get_absolute_url(),
            )
        )
    labels = {
        "m-partner": _("partner"),
        "m-observer": _("observer"),
        "m-former": _("former partner"),
    }
    layer.legend = [LegendEntry(key, labels[key], counts[key]) for key in labels]
    layer.legend.append(LegendEntry("outside", _("not a member of the dialogue")))
    return layer
