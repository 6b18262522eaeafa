"""Issues, items and subscribers for the newsletter's tests."""

from typing import Any

from django.utils import timezone

from rabatnet.newsletter.models import Issue, Item, Subscriber


def draft_issue(year: int = 2026, quarter: int = 1, **fields: Any) -> Issue:
    """A draft with an editorial and one item, both in English and French."""
    issue = Issue.objects.create(
        year=year,
        quarter=quarter,
        title_en=fields.pop("title_en", f"Review {year} Q{quarter}"),
        title_fr=fields.pop("title_fr", f"Revue {year} T{quarter}"),
        editorial_en="The **editorial**.",
        editorial_fr="L'**éditorial**.",
        **fields,
    )
    Item.objects.create(
        issue=issue,
        kind=Item.Kind.GUIDE,
        title_en="Senegal: the guide published",
        title_fr="Sénégal : le guide publié",
        body_en="Edition 1 is public.",
        body_fr="L'édition 1 est publique.",
        link="/countries/SEN/guide/",
    )
    return issue


def sent_issue(year: int = 2026, quarter: int = 1, **fields: Any) -> Issue:
    issue = draft_issue(year, quarter, **fields)
    issue.status = Issue.Status.SENT
    issue.sent_at = timezone.now()
    issue.save()
    return issue


def subscriber(
    email: str = "reader@example.org", language: str = "en", **fields: object
) -> Subscriber:
    """An active (confirmed) subscriber unless ``status`` says otherwise."""
    fields.setdefault("status", Subscriber.Status.ACTIVE)
    fields.setdefault("confirmed_at", timezone.now())
    return Subscriber.objects.create(email=email, language=language, **fields)
