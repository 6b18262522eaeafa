"""Who is on the roster (``expert_selectors.roster``) and the roster's filters."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network.erasure import person_erase
from rabatnet.network.models import Appointment, Role
from rabatnet.network.tests.factories import secretariat
from rabatnet.strategy.models import Theme

from ..expert_selectors import RosterFilters, is_on_roster, roster, roster_filtered
from ..models import SupportKind
from .factories import make_expert

pytestmark = pytest.mark.django_db


def test_roster_holds_experts_with_an_appointment_in_force():
    on = make_expert()
    ended = make_expert()
    Appointment.objects.filter(person=ended.person).update(ends_on=timezone.localdate())
    assert list(roster()) == [on]
    assert is_on_roster(on) and not is_on_roster(ended)
    # On a day before the appointment ended, the other was on the roster too.
    assert set(roster(timezone.localdate() - timedelta(days=1))) == {on, ended}


def test_roster_leaves_out_erased_people_and_other_roles():
    kept = make_expert()
    erased = make_expert()
    person_erase(person=erased.person, actor=secretariat())
    staff = secretariat()
    Appointment.objects.filter(person=staff.person).update(role=Role.SECRETARIAT)
    make_expert(user=staff)  # a profile, but no expert appointment
    assert list(roster()) == [kept]


def test_roster_filters():
    senegal = Country.objects.get(iso3="SEN")
    mali = Country.objects.get(iso3="MLI")
    theme = Theme.objects.all()[0]
    first = make_expert(
        languages=["pt"],
        kinds=[SupportKind.GUIDELINES],
        nationality=senegal,
        summary="Border data",
        available=[(date(2030, 1, 1), date(2030, 1, 31))],
    )
    first.countries_of_experience.add(mali)
    first.themes.add(theme)
    second = make_expert(languages=["en"], kinds=[SupportKind.TRAINING_WORKSHOP])
    assert list(roster_filtered(RosterFilters(language="pt"))) == [first]
    assert list(roster_filtered(RosterFilters(kind=SupportKind.TRAINING_WORKSHOP))) == [second]
    assert list(roster_filtered(RosterFilters(experience=mali))) == [first]
    assert list(roster_filtered(RosterFilters(nationality=senegal))) == [first]
    assert list(roster_filtered(RosterFilters(theme=theme))) == [first]
    assert list(roster_filtered(RosterFilters(text="border"))) == [first]
    window = RosterFilters(available_from=date(2030, 1, 5), available_until=date(2030, 1, 9))
    assert list(roster_filtered(window)) == [first]
    late = RosterFilters(available_from=date(2030, 1, 25), available_until=date(2030, 2, 5))
    assert list(roster_filtered(late)) == []
    assert list(roster_filtered(RosterFilters(available_from=date(2030, 1, 31)))) == [first]
    assert set(roster_filtered(RosterFilters())) == {first, second}
