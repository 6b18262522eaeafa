"""The newsletter's "technical support" source: the quarter's support in figures.

One item a quarter, in both languages: the requests received (filed in the quarter) and the
missions deployed (requests that first reached "deployed" in the quarter), each by kind of
support. Anonymised counts only, from the requests counted in the public figures
(``public=True``): never a country, a title, a need or a person.
"""

from collections import Counter
from datetime import datetime

from django.utils import translation
from django.utils.translation import gettext as _

from rabatnet.newsletter.composition import ItemDraft, quarter_bounds, register_source
from rabatnet.newsletter.models import Item

from .models import Stage, StageEvent, SupportKind, SupportRequest

# The public clock page (/en/support/), as a site path without the language.
CLOCK_PATH = "/support/"


def quarter_figures(year: int, quarter: int) -> tuple[Counter[str], Counter[str]]:
    """(requests received, missions deployed) in the quarter, by kind code."""
    start, end = quarter_bounds(year, quarter)
    public = SupportRequest.objects.counted_in_public()
    received = Counter(
        public.filter(filed_at__gte=start, filed_at__lt=end).values_list("kind", flat=True)
    )
    firsts: dict[int, tuple[datetime, str]] = {}
    arrivals = (
        StageEvent.objects.filter(to_stage=Stage.DEPLOYED, request__public=True)
        .order_by("at", "pk")
        .values_list("request_id", "at", "request__kind")
    )
    for request_id, at, kind in arrivals:
        firsts.setdefault(request_id, (at, kind))  # a reopened request counts once
    deployed = Counter(kind for at, kind in firsts.values() if start <= at < end)
    return received, deployed


def _by_kind(counts: Counter[str]) -> str:
    labels = dict(SupportKind.choices)
    return "; ".join(
        f"{labels[code]}: {count}"
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if code in labels
    )


def _text(
    year: int, quarter: int, received: Counter[str], deployed: Counter[str]
) -> tuple[str, str]:
    title = _("Technical support in figures, Q%(quarter)s %(year)s") % {
        "quarter": quarter,
        "year": year,
    }
    lines = [
        _("Requests received: %(count)s (counted in the public figures).")
        % {"count": sum(received.values())},
    ]
    if received:
        lines.append(_("By kind of support: %(kinds)s.") % {"kinds": _by_kind(received)})
    lines.append(
        _("Missions deployed: %(count)s (requests that reached deployment in the quarter).")
        % {"count": sum(deployed.values())}
    )
    if deployed:
        lines.append(_("By kind of support: %(kinds)s.") % {"kinds": _by_kind(deployed)})
    lines.append(
        _(
            "Derived counts, from the stages recorded; the public page of technical support "
            "shows how long each stage takes."
        )
    )
    return title, "\n\n".join(lines)


def support_drafts(year: int, quarter: int) -> list[ItemDraft]:
    """The quarter's item, or none when nothing was received or deployed."""
    received, deployed = quarter_figures(year, quarter)
    if not received and not deployed:
        return []
    texts = {}
    for language in ("en", "fr"):
        with translation.override(language):
            texts[language] = _text(year, quarter, received, deployed)
    return [
        ItemDraft(
            kind=Item.Kind.SUPPORT,
            source=f"support.figures:{year}-Q{quarter}",
            title_en=texts["en"][0],
            title_fr=texts["fr"][0],
            body_en=texts["en"][1],
            body_fr=texts["fr"][1],
            link=CLOCK_PATH,
        )
    ]


register_source(Item.Kind.SUPPORT, support_drafts)
