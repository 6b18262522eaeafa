"""The demo issue of the Rabat Review: a past quarter, composed from the demo data.

Example content, marked so; sent without a single mail (no delivery is recorded).
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from rabatnet.core import revisions

from . import services
from .composition import ItemDraft, compose, quarter_bounds
from .models import Issue, Item

EDITORIAL_EN = (
    "Welcome to this example issue of the Rabat Review. Each quarter it gathers what the "
    "network recorded: country guides endorsed and published, data updated, meetings held "
    "and exchanges in the thematic forums.\n\n"
    "*This issue was written to demonstrate the platform: its content is an example.*"
)
EDITORIAL_FR = (
    "Bienvenue dans ce numéro d'exemple de la Revue de Rabat. Chaque trimestre, elle "
    "rassemble ce que le réseau a consigné : guides de pays approuvés et publiés, données "
    "mises à jour, réunions tenues et échanges dans les forums thématiques.\n\n"
    "*Ce numéro a été rédigé pour montrer la plateforme : son contenu est un exemple.*"
)
OTHER_NEWS = ItemDraft(
    kind=Item.Kind.OTHER,
    source="demo:welcome",
    title_en="The network's private area is open",
    title_fr="L'espace privé du réseau est ouvert",
    body_en="Focal points find the directory and the thematic forums in their private area.",
    body_fr=(
        "Les points focaux trouvent l'annuaire et les forums thématiques dans leur espace privé."
    ),
    link="/private/",
)


def previous_quarter(today: date) -> tuple[int, int]:
    quarter = (today.month - 1) // 3 + 1
    return (today.year - 1, 4) if quarter == 1 else (today.year, quarter - 1)


def demo_quarter(today: date) -> tuple[int, int]:
    """The latest past quarter (of the last eight) with recorded activity, else the last."""
    year, quarter = previous_quarter(today)
    for _ in range(8):
        if compose(year, quarter):
            return year, quarter
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return previous_quarter(today)


@transaction.atomic
def load_demo_issue(today: date | None = None) -> tuple[Issue, bool]:
    """The demo issue (created once: an example issue already there is left as it is)."""
    existing = Issue.objects.filter(is_example=True).first()
    if existing is not None:
        return existing, False
    year, quarter = demo_quarter(today or timezone.localdate())
    if Issue.objects.filter(year=year, quarter=quarter).exists():
        return Issue.objects.get(year=year, quarter=quarter), False
    issue = services.issue_start(year=year, quarter=quarter, actor=None, is_example=True)
    services.item_add(issue=issue, draft=OTHER_NEWS)
    issue.title_en = f"The Rabat Review, {year} Q{quarter} (example)"
    issue.title_fr = f"La Revue de Rabat, {year} T{quarter} (exemple)"
    issue.editorial_en = EDITORIAL_EN
    issue.editorial_fr = EDITORIAL_FR
    issue.status = Issue.Status.SENT
    issue.sent_at = quarter_bounds(year, quarter)[1] + timedelta(days=7)
    issue.save()
    revisions.bump(revisions.NEWSLETTER)
    return issue, True
