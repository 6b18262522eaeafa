"""The writes every part of the guide's making shares: the stage follows, candidates."""

import pytest

from rabatnet.guides.models import Stage

from ..models import Candidate, Outcome
from ..services import candidate_propose, country_guides_follow, guide_follows
from .factories import make_guide, make_questionnaire, make_response, make_workshop

pytestmark = pytest.mark.django_db


def test_the_stage_follows_forward_only() -> None:
    guide = make_guide()
    assert guide_follows(guide=guide, stage=Stage.QUESTIONNAIRES, actor=None)
    assert guide.stage == Stage.QUESTIONNAIRES
    latest = guide.events.first()
    assert latest is not None and latest.stage == Stage.QUESTIONNAIRES
    # Never backwards, never past drafting.
    assert not guide_follows(guide=guide, stage=Stage.STAKEHOLDERS, actor=None)
    assert not guide_follows(guide=guide, stage=Stage.PUBLISHED, actor=None)
    assert guide.stage == Stage.QUESTIONNAIRES


def test_every_guide_of_the_country_follows() -> None:
    make_guide("SEN", "fr")
    make_guide("SEN", "en")
    make_guide("MLI", "fr")
    assert (
        country_guides_follow(country=make_guide("GHA", "en").country, stage="drafting", actor=None)
        == 1
    )


def test_a_candidate_is_proposed_once() -> None:
    guide = make_guide()
    response = make_response(make_questionnaire(), answers={("source_name", 1): "RGPH"})
    first = candidate_propose(
        guide=guide, kind="source", data={"name": "RGPH"}, response=response, row=1
    )
    again = candidate_propose(
        guide=guide, kind="source", data={"name": "changed"}, response=response, row=1
    )
    assert again.pk == first.pk and again.data == {"name": "RGPH"}
    outcome = Outcome.objects.create(workshop=make_workshop(guide), kind="need", text="Training")
    candidate_propose(guide=guide, kind="challenge", data={"title": "Training"}, outcome=outcome)
    assert Candidate.objects.count() == 2
    with pytest.raises(ValueError):
        candidate_propose(guide=guide, kind="source", data={})
