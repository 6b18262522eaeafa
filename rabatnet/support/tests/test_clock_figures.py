"""The public figures against a hand-computed fixture: medians and 90th percentiles (linear
interpolation between closest ranks, inclusive), per year of filing, per stage, targets,
counts; requests not marked public are not counted."""

import pytest

from rabatnet.strategy.models import Theme

from .. import lifecycle as lc
from ..clock_figures import CALENDAR, WORKING, percentile, public_figures
from ..models import SupportKind
from .clock_fixtures import days, filed, utc

pytestmark = pytest.mark.django_db

SECRET = {
    "title": "SECRET-TITLE-7Q",
    "needs": "CONFIDENTIAL-NEEDS-7Q",
    "beneficiary_institution": "HIDDEN-INSTITUTION-7Q",
}
MONDAY = utc(2025, 2, 3, 8)  # Monday 3 February 2025 08:00 UTC = 08:00 in Dakar and Bamako


def test_percentile_method():
    assert percentile([], 0.5) is None
    assert percentile([7.0], 0.9) == 7.0  # n = 1: the value
    # Sorted 1, 2, 3, 4: median rank (4−1)·0.5 = 1.5 → 2 + 0.5·(3−2) = 2.5;
    # P90 rank 3·0.9 = 2.7 → 3 + 0.7·(4−3) = 3.7.
    assert percentile([4.0, 1.0, 3.0, 2.0], 0.5) == 2.5
    assert percentile([4.0, 1.0, 3.0, 2.0], 0.9) == pytest.approx(3.7)


def make_fixture() -> None:
    """Five public requests of 2025 in Senegal (R1–R5), one of 2024 in Mali (R6), one of
    2025 not public (R7). All Dakar/Bamako time (UTC), Saturday/Sunday weekend, no public
    holiday in February 2025 (Senegal) or on 3–4 June 2024 (Mali)."""
    theme = Theme.objects.get(slug="border-management")
    # R1 goes all the way to reported (its stay there goes on).
    filed(
        "SEN",
        MONDAY,
        (lc.ACKNOWLEDGE, days(0.5)),  # Mon 20:00
        (lc.SCOPE, days(5)),  # Sat 8 Feb 08:00
        (lc.MATCH, days(10)),  # Thu 13 Feb
        (lc.APPROVE, days(15)),  # Tue 18 Feb
        (lc.DEPLOY, days(20)),  # Sun 23 Feb
        (lc.REPORT, days(25)),  # Fri 28 Feb
        theme=theme,
        **SECRET,
    )
    filed("SEN", MONDAY, (lc.ACKNOWLEDGE, days(1)), **SECRET)  # R2: Tue 08:00
    filed("SEN", MONDAY, (lc.ACKNOWLEDGE, days(3)), **SECRET)  # R3: Thu 08:00
    filed("SEN", MONDAY, (lc.ACKNOWLEDGE, days(10)), **SECRET)  # R4: Thu 13 Feb 08:00
    # R5: withdrawn from received after 2 days (Wed 08:00): counted for received only.
    filed("SEN", MONDAY, (lc.WITHDRAW, days(2)), kind=SupportKind.GUIDELINES, **SECRET)
    filed("MLI", utc(2024, 6, 3, 8), (lc.ACKNOWLEDGE, days(1)), **SECRET)  # R6
    filed("SEN", MONDAY, (lc.ACKNOWLEDGE, days(100)), public=False, **SECRET)  # R7


def _by_key(figures, unit):
    return {f.key: f for f in figures if f.unit == unit}


