"""Each refusal of the builder: a clear message, nothing changed, never a 500."""

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from rabatnet.network.tests import factories as f

from .. import expressions
from ..models import Question, Questionnaire
from .builder_samples import builder_url as url
from .builder_samples import tr
from .factories import make_questionnaire, make_response
from .test_builder import _settings, question_data

pytestmark = pytest.mark.django_db
T = Question.Type


@pytest.fixture
def builder(client: Client) -> Client:
    client.force_login(f.secretariat())
    return client


@pytest.fixture
def form() -> Questionnaire:
    return make_questionnaire("test_sources")


def _q(form: Questionnaire, name: str) -> Question:
    return form.questions.get(name=name)


def _errors(response: Any) -> str:
    assert response.status_code == 200
    return response.content.decode()


def _flash(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _snapshot(form: Questionnaire) -> list[tuple]:
    return list(
        form.questions.order_by("pk").values_list(
            "name", "type", "parent", "position", "choice_list", "version"
        )
    )


@pytest.mark.parametrize(
    ("form_id", "message"),
    [
        ("new", "a word the site keeps"),
        ("import", "a word the site keeps"),
        ("Countries", "a word the site keeps"),
        ("enquête_é", "no spaces, no accents"),
        ("two words", "no spaces, no accents"),
        ("1st", "no spaces, no accents"),
        ("test_sources", "already exists"),
    ],
)
def test_a_form_id_that_cannot_be(
    builder: Client, form: Questionnaire, form_id: str, message: str
) -> None:
    before = Questionnaire.objects.count()
    response = builder.post(
        reverse("questionnaires:create"),
        {"form_id": form_id, "title_en": "T", "title_fr": "T", "default_language": "en"},
    )
    assert message in _errors(response).replace("&#x27;", "'")
    assert Questionnaire.objects.count() == before


def test_control_characters_are_cleaned_and_a_title_is_required(builder: Client) -> None:
    response = builder.post(
        reverse("questionnaires:create"),
        {"form_id": "ctl", "title_en": "", "title_fr": "", "default_language": "en"},
    )
    assert "Give it in English, in French, or both." in _errors(response)
    response = builder.post(
        reverse("questionnaires:create"),
        {"form_id": "ctl", "title_en": "A\x00B\x1f", "title_fr": "", "default_language": "en"},
    )
    assert response.status_code == 302
    assert tr(Questionnaire.objects.get(form_id="ctl"), "title_en") == "AB"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"name": "respondent_unit"},
            "name",
            "Another question of this questionnaire has this name.",
        ),
        ({"name": "données"}, "name", "no spaces, no accents"),
        ({"name": "a b"}, "name", "no spaces, no accents"),
        ({"type": T.SELECT_ONE}, "choice_list", "A select question needs its list of choices."),
        (
            {"type": T.TEXT, "choice_list": "kinds"},
            "choice_list",
            "Only a select question has a list of choices.",
        ),
        (
            {"type": T.GROUP, "feeds": "source.name"},
            "feeds",
            "Only a question that takes an answer feeds the guide.",
        ),
        (
            {"type": T.NOTE, "feeds": "source.name"},
            "feeds",
            "Only a question that takes an answer feeds the guide.",
        ),
        (
            {"type": T.REPEAT, "parent": "data_source"},
            "parent",
            "A repeat group cannot be inside another repeat group.",
        ),
        ({"parent": "staff"}, "parent", "Select a valid choice."),
        ({"parent": "99999999999999999999"}, "parent", "Select a valid choice."),
        ({"label_en": "", "label_fr": ""}, "label_en", "Give it in English, in French, or both."),
        ({"type": "nonsense"}, "type", "Select a valid choice."),
        ({"feeds": "source.nothing"}, "feeds", "Select a valid choice."),
    ],
)
def test_a_question_that_does_not_fit(
    builder: Client, form: Questionnaire, fields: dict, field: str, message: str
) -> None:
    for key in ("parent", "choice_list"):
        value = fields.get(key)
        if value and not value.isdigit():
            lookup = form.questions if key == "parent" else form.choice_lists
            fields[key] = lookup.get(name=value).pk
    before = _snapshot(form)
    response = builder.post(url("question_create", form_id=form.form_id), question_data(**fields))
    page = _errors(response)
    assert message in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert field in response.context["form"].errors
    assert _snapshot(form) == before


def test_a_choice_list_of_another_questionnaire_is_refused(
    builder: Client, form: Questionnaire
) -> None:
    other = make_questionnaire("other_form")
    response = builder.post(
        url("question_create", form_id=form.form_id),
        question_data(type=T.SELECT_ONE, choice_list=other.choice_lists.get(name="kinds").pk),
    )
    assert "choice_list" in response.context["form"].errors


def test_the_checker_message_is_shown_on_its_field(
    builder: Client, form: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, set[str] | None]] = []

    def check(expression: str, names: set[str] | None = None) -> None:
        seen.append((expression, names))
        if "nowhere" in expression:
            raise expressions.ExpressionError("${nowhere} is no question of this form.")

    monkeypatch.setattr(expressions, "check", check)
    before = _snapshot(form)
    response = builder.post(
        url("question_create", form_id=form.form_id),
        question_data(relevant="${nowhere} = 'yes'", constraint=". > 0"),
    )
    assert "${nowhere} is no question of this form." in _errors(response)
    assert "relevant" in response.context["form"].errors
    assert "constraint" not in response.context["form"].errors
    assert _snapshot(form) == before
    assert seen[0][1] is not None and "has_sources" in seen[0][1]
    response = builder.post(
        url("question_create", form_id=form.form_id), question_data(constraint="${nowhere} > .")
    )
    assert "constraint" in response.context["form"].errors


