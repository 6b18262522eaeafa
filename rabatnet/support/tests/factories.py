"""Requests and experts for tests: one function each, real services underneath."""

from datetime import date, datetime
from typing import Any

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.network.tests.factories import expert as expert_user

from ..models import Availability, Expert, SupportKind, SupportRequest
from ..services import request_file


def make_request(
    iso3: str = "SEN",
    *,
    actor: User | None = None,
    at: datetime | None = None,
    objectives: list[Any] | None = None,
    **fields: Any,
) -> SupportRequest:
    """A request filed for ``iso3`` (received), through ``request_file``."""
    values: dict[str, Any] = {
        "title": "Training on data collection",
        "kind": SupportKind.TRAINING_WORKSHOP,
        "needs": "A three-day workshop for statisticians.",
        "beneficiary_institution": "National Statistics Office",
        "languages": ["fr"],
        **fields,
    }
    request = SupportRequest(country=Country.objects.get(iso3=iso3), **values)
    return request_file(request=request, objectives=objectives, actor=actor, at=at)


def make_expert(
    *,
    user: User | None = None,
    available: list[tuple[date, date]] | None = None,
    **fields: Any,
) -> Expert:
    """An expert on the roster (a current ``expert`` appointment), with availability periods."""
    user = user or expert_user()
    values: dict[str, Any] = {
        "kind": Expert.Kind.INTERNATIONAL,
        "kinds": [SupportKind.TRAINING_WORKSHOP],
        "languages": ["en", "fr"],
        **fields,
    }
    profile = Expert.objects.create(person=user.person, **values)
    for starts_on, ends_on in available or []:
        Availability.objects.create(expert=profile, starts_on=starts_on, ends_on=ends_on)
    return profile
