"""Stakeholders of an expression of interest: identify, invite, remove (who edits the guide),
and the invited person's answer through their personal link (public, no account).

The link page is never cached and never sends its address to another site; a bad, expired,
reused or superseded link says so and shows nothing of the guide (404 or 410).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rabatnet.core.access import actor, parse_number
from rabatnet.core.responses import kept_private
from rabatnet.core.steps import take_step

from . import stakeholder_services as services
from .interest_forms import InvitationAnswerForm, StakeholderForm
from .models import ExpressionOfInterest, Stakeholder
from .permissions import access_interest
from .stakeholder_invitations import read_token, withdrawn


def _stakeholder(interest: ExpressionOfInterest, pk: object) -> Stakeholder:
    return get_object_or_404(
        Stakeholder.objects.select_related("guide__expression_of_interest", "person"),
        pk=parse_number(pk),
        guide=interest.guide,
    )


@require_http_methods(["GET", "POST"])
def add(request: HttpRequest, pk: int) -> HttpResponse:
    """Identify an institution (chosen or new) and, optionally, a person in it."""
    interest = access_interest(request, pk, "stakeholders")
    form = StakeholderForm(request.POST or None, country=interest.country, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.stakeholder_identify(
                interest=interest,
                organisation=data["organisation"],
                new_organisation=form.new_organisation(),
                person=data["person"],
                new_person=form.new_person(),
                role=data["role"],
                actor=actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The stakeholder is on the list."))
            return redirect("interest:detail", pk=interest.pk)
    context = {"interest": interest, "form": form}
    return render(request, "questionnaires/stakeholder_form.html", context)


@require_POST
def invite(request: HttpRequest, pk: int, stakeholder: int) -> HttpResponse:
    interest = access_interest(request, pk, "stakeholders")
    found = _stakeholder(interest, stakeholder)

    def write() -> None:
        services.stakeholder_invite(stakeholder=found, actor=actor(request))
        messages.success(request, _("The invitation is on its way."))

    return take_step(request, write, "interest:detail", pk=interest.pk)


@require_POST
def remove(request: HttpRequest, pk: int, stakeholder: int) -> HttpResponse:
    interest = access_interest(request, pk, "stakeholders")
    found = _stakeholder(interest, stakeholder)

    def write() -> None:
        services.stakeholder_remove(stakeholder=found, actor=actor(request))
        messages.success(request, _("The stakeholder was removed from the list."))

    return take_step(request, write, "interest:detail", pk=interest.pk)


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The invited person, through their link: the guide in brief, accept or decline, once."""
    stakeholder, problem = read_token(token)
    form = InvitationAnswerForm(request.POST or None)
    answered = None
    status = 200
    if stakeholder is None:
        status = 410 if problem in ("used", "withdrawn") else 404
    elif request.method == "POST" and form.is_valid():
        try:
            answered = services.stakeholder_answer(
                stakeholder=stakeholder, accept=form.cleaned_data["answer"] == "accept"
            )
        except ValidationError:
            status, problem = 410, "withdrawn" if withdrawn(stakeholder) else "used"
        stakeholder = None
    context = {"stakeholder": stakeholder, "answered": answered, "form": form, "problem": problem}
    response = render(request, "questionnaires/stakeholder_invitation.html", context, status=status)
    return kept_private(response)  # the token is in the address
