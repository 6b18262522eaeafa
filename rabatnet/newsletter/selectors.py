"""Reads of the newsletter for its pages."""

from django.db.models import Count, Q, QuerySet

from rabatnet.forums.models import Post, PostStatus

from .composition import quarter_bounds
from .models import Delivery, Issue, Item, Subscriber


def sent_issues() -> QuerySet[Issue]:
    """The public archive: sent issues, newest first."""
    return Issue.objects.filter(status=Issue.Status.SENT).order_by("-year", "-quarter")


def all_issues() -> QuerySet[Issue]:
    return Issue.objects.annotate(item_count=Count("items")).order_by("-year", "-quarter")


def issue_items(issue: Issue) -> list[Item]:
    return list(issue.items.order_by("kind", "position", "pk"))


def delivery_progress(issue: Issue) -> dict[str, int]:
    """How many deliveries of the issue are in each status (and in all)."""
    counts = dict(
        issue.deliveries.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    progress = {status: counts.get(status, 0) for status in Delivery.Status.values}
    progress["total"] = sum(counts.values())
    return progress


def active_subscriber_count() -> int:
    return Subscriber.objects.filter(status=Subscriber.Status.ACTIVE).count()


def highlight_candidates(issue: Issue) -> list[Post]:
    """Posts of the quarter the public may read about: visible, in a thematic forum (never
    a country forum's, whose exchanges are the country's), not hidden anywhere."""
    start, end = quarter_bounds(issue.year, issue.quarter)
    picked = set(
        issue.items.filter(source__startswith="forums.Post:").values_list("source", flat=True)
    )
    posts = (
        Post.objects.filter(
            status=PostStatus.PUBLISHED,
            is_hidden=False,
            thread__is_hidden=False,
            thread__forum__country__isnull=True,
            published_at__gte=start,
            published_at__lt=end,
        )
        .select_related("thread__forum", "author")
        .order_by("-published_at")[:200]
    )
    return [p for p in posts if f"forums.Post:{p.pk}" not in picked]


def highlight_candidate(issue: Issue, pk: int) -> Post | None:
    return next((p for p in highlight_candidates(issue) if p.pk == pk), None)


def subscriber_of(person_pk: int) -> Subscriber | None:
    return Subscriber.objects.filter(Q(person_id=person_pk)).first()
