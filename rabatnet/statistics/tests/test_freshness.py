"""Freshness as HDX computes it: the state changes exactly on the published ages."""

from datetime import date, timedelta

import pytest

from rabatnet.statistics.freshness import Freshness, ages, freshness, next_update_due
from rabatnet.statistics.models import Dataset

RELEASED = date(2024, 2, 28)  # a leap year: ages are counted in days, not months

# Frequency -> (due, overdue, delinquent): HDX's published table, then the longer
# frequencies extended with a grace of 60 days.
EXPECTED = {
    1: (1, 2, 3),
    7: (7, 14, 21),
    14: (14, 21, 28),
    30: (30, 44, 60),
    90: (90, 120, 150),
    180: (180, 210, 240),
    365: (365, 425, 455),
    730: (730, 790, 850),
    1826: (1826, 1886, 1946),
}


def at_age(frequency: int, age: int) -> Freshness:
    return freshness(RELEASED, frequency, RELEASED + timedelta(days=age))


@pytest.mark.parametrize(("frequency", "limits"), EXPECTED.items())
def test_ages_follow_the_hdx_table(frequency, limits):
    assert tuple(vars(ages(frequency)).values()) == limits


@pytest.mark.parametrize(("frequency", "limits"), EXPECTED.items())
def test_each_state_starts_exactly_on_its_age(frequency, limits):
    due, overdue, delinquent = limits

    assert at_age(frequency, 0) is Freshness.UP_TO_DATE
    assert at_age(frequency, due - 1) is Freshness.UP_TO_DATE
    assert at_age(frequency, due) is Freshness.DUE
    assert at_age(frequency, overdue - 1) is Freshness.DUE
    assert at_age(frequency, overdue) is Freshness.OVERDUE
    assert at_age(frequency, delinquent - 1) is Freshness.OVERDUE
    assert at_age(frequency, delinquent) is Freshness.DELINQUENT
    assert at_age(frequency, delinquent + 3650) is Freshness.DELINQUENT


def test_every_frequency_a_dataset_may_have_is_in_the_table():
    assert set(Dataset.Frequency.values) <= set(EXPECTED)


def test_a_release_in_the_future_is_up_to_date():
    assert at_age(30, -10) is Freshness.UP_TO_DATE


def test_a_frequency_hdx_does_not_list_takes_the_grace_of_the_next_one_up():
    # Every two months: the grace of "every three months" (30 then 60 days).
    assert tuple(vars(ages(60)).values()) == (60, 90, 120)


@pytest.mark.parametrize("frequency", [0, -1])
def test_a_frequency_below_one_day_is_refused(frequency):
    with pytest.raises(ValueError, match="at least one day"):
        ages(frequency)


def test_next_update_due_is_the_day_the_dataset_becomes_due():
    assert next_update_due(date(2025, 1, 15), 1826) == date(2030, 1, 15)
    assert next_update_due(RELEASED, 365) == date(2025, 2, 27)
    assert at_age(365, (date(2025, 2, 27) - RELEASED).days) is Freshness.DUE


def test_only_overdue_and_delinquent_are_late():
    assert [f for f in Freshness if f.late] == [Freshness.OVERDUE, Freshness.DELINQUENT]


def test_states_have_labels():
    assert [f.label for f in Freshness] == ["up to date", "due", "overdue", "delinquent"]
