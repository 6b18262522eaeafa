"""The stale-edit cases of the questionnaire builder (issue 13, F), for test_stale_edits.py:
a questionnaire's settings and a question, edited at the site by the secretariat."""

from typing import Any

from django import forms
from django.urls import reverse

from rabatnet.accounts.models import User
from rabatnet.core.models import VersionedModel
from rabatnet.questionnaires.builder_forms import QuestionForm, QuestionnaireEditForm
from rabatnet.questionnaires.models import Question, Questionnaire
from rabatnet.questionnaires.tests.builder_samples import WALK_FORM_ID, builder_questionnaire


def _question_form(obj: VersionedModel, user: User) -> forms.BaseForm:
    assert isinstance(obj, Question)
    return QuestionForm(instance=obj, questionnaire=obj.questionnaire)


def _questionnaire_form(obj: VersionedModel, user: User) -> forms.BaseForm:
    assert isinstance(obj, Questionnaire)
    return QuestionnaireEditForm(instance=obj)


def builder_cases() -> list[dict[str, Any]]:
    """The fields of each ``Case``."""
    return [
        {
            "name": "questionnaire",
            "record": lambda guide: builder_questionnaire(),
            "site_url": lambda obj: reverse("questionnaires:edit", args=[WALK_FORM_ID]),
            "site_form": _questionnaire_form,
            "field": "form_version",
            "site_user": "secretariat",
        },
        {
            "name": "question",
            "record": lambda guide: builder_questionnaire().questions.get(name="staff"),
            "site_url": lambda obj: reverse(
                "questionnaires:question_edit", args=[WALK_FORM_ID, obj.pk]
            ),
            "site_form": _question_form,
            "field": "appearance",
            "site_user": "secretariat",
        },
    ]
