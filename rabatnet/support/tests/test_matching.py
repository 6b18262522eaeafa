"""The matching: hard filters, the score's factors, the order, and a property test that no
proposed expert is unavailable on a requested day or conflicted, on any roster."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rabatnet.core.tests.narrowing import present
from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment
from rabatnet.strategy.models import Objective, Theme

from ..matching import (
    ExpertFacts,
    RequestFacts,
    covers,
    rank,
    rank_experts,
    requested_dates,
    sort_key,
)
from ..models import Appraisal, Proposal, SupportKind, SupportRequest
from .factories import make_expert, make_request

D = date(2026, 5, 1)


def test_covers_joins_periods_both_days_included():
    assert covers(
        [(D, D + timedelta(2)), (D + timedelta(3), D + timedelta(5))], (D, D + timedelta(5))
    )
    assert not covers(
        [(D, D + timedelta(2)), (D + timedelta(4), D + timedelta(5))], (D, D + timedelta(5))
    )
    assert covers([(D - timedelta(9), D + timedelta(30))], (D, D))
    assert not covers([], (D, D))


def test_requested_dates_from_duration_or_end():
    request = SupportRequest(preferred_start=D, duration_days=3)
    assert requested_dates(request) == (D, D + timedelta(2))
    request.preferred_end = D + timedelta(9)
    assert requested_dates(request) == (D, D + timedelta(9))
    assert requested_dates(SupportRequest()) is None


# --- The property test, on plain facts -------------------------------------------------------

COUNTRIES = [1, 2, 3]
LANGS = ["en", "fr", "pt", "ar", "es"]
KINDS = [k.value for k in SupportKind]
days = st.integers(min_value=0, max_value=40).map(lambda n: D + timedelta(n))


@st.composite
def periods(draw):
    out = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(days)
        out.append((start, start + timedelta(draw(st.integers(0, 15)))))
    return tuple(out)


@st.composite
def experts(draw, pk):
    return ExpertFacts(
        pk=pk,
        name=draw(st.sampled_from(["Ada", "ada", "Bea", "Cy"])),
        on_roster=draw(st.booleans()),
        nationality_id=draw(st.sampled_from([None, *COUNTRIES])),
        local_expertise=draw(st.booleans()),
        kinds=frozenset(draw(st.lists(st.sampled_from(KINDS), max_size=3))),
        languages=frozenset(draw(st.lists(st.sampled_from(LANGS), max_size=3))),
        objective_ids=frozenset(draw(st.lists(st.integers(1, 4), max_size=3))),
        theme_ids=frozenset(draw(st.lists(st.integers(1, 3), max_size=2))),
        experience_ids=frozenset(draw(st.lists(st.sampled_from(COUNTRIES), max_size=2))),
        experience_regions=frozenset(draw(st.lists(st.sampled_from(["W", "N"]), max_size=1))),
        periods=draw(periods()),
        proposed_status=draw(st.sampled_from(["", "", "proposed", "declined"])),
        accepted_open=draw(st.integers(0, 3)),
        recent_missions=draw(st.integers(0, 3)),
        appraisal_average=draw(st.sampled_from([None, Decimal("2.5"), Decimal(5)])),
    )


@st.composite
def requests(draw):
    start = draw(st.one_of(st.none(), days))
    dates = None if start is None else (start, start + timedelta(draw(st.integers(0, 10))))
    return RequestFacts(
        pk=1,
        country_id=draw(st.sampled_from(COUNTRIES)),
        region=draw(st.sampled_from(["", "W"])),
        kind=draw(st.sampled_from(KINDS)),
        theme_id=draw(st.sampled_from([None, 1, 2])),
        objective_ids=frozenset(draw(st.lists(st.integers(1, 4), max_size=3))),
        languages=tuple(draw(st.lists(st.sampled_from(LANGS), max_size=2, unique=True))),
        dates=dates,
    )


@st.composite
def rosters(draw):
    size = draw(st.integers(0, 8))
    return [draw(experts(pk)) for pk in range(1, size + 1)]


@settings(max_examples=300, deadline=None)
@given(req=requests(), roster=rosters())
def test_no_proposed_expert_is_unavailable_or_conflicted(req, roster):
    ranked, excluded = rank(req, roster)
    assert {c.facts.pk for c in ranked} | {e[0].pk for e in excluded} == {e.pk for e in roster}
    for candidate in ranked:
        expert = candidate.facts
        assert expert.on_roster and not expert.proposed_status
        if req.dates is not None:
            day = req.dates[0]
            while day <= req.dates[1]:
                assert any(s <= day <= e for s, e in expert.periods), day
                day += timedelta(days=1)
        assert expert.nationality_id != req.country_id or expert.local_expertise
        assert candidate.score == sum(Decimal(f["points"]) for f in candidate.reasons())
    # The order follows the scores (then workload, name, key), and says so.
    assert [sort_key(c) for c in ranked] == sorted(sort_key(c) for c in ranked)
    scores = [c.score for c in ranked]
    assert scores == sorted(scores, reverse=True)


# --- From the database ------------------------------------------------------------------------


@pytest.mark.django_db
def test_ranking_explains_every_factor_and_every_exclusion():
    sen, mli = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="MLI")
    theme = present(Theme.objects.first())
    objective = present(Objective.objects.first())
    request = make_request(
        "SEN", theme=theme, preferred_start=D, duration_days=3, languages=["fr", "en"]
    )
    request.objectives.set([objective])
    around = [(D - timedelta(5), D + timedelta(10))]
    best = make_expert(available=around, languages=["fr", "en"], nationality=mli)
    best.themes.set([theme])
    best.objectives.set([objective])
    best.countries_of_experience.set([sen])
    weaker = make_expert(available=around, languages=["fr"], kinds=[])
    gap = make_expert(available=[(D, D), (D + timedelta(2), D + timedelta(3))])
    national = make_expert(available=around, nationality=sen)
    local = make_expert(available=around, nationality=sen, local_expertise=True)
    retired = make_expert(available=around)
    Appointment.objects.filter(person=retired.person).update(
        ends_on=date(2020, 1, 2), starts_on=date(2020, 1, 1)
    )
    done = make_expert(available=around)
    Proposal.objects.create(request=request, expert=done, rank=1, score=0)
    other = make_request("MLI")
    Proposal.objects.create(request=other, expert=local, rank=1, score=0, status="accepted")
    Appraisal.objects.create(request=other, expert=best, rating=5)

    ranking = rank_experts(request)

    assert [c.expert for c in ranking.ranked][:1] == [best]
    assert set(c.expert for c in ranking.ranked) == {best, weaker, local}
    reasons = {x.expert: x.code for x in ranking.excluded}
    assert reasons == {
        gap: "unavailable",
        national: "conflict",
        retired: "roster",
        done: "proposed",
    }
    top = {f.code: f.points for f in ranking.ranked[0].factors}
    assert top == {
        "kind": 30,
        "objectives": 10,
        "theme": 15,
        "languages": 20,
        "experience": 15,
        "workload": 0,
        "appraisal": 4,
    }
    workload = next(c for c in ranking.ranked if c.expert == local)
    assert {f.code: f.points for f in workload.factors}["workload"] == -5
    partial = next(c for c in ranking.ranked if c.expert == weaker)
    assert {f.code: f.points for f in partial.factors}["languages"] == 10
    assert "2026-05-01" in ranking.dates_note and "2026-05-03" in ranking.dates_note


@pytest.mark.django_db
def test_no_dates_no_availability_filter_and_said_so():
    request = make_request("SEN")
    expert = make_expert(available=[])
    ranking = rank_experts(request)
    assert [c.expert for c in ranking.ranked] == [expert]
    assert "not checked" in ranking.dates_note


@pytest.mark.django_db
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(
    roster=st.lists(
        st.tuples(periods(), st.sampled_from([None, "SEN", "MLI"]), st.booleans()),
        max_size=4,
    ),
    start=st.one_of(st.none(), days),
    length=st.integers(1, 6),
)
def test_the_database_ranking_keeps_the_same_promises(roster, start, length):
    """The same property, through the database: real profiles, availability, nationality."""
    with transaction.atomic():
        request = make_request("SEN", preferred_start=start, duration_days=length)
        for spans, nationality, local in roster:
            make_expert(
                available=list(spans),
                nationality=Country.objects.get(iso3=nationality) if nationality else None,
                local_expertise=local,
            )
        ranking = rank_experts(request)
        assert len(ranking.ranked) + len(ranking.excluded) == len(roster)
        for candidate in ranking.ranked:
            expert = present(candidate.expert)
            if start is not None:
                wanted = (start, start + timedelta(length - 1))
                spans = [(a.starts_on, a.ends_on) for a in expert.availabilities.all()]
                assert covers(spans, wanted)
            assert expert.nationality_id != request.country_id or expert.local_expertise
        transaction.set_rollback(True)
