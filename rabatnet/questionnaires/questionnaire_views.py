"""The questionnaires: the list and a questionnaire's page (every member), a new
questionnaire and its settings (the secretariat). The builder's views of questions and
lists of choices are in ``question_views`` and ``choice_views``."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rabatnet.core.access import actor
from rabatnet.network.selectors import user_countries

from . import builder_selectors as selectors
from . import builder_services as services
from .builder_forms import PAIRS, QuestionnaireCreateForm, QuestionnaireEditForm
from .builder_permissions import access_questionnaire_list
from .permissions import (
    access_questionnaire,
    access_questionnaire_management,
    can_manage_questionnaire,
)


@require_GET
def questionnaire_list(request: HttpRequest) -> HttpResponse:
    """Every member: the questionnaires, their XLSForms; a country member, their country's
    page of each; the secretariat, a new one and the import."""
    access_questionnaire_list(request)
    user = request.user
    countries = user_countries(user) if user.is_authenticated else []
    context = {
        "questionnaires": list(selectors.questionnaire_list()),
        "can_manage": can_manage_questionnaire(user, None),
        "countries": countries,
    }
    return render(request, "questionnaires/questionnaire_list.html", context)


@require_http_methods(["GET", "POST"])
def questionnaire_create(request: HttpRequest) -> HttpResponse:
    """The secretariat: a new questionnaire, a draft until opened for answers."""
    access_questionnaire_management(request)
    form = QuestionnaireCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        questionnaire = services.questionnaire_create(
            questionnaire=form.save(commit=False), actor=actor(request)
        )
        messages.success(request, _("Questionnaire created: add its questions."))
        return redirect("questionnaires:detail", form_id=questionnaire.form_id)
    context = {"form": form, "pairs": PAIRS, "questionnaire": None}
    return render(request, "questionnaires/questionnaire_form.html", context)


@require_GET
def questionnaire_detail(request: HttpRequest, form_id: str) -> HttpResponse:
    """Every member: the questionnaire as a tree, its lists of choices, its status."""
    questionnaire = access_questionnaire(request, form_id, "view")
    nodes = selectors.tree(questionnaire)
    context = {
        "questionnaire": questionnaire,
        "nodes": nodes,
        "count": sum(
            1 for n in selectors.flatten(nodes) if n.question.type not in selectors.NOT_ANSWERED
        ),
        "choice_lists": list(selectors.choice_lists(questionnaire)),
        "can_manage": can_manage_questionnaire(request.user, questionnaire),
        "countries": user_countries(request.user) if request.user.is_authenticated else [],
    }
    return render(request, "questionnaires/questionnaire_detail.html", context)


@require_http_methods(["GET", "POST"])
def questionnaire_edit(request: HttpRequest, form_id: str) -> HttpResponse:
    """The secretariat: titles, version, part of the guide; open, close or reopen it."""
    questionnaire = access_questionnaire(request, form_id, "manage")
    form = QuestionnaireEditForm(request.POST or None, instance=questionnaire)
    if request.method == "POST" and form.is_valid():
        fields = [f for f in QuestionnaireEditForm.Meta.fields if f in form.fields]
        user = actor(request)
        if form.save_through(
            lambda: services.questionnaire_update(
                questionnaire=form.instance,
                expected_version=form.cleaned_data["version"],
                fields=fields,
                actor=user,
            )
        ):
            messages.success(request, _("The questionnaire was saved."))
            return redirect("questionnaires:detail", form_id=questionnaire.form_id)
    context = {"form": form, "pairs": PAIRS, "questionnaire": questionnaire}
    return render(request, "questionnaires/questionnaire_form.html", context)
