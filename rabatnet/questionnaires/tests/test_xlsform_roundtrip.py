"""XLSForm out and in: the shipped questionnaires survive export → pyxform → import."""

import pytest
from django.db import transaction

from ..models import Feeds, Question, Questionnaire
from ..xlsform_export import export_xlsform
from ..xlsform_import import import_xlsform
from .factories import make_questionnaire
from .xlsform_samples import STANDARD, canonical, shipped, xform

pytestmark = pytest.mark.django_db
ITEXT = "{http://www.w3.org/2002/xforms}"


class Rollback(Exception):
    pass


def _delete(questionnaire: Questionnaire) -> None:
    """Questions first: their lists of choices are protected while they use them."""
    questionnaire.questions.filter(parent__isnull=False).delete()
    questionnaire.questions.all().delete()
    questionnaire.delete()


@pytest.mark.parametrize("form_id", STANDARD)
def test_shipped_questionnaire_round_trip(form_id: str) -> None:
    first = import_xlsform(content=shipped(form_id), actor=None)
    assert not first.issues, [i.line("en") for i in first.issues]
    assert first.questionnaire is not None
    before = canonical(first.questionnaire)
    content = export_xlsform(first.questionnaire)

    form = xform(content)
    languages = {t.get("lang") for t in form.iter(f"{ITEXT}translation")}
    assert languages == {"English (en)", "French (fr)"}
    ids = {t.get("id") or "" for t in form.iter(f"{ITEXT}text")}
    for question in first.questionnaire.questions.exclude(type=Question.Type.GROUP):
        assert any(i.endswith(f"/{question.name}:label") for i in ids), question.name

    _delete(first.questionnaire)
    again = import_xlsform(content=content, actor=None)
    assert not again.issues, [i.line("en") for i in again.issues]
    assert again.questionnaire is not None
    assert canonical(again.questionnaire) == before


def test_every_feeding_question_and_choice_codes_match_the_guide() -> None:
    from rabatnet.guides.models import ChallengeType, Practice, Recommendation
    from rabatnet.guides.models.content import PolicyStage
    from rabatnet.sources.models import Area, Source

    feeds = set()
    codes: dict[str, set[str]] = {}
    for form_id in STANDARD:
        result = import_xlsform(content=shipped(form_id), actor=None)
        assert result.questionnaire is not None
        questionnaire = result.questionnaire
        assert questionnaire.questions.exclude(relevant="").exists()
        assert questionnaire.questions.exclude(constraint="").exists()
        assert questionnaire.questions.filter(type=Question.Type.REPEAT).exists()
        feeds |= set(questionnaire.questions.exclude(feeds="").values_list("feeds", flat=True))
        for question in questionnaire.questions.exclude(feeds="").select_related("choice_list"):
            if question.choice_list:
                codes[question.feeds] = {c.name for c in question.choice_list.choices.all()}
    assert codes["source.kind"] == set(Source.Kind.values)
    assert codes["source.periodicity"] == set(Source.Periodicity.values)
    assert codes["source.access"] == set(Source.Access.values)
    assert codes["source.status"] == set(Source.Status.values)
    assert codes["source.areas"] == set(Area.objects.values_list("slug", flat=True))
    assert codes["actor.stage"] == set(PolicyStage.values)
    types = set(ChallengeType.objects.values_list("slug", flat=True))
    assert codes["challenge.challenge_type"] == types | {"other"}
    assert codes["practice.kind"] == set(Practice.Kind.values)
    assert codes["recommendation.category"] == set(Recommendation.Category.values)
    assert codes["recommendation.priority"] == set(Recommendation.Priority.values)
    assert feeds == set(Feeds.values)


def test_factory_questionnaire_exports_to_a_valid_xform_and_back() -> None:
    questionnaire = make_questionnaire()
    before = canonical(questionnaire)
    content = export_xlsform(questionnaire)
    xform(content)
    with pytest.raises(Rollback), transaction.atomic():
        _delete(questionnaire)
        result = import_xlsform(content=content, actor=None)
        assert result.questionnaire is not None, [i.line("en") for i in result.issues]
        after = canonical(result.questionnaire)
        raise Rollback
    # Positions are renumbered, names and structure are not.
    assert after == before
    assert Questionnaire.objects.filter(form_id="test_sources").exists()