def test_a_repeat_cannot_go_inside_a_repeat_by_moving_its_section(
    builder: Client, form: Questionnaire
) -> None:
    about = _q(form, "about")
    inner = Question.objects.create(
        questionnaire=form, name="inner", type=T.REPEAT, parent=about, position=25, label_en="Inner"
    )
    assert inner.pk
    data = question_data(
        type=T.GROUP,
        name="about",
        parent=_q(form, "data_source").pk,
        label_en="About",
        version=about.version,
    )
    response = builder.post(url("question_edit", form_id=form.form_id, pk=about.pk), data)
    assert "A repeat group cannot be inside another repeat group." in _errors(response)
    # Nor inside itself (not offered, and refused if posted).
    data["parent"] = inner.pk
    response = builder.post(url("question_edit", form_id=form.form_id, pk=about.pk), data)
    assert "parent" in response.context["form"].errors
    assert Question.objects.get(pk=about.pk).parent is None


def test_deleting_is_refused_while_it_holds_has_answers_or_is_referred_to(
    builder: Client, form: Questionnaire
) -> None:
    make_response(form, answers={("staff", 0): "3", ("source_name", 1): "Census"})
    cases = [
        ("about", "Move or delete the questions inside it first."),
        ("staff", "This question has answers: it cannot be deleted."),
        (
            "has_sources",
            "Questions data_source refer to it in their conditions: change them first.",
        ),
    ]
    for name, message in cases:
        before = _snapshot(form)
        question = _q(form, name)
        response = builder.post(url("question_delete", form_id=form.form_id, pk=question.pk))
        assert response.status_code == 302
        assert message in _flash(response)
        assert _snapshot(form) == before
    budget = _q(form, "budget")
    response = builder.post(url("question_delete", form_id=form.form_id, pk=budget.pk))
    assert "Question “budget” deleted." in _flash(response)
    assert not form.questions.filter(name="budget").exists()
    assert Question.history.filter(name="budget", history_type="-").exists()
    assert (
        builder.get(url("question_delete", form_id=form.form_id, pk=budget.pk)).status_code == 405
    )


def test_changing_type_list_or_repeat_of_an_answered_question_is_refused(
    builder: Client, form: Questionnaire
) -> None:
    make_response(form, answers={("source_kind", 1): "census"})
    kind = _q(form, "source_kind")
    base = dict(
        type=T.SELECT_ONE,
        name="source_kind",
        parent=kind.parent_id,
        choice_list=kind.choice_list_id,
        label_en="Kind",
        version=kind.version,
    )
    cases: list[tuple[dict[str, Any], str]] = [
        ({"type": T.SELECT_MULTIPLE}, "its type cannot change"),
        (
            {"choice_list": form.choice_lists.get(name="areas").pk},
            "its list of choices cannot change",
        ),
        ({"parent": ""}, "it cannot move into or out of a repeat group"),
    ]
    for change, message in cases:
        before = _snapshot(form)
        response = builder.post(
            url("question_edit", form_id=form.form_id, pk=kind.pk), question_data(**(base | change))
        )
        assert message in _errors(response)
        assert _snapshot(form) == before
    # Its labels may change.
    response = builder.post(
        url("question_edit", form_id=form.form_id, pk=kind.pk),
        question_data(**(base | {"label_en": "Kind of source"})),
    )
    assert response.status_code == 302
    assert tr(Question.objects.get(pk=kind.pk), "label_en") == "Kind of source"


def test_renaming_a_question_others_refer_to_is_refused(
    builder: Client, form: Questionnaire
) -> None:
    has = _q(form, "has_sources")
    data = question_data(
        type=T.SELECT_ONE, name="any_sources", choice_list=has.choice_list_id, version=has.version
    )
    response = builder.post(url("question_edit", form_id=form.form_id, pk=has.pk), data)
    assert "refer to this name" in _errors(response)
    assert Question.objects.get(pk=has.pk).name == "has_sources"


def test_moving_past_the_ends_is_refused(builder: Client, form: Questionnaire) -> None:
    before = _snapshot(form)
    first = _q(form, "respondent_unit")
    response = builder.post(
        url("question_move", form_id=form.form_id, pk=first.pk), {"direction": "up"}
    )
    assert "It is already the first or the last at its level." in _flash(response)
    last = _q(form, "thanks")
    response = builder.post(
        url("question_move", form_id=form.form_id, pk=last.pk), {"direction": "down"}
    )
    assert "It is already the first or the last at its level." in _flash(response)
    response = builder.post(
        url("question_move", form_id=form.form_id, pk=last.pk), {"direction": "\x00sideways"}
    )
    assert "Say whether to move it up or down." in _flash(response)
    assert _snapshot(form) == before
    # Inside a section: moves among its own.
    budget = _q(form, "budget")
    builder.post(url("question_move", form_id=form.form_id, pk=budget.pk), {"direction": "up"})
    names = list(form.questions.order_by("position").values_list("name", flat=True))
    assert names[2:5] == ["about", "budget", "staff"]


def test_status_steps_that_do_not_apply(builder: Client) -> None:
    empty = Questionnaire.objects.create(form_id="empty_one", title_en="Empty")
    response = builder.post(url("edit", form_id="empty_one"), _settings(empty, status="closed"))
    assert "status" in response.context["form"].errors
    response = builder.post(url("edit", form_id="empty_one"), _settings(empty, status="open"))
    assert "Add at least one question before opening it for answers." in _errors(response)
    assert Questionnaire.objects.get(pk=empty.pk).status == "draft"
