"""The workshop's services: create, edit (stale refused), hold (the guide follows, forward
only), cancel, the sign-in list, experts and outcomes; steps that no longer apply refused."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rabatnet.core.services import StaleEditError
from rabatnet.guides.models import Stage
from rabatnet.network.tests import factories as f
from rabatnet.support.tests.factories import make_expert

from .. import workshop_services as services
from ..models import Outcome, Workshop
from ..services import guide_follows
from ..workshop_demo import demo_workshop
from .factories import make_guide
from .workshop_fixtures import FAR, planned, workshop_in

pytestmark = pytest.mark.django_db


def test_create_and_history_records_the_actor() -> None:
    user = f.focal_point("SEN")
    workshop = planned(by=user)
    assert workshop.status == Workshop.Status.PLANNED
    assert workshop.history.first().history_user == user


def test_last_day_before_the_first_is_refused() -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        planned(starts_on=today, ends_on=today - timedelta(days=1))
    assert not Workshop.objects.exists()


def test_a_stale_edit_is_refused() -> None:
    workshop = planned()
    read = workshop.version
    user = f.focal_point("SEN")
    services.workshop_update(
        workshop=workshop, data=workshop_in(city="Thiès"), expected_version=read, by=user
    )
    again = Workshop.objects.get(pk=workshop.pk)
    with pytest.raises(StaleEditError) as error:
        services.workshop_update(
            workshop=again, data=workshop_in(city="Saint-Louis"), expected_version=read, by=user
        )
    assert "city" in error.value.changed_fields
    assert Workshop.objects.get(pk=workshop.pk).city == "Thiès"


def test_hold_moves_the_guide_forward_once() -> None:
    workshop = planned()
    services.workshop_hold(workshop=workshop, by=f.focal_point("SEN"))
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.HELD
    assert workshop.guide.stage == Stage.WORKSHOP
    with pytest.raises(ValidationError, match="no longer applies"):
        services.workshop_hold(workshop=workshop, by=None)


def test_hold_never_moves_the_guide_backwards() -> None:
    guide = make_guide()
    guide_follows(guide=guide, stage=Stage.DRAFTING, actor=None)
    services.workshop_hold(workshop=planned(guide), by=None)
    guide.refresh_from_db()
    assert guide.stage == Stage.DRAFTING


def test_hold_waits_for_the_last_day() -> None:
    workshop = planned(starts_on=FAR, ends_on=FAR)
    with pytest.raises(ValidationError, match="last day"):
        services.workshop_hold(workshop=workshop, by=None)
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.PLANNED
    assert workshop.guide.stage == Stage.EXPRESSION_OF_INTEREST
    today = timezone.localdate()
    same_day = planned(workshop.guide, starts_on=today, ends_on=today)
    assert services.workshop_hold(workshop=same_day, by=None).status == Workshop.Status.HELD


def test_cancel_keeps_its_reason_and_closes_the_workshop() -> None:
    workshop = planned()
    user = f.focal_point("SEN")
    with pytest.raises(ValidationError):
        services.workshop_cancel(workshop=workshop, reason="  ", by=user)
    services.workshop_cancel(workshop=workshop, reason="Élections", by=user)
    assert workshop.history.first().history_change_reason == "Élections"
    for step in (
        lambda: services.outcome_add(workshop=workshop, kind="need", text="x", by=user),
        lambda: services.participant_add(workshop=workshop, full_name="A", by=user),
        lambda: services.expert_add(workshop=workshop, scope="local", full_name="B", by=user),
        lambda: services.workshop_hold(workshop=workshop, by=user),
        lambda: services.workshop_update(
            workshop=workshop, data=workshop_in(), expected_version=workshop.version, by=user
        ),
        lambda: services.workshop_cancel(workshop=workshop, reason="again", by=user),
    ):
        with pytest.raises(ValidationError):
            step()


def test_outcomes_and_lines() -> None:
    workshop = planned()
    user = f.focal_point("SEN")
    first = services.outcome_add(workshop=workshop, kind="need", text=" Training ", by=user)
    second = services.outcome_add(workshop=workshop, kind="need", text="Data", by=user)
    assert (first.text, first.position, second.position) == ("Training", 1, 2)
    with pytest.raises(ValidationError):
        services.outcome_add(workshop=workshop, kind="wish", text="x", by=user)
    with pytest.raises(ValidationError):
        services.outcome_add(workshop=workshop, kind="need", text="   ", by=user)
    services.outcome_update(
        workshop=workshop, outcome=first, kind="challenge", text="Sharing", by=user
    )
    first.refresh_from_db()
    assert (first.kind, first.text) == ("challenge", "Sharing")
    services.outcome_remove(workshop=workshop, outcome=second, by=user)
    with pytest.raises(ValidationError):
        services.outcome_remove(workshop=workshop, outcome=second, by=user)
    other = planned(workshop.guide)
    with pytest.raises(ValidationError):
        services.outcome_update(workshop=other, outcome=first, kind="need", text="x", by=user)


def test_participants_from_the_directory_or_typed() -> None:
    workshop = planned()
    user = f.focal_point("SEN")
    person = f.workgroup_member("SEN").person
    line = services.participant_add(workshop=workshop, person=person, by=user)
    assert line.full_name == person.display_name
    with pytest.raises(ValidationError, match="already"):
        services.participant_add(workshop=workshop, person=person, by=user)
    typed = services.participant_add(workshop=workshop, full_name=" Awa ", function="DG", by=user)
    assert typed.full_name == "Awa" and typed.person is None
    with pytest.raises(ValidationError):
        services.participant_add(workshop=workshop, full_name="", by=user)
    services.participant_sign(workshop=workshop, participant=typed, attended=True, by=user)
    typed.refresh_from_db()
    assert typed.attended
    services.participant_remove(workshop=workshop, participant=typed, by=user)
    with pytest.raises(ValidationError):
        services.participant_remove(workshop=workshop, participant=typed, by=user)


def test_experts_from_the_roster_or_named() -> None:
    workshop = planned()
    user = f.focal_point("SEN")
    expert = make_expert()
    line = services.expert_add(workshop=workshop, expert=expert, scope="international", by=user)
    assert line.full_name == expert.person.display_name
    with pytest.raises(ValidationError):
        services.expert_add(workshop=workshop, expert=expert, scope="local", by=user)
    with pytest.raises(ValidationError):
        services.expert_add(workshop=workshop, full_name="X", scope="galactic", by=user)
    services.expert_remove(workshop=workshop, line=line, by=user)
    assert not workshop.experts.exists()


def test_the_demo_workshop() -> None:
    guide = make_guide()
    workshop = demo_workshop(guide)
    assert workshop.is_example and workshop.status == Workshop.Status.HELD
    assert workshop.city == "Dakar"
    assert {e.scope for e in workshop.experts.all()} == {"international", "local"}
    assert workshop.participants.count() == 8
    assert set(workshop.outcomes.values_list("kind", flat=True)) == set(Outcome.Kind.values)
    assert demo_workshop(guide).pk == workshop.pk
    guide.refresh_from_db()
    assert guide.stage == Stage.WORKSHOP
