"""The cycles' part of a welcome pack: the open cycles and what the country still owes
(registered in ``network.registries.WELCOME_SECTIONS`` when imported from receivers.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country
from rabatnet.network.models import Person
from rabatnet.network.registries import WelcomeItem, WelcomeSection, register_welcome_section

from .cycle_selectors import completion, open_cycles


def cycle_welcome_section(person: Person, country: Country | None) -> WelcomeSection | None:
    """Nothing for a post without a country, nor when no cycle is open."""
    if country is None:
        return None
    items = []
    for cycle in open_cycles():
        rows = completion(cycle, Country.objects.filter(pk=country.pk))
        if not rows:
            continue
        row = rows[0]
        owed = row.objectives - row.submitted
        text = (
            _("%(cycle)s (deadline %(deadline)s): every objective submitted.")
            if owed <= 0
            else _(
                "%(cycle)s (deadline %(deadline)s): %(owed)s of %(total)s objectives "
                "still to submit."
            )
        ) % {
            "cycle": cycle.title,
            "deadline": cycle.deadline.isoformat(),
            "owed": owed,
            "total": row.objectives,
        }
        link = reverse("cycles:country", kwargs={"slug": cycle.slug, "iso3": country.iso3})
        items.append(WelcomeItem(text, link))
    if not items:
        return None
    return WelcomeSection(_("Strategy follow-up: open collection cycles"), items)


register_welcome_section("cycles", cycle_welcome_section)
