"""Verify and return of one entry at once: the row lock lets exactly one through.

Each thread has its own connection (a transactional test); a barrier makes both read the
submitted entry before either writes, as two people of the secretariat with the page open.
"""

import threading
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from rabatnet.followup import cycle_services as services
from rabatnet.followup.models import Assessment, ReviewState
from rabatnet.guides.tests.test_browser import _reference_and_seeds
from rabatnet.network.tests import factories as f

from .cycle_fixtures import make_cycle, report


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The flush that ends a transactional test removes the reference data: put it back."""
    yield
    with django_db_blocker.unblock():
        _reference_and_seeds()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("decisions", [("verify", "return"), ("verify", "verify")])
def test_two_decisions_at_once_one_wins(decisions):
    _reference_and_seeds()  # an earlier transactional test may have flushed them
    entry = report(make_cycle(), "SEN", f.focal_point("SEN"))[0]
    secretariat = f.secretariat()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(decision: str) -> None:
        try:
            seen = Assessment.objects.select_related("cycle").get(pk=entry.pk)
            assert seen.review_state == ReviewState.SUBMITTED  # both read before either writes
            barrier.wait(timeout=10)
            if decision == "verify":
                services.assessment_verify(
                    assessment=seen,
                    verified_status="achieved",
                    verification_note="",
                    expected_version=seen.version,
                    actor=secretariat,
                )
            else:
                services.assessment_return(assessment=seen, reason="Sources?", actor=secretariat)
            outcomes.append("won")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(d,)) for d in decisions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcomes.count("won") == 1, outcomes
    lost = next(o for o in outcomes if o != "won")
    assert "no longer waiting for verification" in lost
    assert (
        Assessment.history.filter(id=entry.pk, review_state__in=["verified", "returned"]).count()
        == 1
    )
