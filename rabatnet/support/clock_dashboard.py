"""The secretariat's dashboard: every open request's age in its current stage and since it
was filed (calendar and working days), flagged when over a target, most urgent first.

Targets (settings): acknowledged within ``SUPPORT_ACKNOWLEDGE_WORKING_DAYS`` working days
of the request, deployed within ``SUPPORT_DEPLOY_DAYS`` calendar days of it. Urgency: the
requests flagged on more targets first, then by how far along they are towards (or past)
the targets they have not reached (age ÷ limit, the largest), then the oldest.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm
from rabatnet.countries.models import Country

from .clock_figures import CALENDAR, WORKING, WORKING_STAGES, Timeline, timelines, with_events
from .models import Stage, SupportRequest


@dataclass(frozen=True)
class Flag:
    stage: str
    limit: int
    unit: str
    age: float

    @property
    def label(self) -> str:
        return str(Stage(self.stage).label)


@dataclass(frozen=True)
class Row:
    line: Timeline
    in_stage: tuple[float, float]  # calendar, working days in the current stage
    since_filed: tuple[float, float]  # calendar, working days since the request
    flags: list[Flag]
    urgency: float  # largest age ÷ limit over the targets not reached yet

    @property
    def request(self) -> SupportRequest:
        return self.line.request


def row(line: Timeline) -> Row:
    cal_stage, cal_filed = line.age(CALENDAR)
    work_stage, work_filed = line.age(WORKING)
    flags: list[Flag] = []
    ratios = [0.0]
    for stage, limit, unit, age in (
        (Stage.ACKNOWLEDGED, settings.SUPPORT_ACKNOWLEDGE_WORKING_DAYS, WORKING, work_filed),
        (Stage.DEPLOYED, settings.SUPPORT_DEPLOY_DAYS, CALENDAR, cal_filed),
    ):
        if stage in line.reached:
            continue
        ratios.append(age / limit if limit else age)
        if age > limit:
            flags.append(Flag(stage, limit, unit, age))
    return Row(line, (cal_stage, work_stage), (cal_filed, work_filed), flags, max(ratios))


class DashboardFilter(SiteForm):
    """Which open requests to show: a stage, a country (both optional)."""

    stage = forms.ChoiceField(label=_("Stage"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everyone = [("", _("all"))]
        stage = cast(forms.ChoiceField, self.fields["stage"])
        stage.choices = everyone + [(s.value, s.label) for s in WORKING_STAGES]
        countries = (
            Country.objects.filter(support_requests__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("iso3", "name")
        )
        country = cast(forms.ChoiceField, self.fields["country"])
        country.choices = everyone + list(countries)


def rows(now: datetime, stage: str = "", iso3: str = "") -> list[Row]:
    """The open requests (public or not), filtered, most urgent first."""
    requests = SupportRequest.objects.open()
    if stage:
        requests = requests.filter(stage=stage)
    if iso3:
        requests = requests.filter(country__iso3=iso3)
    found = [row(line) for line in timelines(with_events(requests), now)]
    return sorted(found, key=lambda r: (-len(r.flags), -r.urgency, -r.since_filed[0]))
