"""Cycles to test in: an open one on the Dakar Strategy, an earlier one, and helpers."""

from datetime import timedelta

from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.followup import cycle_services as services
from rabatnet.followup.models import Assessment, Contributor, Cycle
from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f
from rabatnet.strategy.models import Framework, Objective


def dakar() -> Framework:
    return Framework.objects.get(slug="dakar-strategy")


def make_cycle(slug: str = "2026-round", *, days_left: int = 20, opened: int = 10) -> Cycle:
    today = timezone.localdate()
    return services.cycle_create(
        framework=dakar(),
        slug=slug,
        title_en=f"Round {slug}",
        title_fr=f"Cycle {slug}",
        opens_on=today - timedelta(days=opened),
        deadline=today + timedelta(days=days_left),
    )


def objectives() -> list[Objective]:
    return list(Objective.objects.filter(framework=dakar()).order_by("number"))


def fill(cycle: Cycle, iso3: str, user: User, *, status: str = "in_progress") -> list[Assessment]:
    """Every objective given a status by ``user`` for ``iso3``."""
    country = Country.objects.get(iso3=iso3)
    return [
        services.assessment_save(
            cycle=cycle,
            country=country,
            objective=o,
            self_status=status,
            narrative=f"Done on {o.number}",
            expected_version=None,
            actor=user,
        )
        for o in objectives()
    ]


def report(cycle: Cycle, iso3: str, user: User) -> list[Assessment]:
    """Fill and submit."""
    fill(cycle, iso3, user)
    country = Country.objects.get(iso3=iso3)
    return services.country_submit(cycle=cycle, country=country, actor=user)


def contributor(iso3: str = "SEN") -> User:
    """A person designated to contribute for ``iso3`` (with no appointment of their own)."""
    person = f.PersonFactory.create()
    Contributor.objects.create(country=Country.objects.get(iso3=iso3), person=person)
    assert person.user is not None
    return person.user


def person_of(user: User) -> Person:
    return Person.objects.get(user=user)