def test_figures_per_year_against_the_hand_computed_fixture():
    make_fixture()
    figures = public_figures(utc(2026, 1, 1))
    assert figures.total == 6  # R7 is not public
    assert [(y.year, y.count) for y in figures.years] == [(2024, 1), (2025, 5)]
    y2024, y2025 = figures.years

    to = _by_key(y2025.milestones, CALENDAR)
    # Acknowledged, calendar days: R1 0.5, R2 1, R3 3, R4 10 (R5 never: left out), n = 4.
    # Median: rank 3·0.5 = 1.5 → 1 + 0.5·(3 − 1) = 2.0. P90: rank 2.7 → 3 + 0.7·(10 − 3) = 7.9.
    assert (to["acknowledged"].n, to["acknowledged"].median, to["acknowledged"].p90) == (
        4,
        2.0,
        7.9,
    )
    # Deployed: R1 only, 20 days (n = 1: the value); reported: R1, 25 days.
    assert (to["deployed"].n, to["deployed"].median, to["deployed"].p90) == (1, 20.0, 20.0)
    assert (to["reported"].n, to["reported"].median) == (1, 25.0)

    to_w = _by_key(y2025.milestones, WORKING)
    # Working days: R1 Mon 08→20 = 0.5; R2 1; R3 3; R4 Mon 16/24 + 7 days + Thu 8/24 = 8.
    # Median 1 + 0.5·(3 − 1) = 2.0; P90 3 + 0.7·(8 − 3) = 6.5.
    assert (to_w["acknowledged"].median, to_w["acknowledged"].p90) == (2.0, 6.5)
    # R1 deployed Sun 23 Feb 08:00: Mon 3 16/24 + 4 + 5 + 5 = 14.666… → 14.67.
    assert to_w["deployed"].median == 14.67
    # R1 reported Fri 28 Feb 08:00: 14 + 16/24 + 4 (24–27 Feb) + 8/24 = 19.0.
    assert to_w["reported"].median == 19.0

    stay = _by_key(y2025.stages, CALENDAR)
    # Received, all five left it: 0.5, 1, 3, 10 and R5's 2 → sorted 0.5 1 2 3 10.
    # Median rank 2 → 2.0; P90 rank 4·0.9 = 3.6 → 3 + 0.6·(10 − 3) = 7.2.
    assert (stay["received"].n, stay["received"].median, stay["received"].p90) == (5, 2.0, 7.2)
    # Acknowledged: only R1 left it (R2–R4 still there): Mon 20:00 → Sat 08:00 = 4.5 days.
    assert (stay["acknowledged"].n, stay["acknowledged"].median) == (1, 4.5)
    for stage in ("scoped", "matched", "approved", "deployed"):
        assert (stay[stage].n, stay[stage].median) == (1, 5.0), stage
    # R1 is still in reported; nobody got further.
    assert (stay["reported"].n, stay["reported"].median, stay["reported"].p90) == (0, None, None)
    assert stay["evaluated"].n == 0

    stay_w = _by_key(y2025.stages, WORKING)
    # Received, working: 0.5, 1, 3, 8, 2 → sorted 0.5 1 2 3 8: median 2.0; P90 3 + 0.6·5 = 6.0.
    assert (stay_w["received"].median, stay_w["received"].p90) == (2.0, 6.0)
    # R1: acknowledged Mon 4/24 + Tue–Fri 4 = 4.17; scoped Mon–Wed 3 + Thu 8/24 = 3.33;
    # matched Thu 16/24 + Fri + Mon + Tue 8/24 = 3.0; approved Tue 16/24 + 3 = 3.67;
    # deployed Mon–Thu 4 + Fri 8/24 = 4.33.
    assert [stay_w[s].median for s in ("acknowledged", "scoped", "matched")] == [4.17, 3.33, 3.0]
    assert [stay_w[s].median for s in ("approved", "deployed")] == [3.67, 4.33]

    # 2024: R6 (Mali) acknowledged a day later (Monday → Tuesday): n = 1, the value.
    ack = _by_key(y2024.milestones, WORKING)["acknowledged"]
    assert (ack.n, ack.median, ack.p90) == (1, 1.0, 1.0)


def test_targets_and_counts():
    make_fixture()
    figures = public_figures(utc(2026, 1, 1))
    ack, deploy = figures.targets
    # Acknowledge within 2 working days: R1 0.5, R2 1, R6 1 met; R3 3, R4 8 missed; R5
    # withdrawn before: not counted. Share 3/5.
    assert (ack.limit, ack.met, ack.missed, ack.share) == (2, 3, 2, 0.6)
    # Deploy within 30 calendar days: R1 (20) met; R2, R3, R4, R6 still open, long past.
    assert (deploy.limit, deploy.met, deploy.missed, deploy.share) == (30, 1, 4, 0.2)
    assert {c.key: c.count for c in figures.by_country} == {"SEN": 5, "MLI": 1}
    assert {c.key: c.count for c in figures.by_kind} == {
        "training_workshop": 5,
        "guidelines": 1,
    }
    assert {c.key: c.count for c in figures.by_theme} == {"border-management": 1, "": 5}
    assert figures.unknown_calendars == []
    assert figures.example is False


def test_an_open_request_within_its_target_is_not_counted_yet():
    filed("SEN", MONDAY)
    ack, deploy = public_figures(utc(2025, 2, 4, 8)).targets  # a working day later
    assert (ack.met, ack.missed, deploy.met, deploy.missed) == (0, 0, 0, 0)
    ack, deploy = public_figures(utc(2025, 2, 6, 8)).targets  # three working days later
    assert (ack.met, ack.missed, deploy.missed) == (0, 1, 0)


def test_no_request_no_figure():
    figures = public_figures(utc(2026, 1, 1))
    assert figures.total == 0 and figures.years == [] and figures.year_span is None
    assert all(t.share is None for t in figures.targets)
