"""The workshop's sign-in list, experts and outcomes: who manages the workshop adds,
marks and removes; every line is fetched within its workshop."""

from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rabatnet.core.access import actor, parse_number
from rabatnet.core.steps import take_step

from . import workshop_services as services
from .models import Outcome, Participant, Workshop, WorkshopExpert
from .permissions import access_workshop
from .workshop_forms import WorkshopExpertForm, WorkshopOutcomeForm, WorkshopParticipantForm
from .workshop_views import private

M = TypeVar("M", bound=Model)


def _line(model: type[M], workshop: Workshop, line: object) -> M:
    return get_object_or_404(model, pk=parse_number(line), workshop=workshop)


@require_http_methods(["GET", "POST"])
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A person of the country's directory (as consent shows them), or a typed name."""
    workshop = access_workshop(request, pk, "manage")
    form = WorkshopParticipantForm(
        request.POST or None, viewer=request.user, country=workshop.guide.country
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.participant_add(
                workshop=workshop,
                by=actor(request),
                person=d.get("person"),
                full_name=d.get("full_name") or "",
                organisation=d.get("organisation"),
                function=d.get("function") or "",
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The participant was added to the sign-in list."))
            return redirect("workshops:participant_add", pk=workshop.pk)
    context = {
        "workshop": workshop,
        "form": form,
        "participants": workshop.participants.select_related("organisation"),
    }
    return private(render(request, "questionnaires/workshop_participants.html", context))


@require_POST
def participant_sign(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    """Mark signed in (``attended=1``) or not (``attended=0``)."""
    workshop = access_workshop(request, pk, "manage")
    participant = _line(Participant, workshop, line)
    attended = request.POST.get("attended") == "1"
    user = actor(request)

    def write() -> None:
        services.participant_sign(
            workshop=workshop, participant=participant, attended=attended, by=user
        )
        messages.success(request, _("The sign-in list was updated."))

    return take_step(request, write, "workshops:participant_add", pk=workshop.pk)


@require_POST
def participant_remove(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    workshop = access_workshop(request, pk, "manage")
    participant = _line(Participant, workshop, line)
    user = actor(request)

    def write() -> None:
        services.participant_remove(workshop=workshop, participant=participant, by=user)
        messages.success(request, _("The participant was removed from the list."))

    return take_step(request, write, "workshops:participant_add", pk=workshop.pk)


@require_http_methods(["GET", "POST"])
def expert_add(request: HttpRequest, pk: int) -> HttpResponse:
    """An expert of the technical support roster, or a named one."""
    workshop = access_workshop(request, pk, "manage")
    form = WorkshopExpertForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.expert_add(
                workshop=workshop,
                by=actor(request),
                expert=d.get("expert"),
                full_name=d.get("full_name") or "",
                scope=d["scope"],
                role=d.get("role") or "",
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The expert was added."))
            return redirect("workshops:detail", pk=workshop.pk)
    context = {"workshop": workshop, "form": form}
    return private(render(request, "questionnaires/workshop_expert_form.html", context))


@require_POST
def expert_remove(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    workshop = access_workshop(request, pk, "manage")
    expert = _line(WorkshopExpert, workshop, line)
    user = actor(request)

    def write() -> None:
        services.expert_remove(workshop=workshop, line=expert, by=user)
        messages.success(request, _("The expert was removed."))

    return take_step(request, write, "workshops:detail", pk=workshop.pk)


@require_http_methods(["GET", "POST"])
def outcome_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A need, a challenge or a recommendation the workshop identified."""
    workshop = access_workshop(request, pk, "manage")
    form = WorkshopOutcomeForm(request.POST or None, initial={"kind": request.GET.get("kind", "")})
    if request.method == "POST" and form.is_valid():
        try:
            services.outcome_add(
                workshop=workshop,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                by=actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The outcome was added."))
            return redirect("workshops:detail", pk=workshop.pk)
    context = {"workshop": workshop, "form": form, "outcome": None}
    return private(render(request, "questionnaires/workshop_outcome_form.html", context))


@require_http_methods(["GET", "POST"])
def outcome_edit(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    workshop = access_workshop(request, pk, "manage")
    outcome = _line(Outcome, workshop, line)
    if outcome.candidates.exists():  # it stays as proposed: say so rather than offer a form
        messages.error(request, _("This outcome was proposed for the guide: it stays as proposed."))
        return redirect("workshops:detail", pk=workshop.pk)
    initial = {"kind": outcome.kind, "text": outcome.text, "seen": services.outcome_seen(outcome)}
    form = WorkshopOutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.outcome_update(
                workshop=workshop,
                outcome=outcome,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                by=actor(request),
                seen=form.cleaned_data["seen"],
            )
        except services.OutcomeChanged as exc:  # what was typed stays; saving again wins
            data = request.POST.copy()
            data["seen"] = services.outcome_seen(exc.current)
            form = WorkshopOutcomeForm(data, initial=initial)
            form.is_valid()
            form.add_error(None, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The outcome was saved."))
            return redirect("workshops:detail", pk=workshop.pk)
    context = {"workshop": workshop, "form": form, "outcome": outcome}
    return private(render(request, "questionnaires/workshop_outcome_form.html", context))


@require_POST
def outcome_remove(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    workshop = access_workshop(request, pk, "manage")
    outcome = _line(Outcome, workshop, line)
    user = actor(request)

    def write() -> None:
        services.outcome_remove(workshop=workshop, outcome=outcome, by=user)
        messages.success(request, _("The outcome was removed."))

    return take_step(request, write, "workshops:detail", pk=workshop.pk)
