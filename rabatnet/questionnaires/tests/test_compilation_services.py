"""Proposing (once), accepting as proposed or edited, rejecting with a reason, refusing a
second or stale decision; the guide moves to drafting."""

import pytest
from django.core.exceptions import ValidationError

from rabatnet.core.services import StaleEditError
from rabatnet.core.tests.narrowing import present
from rabatnet.guides.models import ActorRole, Challenge, Recommendation, Stage
from rabatnet.network.models import Organisation
from rabatnet.network.tests import factories as f
from rabatnet.sources.models import Source

from .. import compilation_services as services
from ..models import Candidate, Outcome, Response
from .compilation_fixtures import feeding_questionnaire, full_response, pending_candidate, trends
from .factories import make_guide, make_workshop

pytestmark = pytest.mark.django_db


def _accept(candidate: Candidate, data: dict, user=None) -> Candidate:
    return services.candidate_accept(
        candidate=candidate,
        expected_version=candidate.version,
        data=data,
        actor=user or f.workgroup_member("SEN"),
    )


def test_proposing_twice_adds_nothing_and_changes_nothing() -> None:
    guide = make_guide()
    response = full_response(feeding_questionnaire())
    assert services.propose_from_response(response=response, guide=guide, actor=None) == 5
    first = Candidate.objects.get(kind="actor", row=1)
    first.data = {"organisation": None, "stage": "processing"}
    first.save()
    assert services.propose_from_country(guide=guide, actor=None) == 0
    assert services.propose_from_response(response=response, guide=guide, actor=None) == 0
    assert Candidate.objects.count() == 5
    first.refresh_from_db()
    assert first.data["stage"] == "processing"


def test_only_a_submitted_response_of_the_guides_country_proposes() -> None:
    questionnaire = feeding_questionnaire()
    draft = full_response(questionnaire, status=Response.Status.DRAFT)
    with pytest.raises(ValidationError):
        services.propose_from_response(response=draft, guide=make_guide(), actor=None)
    other = full_response(questionnaire, instance_id="x")
    with pytest.raises(ValidationError):
        services.propose_from_response(response=other, guide=make_guide("MLI"), actor=None)
    assert services.propose_from_country(guide=make_guide("MLI", "en"), actor=None) == 0
    assert not Candidate.objects.exists()


def test_accept_as_proposed_makes_the_record_and_the_guide_follows_to_drafting() -> None:
    candidate = pending_candidate(kind="actor")
    guide = candidate.guide
    assert guide.stage == Stage.EXPRESSION_OF_INTEREST
    ansd = Organisation.objects.get(acronym="ANSD")
    data = {"organisation": ansd.pk, "stage": "decision", "description": "Produit les chiffres."}

    user = f.workgroup_member("SEN")
    accepted = _accept(candidate, data, user)

    record = ActorRole.objects.get(pk=present(accepted.record_id))
    assert (record.guide, record.organisation, record.stage) == (guide, ansd, "decision")
    assert accepted.status == Candidate.Status.ACCEPTED and accepted.decided_at
    assert accepted.decided_by == user
    guide.refresh_from_db()
    assert guide.stage == Stage.DRAFTING
    assert present(guide.events.order_by("-at", "-pk").first()).stage == Stage.DRAFTING


def test_accept_edited_values_and_a_source() -> None:
    candidate = pending_candidate(kind="source")
    ansd = Organisation.objects.get(acronym="ANSD")
    data = {
        "entity": ansd.pk,
        "name": "RGPH 2023 (édité)",
        "kind": "census",
        "areas": [trends().pk],
        "status": "existing",
        "periodicity": "multi_year",
        "access": "public",
    }
    accepted = _accept(candidate, data)
    source = Source.objects.get(pk=present(accepted.record_id))
    assert source.name == "RGPH 2023 (édité)" and list(source.areas.all()) == [trends()]
    assert source.country.iso3 == "SEN"


