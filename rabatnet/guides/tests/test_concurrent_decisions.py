"""Two decisions on one edition at once: the row locks let exactly one through.

Each thread has its own connection (a transactional test); a barrier makes both read the
submitted edition before either writes, as two people with the page open would.
"""

import threading
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from rabatnet.guides import services
from rabatnet.guides.models import Edition, GuideEvent
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.guides.tests.test_browser import _reference_and_seeds


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The flush that ends a transactional test removes the reference data: put it back
    (torn down after the per-test flush) for the tests that run next."""
    yield
    with django_db_blocker.unblock():
        _reference_and_seeds()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("decisions", [("endorse", "send_back"), ("endorse", "endorse")])
def test_two_decisions_at_once_one_wins(decisions):
    _reference_and_seeds()  # an earlier transactional test may have flushed them
    guide = drafted_guide()
    edition = services.guide_submit(guide=guide, actor=None)
    submitted = GuideEvent.objects.filter(guide=guide).latest("pk")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(decision: str) -> None:
        try:
            seen = Edition.objects.select_related("guide").get(pk=edition.pk)
            assert seen.status == Edition.Status.SUBMITTED  # both read before either writes
            barrier.wait(timeout=10)
            if decision == "endorse":
                services.edition_endorse(edition=seen, actor=None)
            else:
                services.edition_return(edition=seen, actor=None, comment="Compléter.")
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

    assert sorted(outcomes)[-1] == "won" and outcomes.count("won") == 1, outcomes
    lost = next(o for o in outcomes if o != "won")
    assert "does not apply to a guide at the stage" in lost
    assert GuideEvent.objects.filter(guide=guide, pk__gt=submitted.pk).count() == 1
