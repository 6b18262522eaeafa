"""The builder (the secretariat): add, edit, delete and move a question."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rabatnet.core.access import actor, parse_number
from rabatnet.core.steps import take_step

from . import builder_services as services
from .builder_forms import PAIRS, MoveForm, QuestionForm
from .builder_permissions import access_question
from .models import Question, Questionnaire
from .permissions import access_questionnaire


def _parent_from_query(request: HttpRequest, questionnaire: Questionnaire) -> Question | None:
    """``?parent=<pk>``: a section or repeat group of this questionnaire, else nothing."""
    raw = request.GET.get("parent", "")
    try:
        pk = parse_number(raw)
    except Http404:  # any odd value: no parent chosen
        return None
    return questionnaire.questions.filter(pk=pk, type__in=Question.CONTAINERS).first()


@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest, form_id: str) -> HttpResponse:
    questionnaire = access_questionnaire(request, form_id, "manage")
    parent = _parent_from_query(request, questionnaire)
    form = QuestionForm(
        request.POST or None,
        questionnaire=questionnaire,
        initial={"parent": parent.pk if parent else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_create(
                questionnaire=questionnaire, question=form.save(commit=False), actor=actor(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Question “%(name)s” added.") % {"name": question.name})
            return redirect("questionnaires:detail", form_id=questionnaire.form_id)
    context = {"form": form, "pairs": PAIRS, "questionnaire": questionnaire, "question": None}
    return render(request, "questionnaires/question_form.html", context)


@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, form_id: str, pk: int) -> HttpResponse:
    question = access_question(request, form_id, pk, "manage")
    questionnaire = question.questionnaire
    form = QuestionForm(request.POST or None, instance=question, questionnaire=questionnaire)
    if request.method == "POST" and form.is_valid():
        fields = [f for f in QuestionForm.Meta.fields if f in form.fields]
        user = actor(request)
        if form.save_through(
            lambda: services.question_update(
                question=form.instance,
                expected_version=form.cleaned_data["version"],
                fields=fields,
                actor=user,
            )
        ):
            messages.success(request, _("Question “%(name)s” saved.") % {"name": question.name})
            return redirect("questionnaires:detail", form_id=questionnaire.form_id)
    context = {"form": form, "pairs": PAIRS, "questionnaire": questionnaire, "question": question}
    return render(request, "questionnaires/question_form.html", context)


@require_POST
def question_delete(request: HttpRequest, form_id: str, pk: int) -> HttpResponse:
    question = access_question(request, form_id, pk, "manage")
    user = actor(request)

    def write() -> None:
        services.question_delete(question=question, actor=user)
        messages.success(request, _("Question “%(name)s” deleted.") % {"name": question.name})

    return take_step(
        request, write, "questionnaires:detail", form_id=question.questionnaire.form_id
    )


@require_POST
def question_move(request: HttpRequest, form_id: str, pk: int) -> HttpResponse:
    question = access_question(request, form_id, pk, "manage")
    form = MoveForm(request.POST)
    user = actor(request)

    def write() -> None:
        if not form.is_valid():
            raise ValidationError(_("Say whether to move it up or down."))
        services.question_move(
            question=question, direction=form.cleaned_data["direction"], actor=user
        )
        messages.success(request, _("Question “%(name)s” moved.") % {"name": question.name})

    return take_step(
        request, write, "questionnaires:detail", form_id=question.questionnaire.form_id
    )
