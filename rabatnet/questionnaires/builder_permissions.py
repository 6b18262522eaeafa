"""Fetch and check for the questionnaires' pages and their builder (see ``core.access``).

Every member of the network reads the questionnaires (``can_view_questionnaire``); the
secretariat builds them (``can_manage_questionnaire``). A question or a list of choices is
fetched inside its questionnaire: a key of another questionnaire is not found (404).
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, check, parse_number

from .models import ChoiceList, Question, Questionnaire
from .permissions import can_manage_questionnaire, can_view_questionnaire, parse_form_id


def can_view_questionnaires(user: AnyUser) -> bool:
    """The list: whoever may read a questionnaire (every member)."""
    return can_view_questionnaire(user, Questionnaire())


def can_manage_question(user: AnyUser, question: Question) -> bool:
    return can_manage_questionnaire(user, question.questionnaire)


def can_manage_choice_list(user: AnyUser, choice_list: ChoiceList) -> bool:
    return can_manage_questionnaire(user, choice_list.questionnaire)


def access_questionnaire_list(request: HttpRequest) -> None:
    check(request, {"view": lambda user, _obj: can_view_questionnaires(user)}, "view", None)


def access_question(request: HttpRequest, form_id: str, pk: object, verb: str) -> Question:
    """A question of the questionnaire ``form_id``, to "manage" (edit, move, delete)."""
    question = get_object_or_404(
        Question.objects.select_related("questionnaire", "parent", "choice_list"),
        pk=parse_number(pk),
        questionnaire__form_id=parse_form_id(form_id),
    )
    return check(request, {"manage": can_manage_question}, verb, question)


def access_choice_list(request: HttpRequest, form_id: str, pk: object, verb: str) -> ChoiceList:
    """A list of choices of the questionnaire ``form_id``, to "manage" (edit its choices)."""
    choice_list = get_object_or_404(
        ChoiceList.objects.select_related("questionnaire"),
        pk=parse_number(pk),
        questionnaire__form_id=parse_form_id(form_id),
    )
    return check(request, {"manage": can_manage_choice_list}, verb, choice_list)
