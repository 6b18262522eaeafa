"""The form fuzz's pages of the questionnaire builder (issue 13, F): a new questionnaire, its
settings, a question (new and edit), a list of choices with its rows (new and edit), a move."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.questionnaires.builder_forms import (
    ChoiceListForm,
    ChoiceRowForm,
    MoveForm,
    QuestionForm,
    QuestionnaireCreateForm,
    QuestionnaireEditForm,
    choice_rows,
)
from rabatnet.questionnaires.tests.builder_samples import builder_questionnaire

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names

MANAGEMENT = {
    "choices-TOTAL_FORMS": "4",
    "choices-INITIAL_FORMS": "0",
    "choices-MIN_NUM_FORMS": "0",
    "choices-MAX_NUM_FORMS": "200",
}


def _url(name: str, key: str | None = None) -> Callable[[World], str]:
    def address(w: World) -> str:
        questionnaire = builder_questionnaire()
        kwargs: dict[str, object] = {"form_id": questionnaire.form_id}
        if key == "question":
            kwargs["pk"] = questionnaire.questions.get(name="staff").pk
        elif key == "list":
            kwargs["pk"] = questionnaire.choice_lists.get(name="kinds").pk
        return reverse(f"questionnaires:{name}", kwargs=kwargs)

    return address


def _question_names(w: World) -> list[str]:
    questionnaire = builder_questionnaire()
    instance = questionnaire.questions.get(name="staff")
    return _names(QuestionForm(instance=instance, questionnaire=questionnaire))


def _row_names(w: World) -> list[str]:
    rows = choice_rows(None, None)
    return [f"choices-{i}-{name}" for i in range(2) for name in rows.empty_form.fields]


def builder_posts() -> list[Post]:
    return [
        Post(
            QuestionnaireCreateForm,
            lambda w: reverse("questionnaires:create"),
            "secretariat",
            lambda w: _names(QuestionnaireCreateForm()),
        ),
        Post(
            QuestionnaireEditForm,
            _url("edit"),
            "secretariat",
            lambda w: _names(QuestionnaireEditForm(instance=builder_questionnaire())),
        ),
        Post(
            QuestionForm,
            _url("question_create"),
            "secretariat",
            lambda w: _names(QuestionForm(questionnaire=builder_questionnaire())),
            label="new",
        ),
        Post(QuestionForm, _url("question_edit", "question"), "secretariat", _question_names),
        Post(
            ChoiceListForm,
            _url("choice_list_create"),
            "secretariat",
            lambda w: ["name", *_row_names(w)],
            fixed=MANAGEMENT,
            label="new",
        ),
        Post(
            ChoiceListForm,
            _url("choice_list_edit", "list"),
            "secretariat",
            lambda w: ["name", "version", *_row_names(w)],
            fixed=MANAGEMENT,
            label="edit",
        ),
        Post(
            ChoiceRowForm,
            _url("choice_list_edit", "list"),
            "secretariat",
            _row_names,
            fixed={**MANAGEMENT, "name": "kinds"},
        ),
        Post(MoveForm, _url("question_move", "question"), "secretariat", lambda w: ["direction"]),
    ]
