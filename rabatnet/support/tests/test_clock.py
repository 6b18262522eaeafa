"""The clock's time: a country's zone, calendar days, working days across time zones,
weekends (Saturday/Sunday and Friday/Saturday), public holidays and clock changes; and a
request's timeline (a withdrawn request, a reopened one)."""

from datetime import UTC, date
from zoneinfo import ZoneInfo

import pytest

from rabatnet.countries.models import Country

from .. import lifecycle
from ..clock import (
    _day_bounds,
    calendar_days,
    country_zone,
    holiday_calendar_known,
    work_calendar,
    working_days,
)
from ..clock_figures import CALENDAR, WORKING, timeline
from ..models import Stage
from .clock_fixtures import days, filed, utc


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


def test_a_country_zone_is_the_first_of_its_code_in_zone_tab():
    assert country_zone("SN") == ZoneInfo("Africa/Dakar")
    assert country_zone("eg") == ZoneInfo("Africa/Cairo")
    assert country_zone("FR") == ZoneInfo("Europe/Paris")
    assert country_zone("ES") == ZoneInfo("Europe/Madrid")  # not Africa/Ceuta, listed after
    assert country_zone("ZZ") is UTC


@pytest.mark.django_db
def test_a_country_zone_from_the_country_row():
    assert country_zone(Country.objects.get(iso3="SEN")) == ZoneInfo("Africa/Dakar")


def test_calendar_days_are_exact():
    assert calendar_days(utc(2025, 1, 1), utc(2025, 1, 2, 6)) == 1.25
    assert calendar_days(utc(2025, 1, 2), utc(2025, 1, 1)) == -1.0


def test_the_same_instants_in_dakar_and_in_cairo():
    # Thursday 9 January 2025 21:00 UTC → Friday 10 January 21:00 UTC.
    start, end = utc(2025, 1, 9, 21), utc(2025, 1, 10, 21)
    # Dakar (UTC+0, Saturday/Sunday): Thursday 21:00–24:00 = 3/24, Friday 0:00–21:00 = 21/24.
    assert working_days(start, end, "SN") == approx(3 / 24 + 21 / 24)
    # Cairo (UTC+2, Friday/Saturday): Thursday 23:00–24:00 = 1/24; Friday is the weekend.
    assert working_days(start, end, "EG") == approx(1 / 24)
    assert calendar_days(start, end) == 1.0


def test_friday_evening_to_monday_morning_across_the_european_clock_change():
    # Paris: Friday 28 March 2025 17:00 CET (16:00 UTC) → Monday 31 March 09:00 CEST (07:00
    # UTC); Sunday 30 March has 23 hours. Working: Friday 7/24 + Monday 9/24.
    start, end = utc(2025, 3, 28, 16), utc(2025, 3, 31, 7)
    assert working_days(start, end, "FR") == approx(7 / 24 + 9 / 24)
    assert calendar_days(start, end) == approx(63 / 24)  # 64 hours on the wall clock, 63 real
    # Autumn: Friday 24 October 17:00 CEST (15:00 UTC) → Monday 27 October 09:00 CET (08:00
    # UTC), Sunday 26 October has 25 hours: 65 real hours.
    start, end = utc(2025, 10, 24, 15), utc(2025, 10, 27, 8)
    assert working_days(start, end, "FR") == approx(16 / 24)
    assert calendar_days(start, end) == approx(65 / 24)


def test_days_of_23_and_25_hours():
    paris = ZoneInfo("Europe/Paris")
    begins, ends = _day_bounds(date(2025, 3, 30), paris)
    assert (ends - begins).total_seconds() == 23 * 3600
    begins, ends = _day_bounds(date(2025, 10, 26), paris)
    assert (ends - begins).total_seconds() == 25 * 3600


def test_a_working_day_of_25_hours_counts_by_its_real_length():
    # Egypt goes back from +03 to +02 at the end of Thursday 30 October 2025: that working
    # day lasts 25 hours (29 Oct 21:00 UTC → 30 Oct 22:00 UTC). Its first 12 hours: 12/25.
    assert working_days(utc(2025, 10, 29, 21), utc(2025, 10, 30, 9), "EG") == approx(12 / 25)
    assert working_days(utc(2025, 10, 29, 21), utc(2025, 10, 30, 22), "EG") == approx(1.0)


def test_a_friday_saturday_weekend():
    assert work_calendar("EG", [2025]).weekend == frozenset({4, 5})  # the library's weekend
    # Thursday 13 February 2025 18:00 Cairo (16:00 UTC) → Sunday 16 February 09:00 (07:00
    # UTC): Thursday 6/24, Friday and Saturday off, Sunday 9/24.
    start, end = utc(2025, 2, 13, 16), utc(2025, 2, 16, 7)
    assert working_days(start, end, "EG") == approx(6 / 24 + 9 / 24)
    # The same instants in Dakar: Thursday 8/24 + Friday 1, Saturday and Sunday off.
    assert working_days(start, end, "SN") == approx(8 / 24 + 1)


