"""What the initiatives add to other apps: the newsletter's "initiatives" source (newly
verified initiatives of the quarter), the contributor designations in "my data", the end
of a person's designations when the person is erased, and the public pages kept in the
public page cache."""

from typing import Any

from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation

from rabatnet.core.public_cache import PUBLIC_PAGES, PublicPage
from rabatnet.core.revisions import FOLLOWUP, REFERENCE
from rabatnet.network.models import Person
from rabatnet.network.registries import register_personal_data
from rabatnet.network.signals import person_erasing
from rabatnet.newsletter.composition import ItemDraft, quarter_bounds, register_source
from rabatnet.newsletter.models import Item

from .initiative_services import end_designations_of
from .models import Contributor, Initiative

# The newsletter has no section of its own for initiatives yet: they go to "other news".
NEWSLETTER_KIND = Item.Kind.OTHER


def initiative_drafts(year: int, quarter: int) -> list[ItemDraft]:
    """One item per initiative the secretariat verified in the quarter (and still verified)."""
    start, end = quarter_bounds(year, quarter)
    verified = (
        Initiative.objects.published()
        .filter(verified_at__gte=start, verified_at__lt=end)
        .select_related("country")
        .order_by("verified_at", "pk")
    )
    drafts = []
    for initiative in verified:
        country = initiative.country
        name_en = getattr(country, "name_en", None) or country.name
        name_fr = getattr(country, "name_fr", None) or country.name
        with translation.override("en"):
            link = reverse("initiatives:detail", kwargs={"pk": initiative.pk}).removeprefix("/en")
        title_en = initiative.title_en or initiative.title_fr or ""
        title_fr = initiative.title_fr or initiative.title_en or ""
        drafts.append(
            ItemDraft(
                kind=NEWSLETTER_KIND,
                source=f"followup.Initiative:{initiative.pk}:verified",
                title_en=f"{name_en}: {title_en}",
                title_fr=f"{name_fr} : {title_fr}",
                body_en=initiative.summary_en or "",
                body_fr=initiative.summary_fr or "",
                link=link,
            )
        )
    return drafts


def personal_data(person: Person) -> list[dict[str, Any]]:
    """The person's designations as a follow-up contributor (country, from, until)."""
    return [
        {
            "country": c.country.iso3,
            "designated_at": c.designated_at.isoformat(),
            "ended_at": c.ended_at.isoformat() if c.ended_at else None,
        }
        for c in Contributor.objects.filter(person=person)
        .select_related("country")
        .order_by("designated_at")
    ]


@receiver(person_erasing, dispatch_uid="followup_contributors_erasure")
def end_designations(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    """An erased person enters for no country any more; the designations stay as records
    (who designated whom, when), the person's name gone with the network's erasure."""
    return {"followup_designations_ended": end_designations_of(person)}


# The public pages, the CSV and the API answers, kept per FOLLOWUP revision (anonymous).
PUBLIC_PAGES.update(
    {
        name: PublicPage((FOLLOWUP, REFERENCE))
        for name in (
            "initiatives:list",
            "initiatives:detail",
            "initiatives:csv",
            "api:list_initiatives",
            "api:get_initiative",
        )
    }
)
register_source(NEWSLETTER_KIND, initiative_drafts)
register_personal_data("followup_contributor_designations", personal_data)
