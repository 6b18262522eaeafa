"""A questionnaire for the URL walk and the form fuzz: the builder's pages need keys."""

from django.urls import reverse

from ..models import Questionnaire
from .factories import make_questionnaire

WALK_FORM_ID = "walk_builder"


def builder_questionnaire() -> Questionnaire:
    """The walk's questionnaire (made on first use)."""
    found = Questionnaire.objects.filter(form_id=WALK_FORM_ID).first()
    return found or make_questionnaire(WALK_FORM_ID)


def builder_samples() -> dict[str, dict[str, object]]:
    questionnaire = builder_questionnaire()
    form_id: dict[str, object] = {"form_id": questionnaire.form_id}
    question = questionnaire.questions.get(name="staff")
    choice_list = questionnaire.choice_lists.get(name="kinds")
    one = {**form_id, "pk": question.pk}
    return {
        "questionnaires:detail": form_id,
        "questionnaires:edit": form_id,
        "questionnaires:question_create": form_id,
        "questionnaires:question_edit": one,
        "questionnaires:question_delete": one,
        "questionnaires:question_move": one,
        "questionnaires:choice_list_create": form_id,
        "questionnaires:choice_list_edit": {**form_id, "pk": choice_list.pk},
    }


def builder_url(name: str, **kwargs: object) -> str:
    return reverse(f"questionnaires:{name}", kwargs=kwargs)


def tr(obj: object, name: str) -> str:
    """A translated column (``label_en``, ``title_fr``): modeltranslation adds them at run
    time, out of the type checker's sight."""
    return str(getattr(obj, name) or "")