def test_a_public_holiday_is_not_a_working_day():
    # Thursday 3 April 2025 12:00 UTC → Monday 7 April 12:00 UTC. Senegal: Thursday 12/24,
    # Friday 4 April is Independence Day, Monday 12/24 → 1.0.
    start, end = utc(2025, 4, 3, 12), utc(2025, 4, 7, 12)
    assert working_days(start, end, "SN") == approx(1.0)
    # France (+02): Thursday 14:00 → Monday 14:00 = 10/24 + Friday 1 + 14/24 → 2.0.
    assert working_days(start, end, "FR") == approx(2.0)


def test_a_country_the_library_does_not_know():
    assert not holiday_calendar_known("ZZ")
    assert holiday_calendar_known("SN")
    # UTC, Saturday/Sunday, no holidays: Friday 3 January 2025 12:00 → Monday 12:00.
    assert working_days(utc(2025, 1, 3, 12), utc(2025, 1, 6, 12), "ZZ") == approx(1.0)


def test_an_empty_or_reversed_interval_is_no_working_time():
    assert working_days(utc(2025, 1, 6), utc(2025, 1, 6), "SN") == 0.0
    assert working_days(utc(2025, 1, 7), utc(2025, 1, 6), "SN") == 0.0


@pytest.mark.django_db
def test_a_withdrawn_request_counts_for_the_stages_it_reached():
    # Monday 3 February 2025 08:00 UTC, Dakar; acknowledged a day later, withdrawn 2 days
    # after that.
    request = filed(
        "SEN",
        utc(2025, 2, 3, 8),
        (lifecycle.ACKNOWLEDGE, days(1)),
        (lifecycle.WITHDRAW, days(3)),
    )
    line = timeline(request, list(request.events.all()), utc(2026, 1, 1))
    assert line.days_to(Stage.ACKNOWLEDGED, CALENDAR) == 1.0
    assert line.days_to(Stage.DEPLOYED, CALENDAR) is None  # not zero, not infinite
    assert line.stage_time[CALENDAR] == {Stage.RECEIVED: 1.0, Stage.ACKNOWLEDGED: 2.0}
    assert line.stage_time[WORKING] == {Stage.RECEIVED: 1.0, Stage.ACKNOWLEDGED: 2.0}
    assert Stage.WITHDRAWN not in line.stage_time[CALENDAR]  # ended time counts nowhere


@pytest.mark.django_db
def test_a_reopened_request_adds_its_second_visit_and_not_the_time_it_was_ended():
    # Filed Monday 3 February 2025 08:00 UTC (Dakar); acknowledged +1 day; declined +3;
    # reopened +10 (back to acknowledged); declined again +12.
    request = filed(
        "SEN",
        utc(2025, 2, 3, 8),
        (lifecycle.ACKNOWLEDGE, days(1)),
        (lifecycle.DECLINE, days(3)),
        (lifecycle.REOPEN, days(10)),
        (lifecycle.DECLINE, days(12)),
    )
    assert request.stage == Stage.DECLINED
    line = timeline(request, list(request.events.all()), utc(2026, 1, 1))
    # Acknowledged: 2 days (Tue 08:00 → Thu 08:00) + 2 days (Thu 13 → Sat 15 Feb 08:00);
    # the 7 days declined count nowhere.
    assert line.stage_time[CALENDAR] == {Stage.RECEIVED: 1.0, Stage.ACKNOWLEDGED: 4.0}
    # Working: Tue 4 → Thu 6 Feb = 2; Thu 13 08:00 → Sat 15 08:00 = 16/24 + 1 (Friday).
    assert line.stage_time[WORKING][Stage.ACKNOWLEDGED] == approx(2 + 16 / 24 + 1)
    # The first arrival at acknowledged is the one that counts.
    assert line.days_to(Stage.ACKNOWLEDGED, CALENDAR) == 1.0


@pytest.mark.django_db
def test_the_stage_going_on_is_aged_but_not_summed():
    request = filed("SEN", utc(2025, 2, 3, 8), (lifecycle.ACKNOWLEDGE, days(1)))
    line = timeline(request, list(request.events.all()), utc(2025, 2, 7, 8))
    assert Stage.ACKNOWLEDGED not in line.stage_time[CALENDAR]
    assert line.age(CALENDAR) == (3.0, 4.0)  # in the stage since Tuesday, filed Monday
    assert line.age(WORKING) == (approx(3.0), approx(4.0))
