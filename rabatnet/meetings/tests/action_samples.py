"""Meetings, conclusions and actions for the tests of follow-up actions (made with the ORM:
the meeting pages are another helper's)."""

from datetime import UTC, date, datetime

from rabatnet.countries.models import Country
from rabatnet.meetings.models import Conclusion, FollowUpAction, Meeting
from rabatnet.strategy.models import Objective


def meeting(
    slug: str, *, year: int = 2013, month: int = 9, kind: str = "thematic", published: bool = True
) -> Meeting:
    start = datetime(year, month, 11, 8, tzinfo=UTC)
    return Meeting.objects.create(
        slug=slug,
        kind=kind,
        title_en=f"Meeting {slug}",
        title_fr=f"Réunion {slug}",
        published=published,
        starts_at=start,
        ends_at=start.replace(hour=17),
        timezone="Africa/Dakar",
    )


def conclusion(of: Meeting, number: int = 1) -> Conclusion:
    return Conclusion.objects.create(
        meeting=of,
        number=number,
        text_en=f"Conclusion {number}",
        text_fr=f"Conclusion {number} (fr)",
    )


def action(
    of: Meeting,
    title: str = "Share migration data",
    *,
    iso3: str | None = "SEN",
    status: str = FollowUpAction.Status.OPEN,
    deadline: date | None = date(2014, 3, 1),
    objective: int | None = 10,
) -> FollowUpAction:
    return FollowUpAction.objects.create(
        meeting=of,
        conclusion=of.conclusions.first(),
        title_en=title,
        title_fr=f"{title} (fr)",
        owner_country=Country.objects.get(iso3=iso3) if iso3 else None,
        deadline=deadline,
        objective=Objective.objects.get(framework__slug="dakar-strategy", number=objective)
        if objective
        else None,
        status=status,
    )


def action_samples() -> dict[str, dict[str, object]]:
    """Sample URL arguments of the follow-up actions' and the framework pages (URL walk)."""
    walked = meeting("walk-actions-meeting")
    conclusion(walked)
    one = action(walked)
    slug: dict[str, object] = {"slug": walked.slug}
    return {
        "actions:meeting": slug,
        "actions:create": slug,
        "actions:edit": {**slug, "pk": one.pk},
        "actions:progress": {**slug, "pk": one.pk},
        "frameworks:detail": {"slug": "dakar-strategy"},
    }
