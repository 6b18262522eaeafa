"""Two reviewers accept the same candidate at once: the row lock lets exactly one through;
the other is refused in words and one record is made."""

import threading
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from rabatnet.guides.models import Recommendation
from rabatnet.guides.tests.test_browser import _reference_and_seeds
from rabatnet.network.tests import factories as f

from .. import compilation_services as services
from ..models import Candidate, Outcome
from .factories import make_guide, make_workshop


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The flush that ends a transactional test removes the reference data: put it back."""
    yield
    with django_db_blocker.unblock():
        _reference_and_seeds()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_accepts_at_once_one_wins() -> None:
    _reference_and_seeds()
    workshop = make_workshop(make_guide())
    Outcome.objects.create(workshop=workshop, kind="recommendation", text="Publier.")
    services.propose_from_workshop(workshop=workshop, actor=None)
    pk = Candidate.objects.get().pk
    reviewers = [f.workgroup_member("SEN"), f.focal_point("SEN")]
    data = {"category": "other", "text": "Publier.", "addressee": "ANSD", "priority": "high"}
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run(index: int) -> None:
        try:
            seen = Candidate.objects.select_related("guide__country").get(pk=pk)
            barrier.wait(timeout=10)
            services.candidate_accept(
                candidate=seen, expected_version=seen.version, data=data, actor=reviewers[index]
            )
            outcomes.append("won")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(outcomes) == 2 and outcomes.count("won") == 1, outcomes
    assert "already decided" in "".join(outcomes)
    assert Recommendation.objects.count() == 1
    assert Candidate.objects.get().status == Candidate.Status.ACCEPTED
