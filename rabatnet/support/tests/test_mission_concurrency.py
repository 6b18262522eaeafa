"""Two evaluations (or two deployments) of one request at once: the row lock lets exactly
one through; the other is refused in words and nothing is written twice."""

import threading
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from rabatnet.guides.tests.test_browser import _reference_and_seeds
from rabatnet.network.tests import factories as f

from .. import mission_services as services
from ..models import Evaluation, StageEvent, SupportRequest
from .mission_fixtures import approved, reported


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The flush that ends a transactional test removes the reference data: put it back."""
    yield
    with django_db_blocker.unblock():
        _reference_and_seeds()


def _race(step: Callable[[SupportRequest], object], pk: int) -> list[str]:
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run() -> None:
        try:
            seen = SupportRequest.objects.get(pk=pk)
            barrier.wait(timeout=10)
            step(seen)
            outcomes.append("won")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_evaluations_at_once_one_wins():
    _reference_and_seeds()
    request, _expert, _staff = reported()
    focal = f.focal_point("SEN")

    def evaluate(seen: SupportRequest) -> object:
        return services.evaluation_submit(
            request=seen,
            relevance=4,
            quality=4,
            timeliness=4,
            usefulness=4,
            comment="",
            actor=focal,
        )

    outcomes = _race(evaluate, request.pk)
    assert len(outcomes) == 2 and outcomes.count("won") == 1, outcomes
    assert "already been evaluated" in "".join(outcomes)
    assert Evaluation.objects.filter(request=request).count() == 1
    assert StageEvent.objects.filter(request=request, action="evaluate").count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_deployments_at_once_deploy_once():
    _reference_and_seeds()
    request, _expert, staff = approved()

    def deploy(seen: SupportRequest) -> object:
        return services.mission_deploy(
            request=seen,
            starts_on=date(2026, 5, 4),
            ends_on=date(2026, 5, 8),
            place="",
            actor=staff,
        )

    outcomes = _race(deploy, request.pk)
    # The second, finding the request deployed, corrects the dates (no second deployment).
    assert outcomes == ["won", "won"]
    assert StageEvent.objects.filter(request=request, action="deploy").count() == 1