def test_invalid_data_is_refused_with_the_forms_errors_and_nothing_made() -> None:
    candidate = pending_candidate(kind="actor")
    with pytest.raises(ValidationError) as refused:
        _accept(candidate, {"organisation": "", "stage": "nowhere", "description": ""})
    assert {"organisation", "stage", "description"} <= set(refused.value.message_dict)
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.PENDING and candidate.record_id is None
    assert not ActorRole.objects.exists()
    assert candidate.guide.stage == Stage.EXPRESSION_OF_INTEREST


def test_the_records_own_rules_hold_one_role_per_institution_and_stage() -> None:
    candidate = pending_candidate(kind="actor")
    ansd = Organisation.objects.get(acronym="ANSD")
    ActorRole.objects.create(guide=candidate.guide, organisation=ansd, stage="decision")
    with pytest.raises(ValidationError):
        _accept(candidate, {"organisation": ansd.pk, "stage": "decision", "description": "x"})
    assert ActorRole.objects.count() == 1


def test_reject_needs_a_reason_and_a_decided_candidate_is_not_decided_again() -> None:
    candidate = pending_candidate(kind="challenge")
    user = f.workgroup_member("SEN")
    with pytest.raises(ValidationError):
        services.candidate_reject(
            candidate=candidate, expected_version=candidate.version, reason="  ", actor=user
        )
    rejected = services.candidate_reject(
        candidate=candidate, expected_version=candidate.version, reason="Doublon.", actor=user
    )
    assert (rejected.status, rejected.reason, rejected.decided_by) == ("rejected", "Doublon.", user)
    with pytest.raises(ValidationError, match="already decided"):
        services.candidate_accept(
            candidate=candidate,
            expected_version=rejected.version,
            data={"title": "Autre"},
            actor=user,
        )
    with pytest.raises(ValidationError, match="already decided"):
        services.candidate_reject(
            candidate=candidate, expected_version=rejected.version, reason="x", actor=user
        )
    assert not Challenge.objects.exists()


def test_a_stale_version_is_refused_with_what_changed() -> None:
    candidate = pending_candidate(kind="challenge")
    read = candidate.version
    Candidate.objects.get(pk=candidate.pk).save()  # somebody touched it meanwhile
    with pytest.raises(StaleEditError):
        services.candidate_accept(
            candidate=candidate, expected_version=read, data={"title": "X"}, actor=f.secretariat()
        )
    assert not Challenge.objects.exists()


def test_workshop_outcomes_propose_challenges_and_recommendations_once() -> None:
    guide = make_guide()
    workshop = make_workshop(guide)
    Outcome.objects.create(workshop=workshop, kind="need", text="Former les agents.")
    Outcome.objects.create(workshop=workshop, kind="challenge", text="Données dispersées.")
    Outcome.objects.create(workshop=workshop, kind="recommendation", text="Un portail commun.")
    assert services.propose_from_workshop(workshop=workshop, actor=None) == 3
    assert services.propose_from_workshop(workshop=workshop, actor=None) == 0
    need = Candidate.objects.get(outcome__kind="need")
    assert (need.kind, need.data) == (
        "challenge",
        {"title": "Former les agents.", "description": "Former les agents."},
    )
    recommendation = Candidate.objects.get(kind="recommendation")
    assert recommendation.data == {
        "category": "other",
        "text": "Un portail commun.",
        "addressee": "",
        "priority": "medium",
    }
    # The addressee is for the reviewer to fill: as proposed, the form refuses it.
    with pytest.raises(ValidationError):
        _accept(recommendation, recommendation.data)
    accepted = _accept(recommendation, {**recommendation.data, "addressee": "ANSD"})
    assert Recommendation.objects.get(pk=present(accepted.record_id)).addressee == "ANSD"


def test_a_cancelled_workshop_proposes_nothing() -> None:
    workshop = make_workshop(make_guide(), status="cancelled")
    Outcome.objects.create(workshop=workshop, kind="need", text="x")
    with pytest.raises(ValidationError):
        services.propose_from_workshop(workshop=workshop, actor=None)
    assert not Candidate.objects.exists()
