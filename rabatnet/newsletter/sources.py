"""The sources this app registers for drafting an issue: guides and datasets.

Each reads what the quarter recorded: an edition endorsed or published (guides), a
dataset imported or retrieved (statistics). Registered from ``receivers.py`` at start-up.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from rabatnet.guides.models import Edition
from rabatnet.statistics.models import Dataset

from .composition import ItemDraft, quarter_bounds, quarter_dates, register_source
from .models import Item


def _guide_link(iso3: str, language: str) -> str:
    with translation.override("en"):
        return reverse("guides:detail", kwargs={"iso3": iso3}).removeprefix("/en") + (
            f"?lang={language}"
        )


def guide_drafts(year: int, quarter: int) -> list[ItemDraft]:
    """One item per edition endorsed, and one per edition published, in the quarter."""
    start, end = quarter_bounds(year, quarter)
    editions = (
        Edition.objects.filter(
            Q(decided_at__gte=start, decided_at__lt=end, status__in=["endorsed", "published"])
            | Q(published_at__gte=start, published_at__lt=end)
        )
        .select_related("guide__country")
        .order_by("guide__country__iso3", "guide__language", "number")
    )
    drafts = []
    for edition in editions:
        country = edition.guide.country
        name_en = getattr(country, "name_en", None) or country.name
        name_fr = getattr(country, "name_fr", None) or country.name
        link = _guide_link(country.iso3, edition.guide.language)
        if edition.decided_at and start <= edition.decided_at < end:
            drafts.append(
                ItemDraft(
                    kind=Item.Kind.GUIDE,
                    source=f"guides.Edition:{edition.pk}:endorsed",
                    title_en=f"{name_en}: the user's guide endorsed",
                    title_fr=f"{name_fr} : le guide de l'utilisateur approuvé",
                    body_en=f"Edition {edition.number} of the guide was endorsed.",
                    body_fr=f"L'édition {edition.number} du guide a été approuvée.",
                    link=link,
                )
            )
        if edition.published_at and start <= edition.published_at < end:
            drafts.append(
                ItemDraft(
                    kind=Item.Kind.GUIDE,
                    source=f"guides.Edition:{edition.pk}:published",
                    title_en=f"{name_en}: the user's guide published",
                    title_fr=f"{name_fr} : le guide de l'utilisateur publié",
                    body_en=f"Edition {edition.number} of the guide is public.",
                    body_fr=f"L'édition {edition.number} du guide est publique.",
                    link=link,
                )
            )
    return drafts


def dataset_drafts(year: int, quarter: int) -> list[ItemDraft]:
    """One item per dataset imported or retrieved in the quarter."""
    start, end = quarter_bounds(year, quarter)
    first_day, next_day = quarter_dates(year, quarter)
    datasets = Dataset.objects.filter(
        Q(imported_at__gte=start, imported_at__lt=end)
        | Q(retrieved_on__gte=first_day, retrieved_on__lt=next_day)
    ).order_by("title")
    drafts = []
    for dataset in datasets:
        with translation.override("en"):
            link = reverse("statistics:dataset", kwargs={"slug": dataset.slug})
        drafts.append(
            ItemDraft(
                kind=Item.Kind.DATASET,
                source=f"statistics.Dataset:{dataset.pk}:{dataset.revision}"[:100],
                title_en=f"Data updated: {dataset.title}",
                title_fr=f"Données mises à jour : {dataset.title}",
                body_en=f"Revision {dataset.revision}, retrieved on {dataset.retrieved_on}.",
                body_fr=f"Révision {dataset.revision}, récupérée le {dataset.retrieved_on}.",
                link=link.removeprefix("/en"),
            )
        )
    return drafts


def register() -> None:
    register_source(Item.Kind.GUIDE, guide_drafts)
    register_source(Item.Kind.DATASET, dataset_drafts)
