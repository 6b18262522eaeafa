"""The builder (the secretariat): add a list of choices, edit its name and its choices."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rabatnet.core.access import actor

from . import builder_selectors as selectors
from . import builder_services as services
from .builder_forms import ChoiceListForm, choice_rows
from .builder_permissions import access_choice_list
from .permissions import access_questionnaire


@require_http_methods(["GET", "POST"])
def choice_list_create(request: HttpRequest, form_id: str) -> HttpResponse:
    questionnaire = access_questionnaire(request, form_id, "manage")
    form = ChoiceListForm(request.POST or None, questionnaire=questionnaire)
    rows = choice_rows(request.POST or None, None)
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        try:
            choice_list = services.choice_list_create(
                questionnaire=questionnaire,
                choice_list=form.save(commit=False),
                rows=rows.rows(),
                actor=actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("List “%(name)s” added.") % {"name": choice_list.name})
            return redirect("questionnaires:detail", form_id=questionnaire.form_id)
    context = {"form": form, "rows": rows, "questionnaire": questionnaire, "choice_list": None}
    return render(request, "questionnaires/choice_form.html", context)


@require_http_methods(["GET", "POST"])
def choice_list_edit(request: HttpRequest, form_id: str, pk: int) -> HttpResponse:
    choice_list = access_choice_list(request, form_id, pk, "manage")
    questionnaire = choice_list.questionnaire
    form = ChoiceListForm(request.POST or None, instance=choice_list, questionnaire=questionnaire)
    rows = choice_rows(request.POST or None, choice_list)
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        user = actor(request)
        if form.save_through(
            lambda: services.choice_list_update(
                choice_list=form.instance,
                expected_version=form.cleaned_data["version"],
                rows=rows.rows(),
                actor=user,
            )
        ):
            messages.success(request, _("List “%(name)s” saved.") % {"name": choice_list.name})
            return redirect("questionnaires:detail", form_id=questionnaire.form_id)
    context = {
        "form": form,
        "rows": rows,
        "questionnaire": questionnaire,
        "choice_list": choice_list,
        "used": sorted(selectors.used_codes(choice_list)),
        "questions": choice_list.questions.order_by("position"),
    }
    return render(request, "questionnaires/choice_form.html", context)
