"""Follow-up data for the matrix, report, diff and progress tests, written with the ORM."""

from datetime import date

from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.followup.models import Assessment, Cycle, Initiative
from rabatnet.strategy.models import Framework, Objective


def dakar() -> Framework:
    return Framework.objects.get(slug="dakar-strategy")


def make_cycle(slug: str = "cycle-2025", opens_on: date = date(2025, 1, 15), **kw) -> Cycle:
    defaults = {
        "title_en": f"Cycle {slug}",
        "title_fr": f"Cycle {slug} (fr)",
        "opens_on": opens_on,
        "deadline": opens_on.replace(month=6),
    }
    defaults.update(kw)
    return Cycle.objects.create(framework=dakar(), slug=slug, **defaults)


def assess(
    cycle: Cycle,
    iso3: str,
    number: int,
    self_status: str = "in_progress",
    verified_status: str = "",
    state: str = "verified",
    narrative: str = "",
    note: str = "",
    **kw,
) -> Assessment:
    verified = state == "verified"
    return Assessment.objects.create(
        cycle=cycle,
        country=Country.objects.get(iso3=iso3),
        objective=Objective.objects.get(framework=cycle.framework, number=number),
        self_status=self_status,
        verified_status=(verified_status or self_status) if verified else verified_status,
        review_state=state,
        narrative=narrative,
        verification_note=note,
        verified_at=timezone.now() if verified else None,
        **kw,
    )


def initiative(
    iso3: str, numbers: list[int], state: str = "verified", title: str = "An initiative", **kw
) -> Initiative:
    item = Initiative(
        country=Country.objects.get(iso3=iso3),
        kind=Initiative.Kind.PROJECT,
        title_en=title,
        review_state=state,
        **kw,
    )
    item.save()
    item.objectives.set(Objective.objects.filter(framework=dakar(), number__in=numbers))
    return item
