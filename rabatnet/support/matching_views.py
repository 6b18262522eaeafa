"""Matching pages: the secretariat's ranked list and its proposals, the expert's private
answer link, and a signed-in expert's requests they were asked about.

Each view fetches through the access layer (``permissions.access_request``); the private link
is the only key of the answer page (unknown or cleared: 404).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor, grant, parse_number
from rabatnet.core.responses import kept_private
from rabatnet.core.steps import take_step

from . import matching_services as services
from .matching import rank_experts
from .matching_forms import AnswerForm, ProposeForm, RecordForm
from .models import Proposal, SupportRequest
from .permissions import access_request, own_expert_profile

# Keep the answer link out of caches, logs of other sites and the Referer header.


def _proposal(support_request: SupportRequest, pk: object) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("expert__person"),
        pk=parse_number(pk),
        request=support_request,
    )


def proposal_by_token(token: str) -> Proposal:
    """The proposal this private link names (404 for any other, a cleared one included)."""
    if not token or len(token) > 64:
        raise Http404("No such link.")
    proposal = (
        Proposal.objects.select_related("request__country", "request__theme", "expert__person")
        .filter(token=token)
        .first()
    )
    if proposal is None:
        raise Http404("No such link.")
    return proposal


def summary(support_request: SupportRequest) -> dict[str, object]:
    """What an expert reads of a request: never who filed it, nor the country's other files."""
    terms = support_request.terms.order_by("-number").first()
    return {
        "support_request": support_request,
        "objectives": list(support_request.objectives.all()),
        "terms": terms,
    }


@require_http_methods(["GET", "POST"])
def matching(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat: the roster ranked for the request, every factor and exclusion
    explained; ticking experts proposes them (computed again on the POST)."""
    support_request = access_request(request, pk, "manage")
    ranking = rank_experts(support_request)
    # Every expert the page lists may be posted: the service says, in words, why one that
    # is (or became) excluded cannot be proposed.
    listed = [c.facts for c in ranking.ranked] + [x.facts for x in ranking.excluded]
    choices = [(facts.pk, facts.name) for facts in listed]
    form = ProposeForm(request.POST or None, choices=choices)
    if request.method == "POST":
        if form.is_valid():
            try:
                created = services.proposals_create(
                    request=support_request,
                    experts=form.cleaned_data["experts"],
                    actor=actor(request),
                )
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request, _("Proposed: %(count)s expert(s).") % {"count": len(created)}
                )
            return redirect("matching:matching", pk=support_request.pk)
        for error in form.errors.get("experts", []):
            messages.error(request, str(error))
        return redirect("matching:matching", pk=support_request.pk)
    proposals = support_request.proposals.select_related("expert__person").order_by("rank")
    context = {
        "support_request": support_request,
        "ranking": ranking,
        "form": form,
        "open": services.matching_open(support_request),
        # One answer form per asked expert, its ids its own.
        "proposals": [(p, RecordForm(auto_id=f"record-{p.pk}-%s")) for p in proposals],
    }
    return render(request, "support/matching_list.html", context)


@require_POST
def ask(request: HttpRequest, pk: int, proposal: int) -> HttpResponse:
    """The secretariat asks a proposed expert (a private link by e-mail)."""
    support_request = access_request(request, pk, "manage")
    item = _proposal(support_request, proposal)
    user = actor(request)

    def write() -> None:
        services.proposal_ask(proposal=item, actor=user)
        messages.success(
            request, _("Asked: %(name)s gets the link by e-mail.") % {"name": item.expert}
        )

    return take_step(request, write, "matching:matching", pk=support_request.pk)


@require_POST
def withdraw(request: HttpRequest, pk: int, proposal: int) -> HttpResponse:
    """The secretariat withdraws a proposal; the expert's link stops working."""
    support_request = access_request(request, pk, "manage")
    item = _proposal(support_request, proposal)
    user = actor(request)

    def write() -> None:
        services.proposal_withdraw(proposal=item, actor=user)
        messages.success(request, _("Withdrawn: %(name)s.") % {"name": item.expert})

    return take_step(request, write, "matching:matching", pk=support_request.pk)


@require_POST
def record(request: HttpRequest, pk: int, proposal: int) -> HttpResponse:
    """The secretariat records an answer the expert gave by telephone or otherwise."""
    support_request = access_request(request, pk, "manage")
    item = _proposal(support_request, proposal)
    form = RecordForm(request.POST)
    user = actor(request)

    def write() -> None:
        if not form.is_valid():
            raise ValidationError(_("Choose accepted or declined (the note is optional)."))
        services.proposal_record(
            proposal=item,
            answer=form.cleaned_data["answer"],
            note=form.cleaned_data["note"],
            actor=user,
        )
        messages.success(request, _("The answer was recorded."))

    return take_step(request, write, "matching:matching", pk=support_request.pk)


@login_not_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The expert, through the private link: the request in brief, accept or decline. An
    answer given stays (a second one changes nothing); a withdrawn proposal says so."""
    proposal = proposal_by_token(token)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and proposal.status == Proposal.Status.ASKED and form.is_valid():
        proposal = services.proposal_answer(
            proposal=proposal, answer=form.cleaned_data["answer"], note=form.cleaned_data["note"]
        )
        form = AnswerForm()
    context = {**summary(proposal.request), "proposal": proposal, "form": form}
    response = render(request, "support/matching_answer.html", context)
    return kept_private(response)  # the token is in the address


@require_GET
def asked_list(request: HttpRequest) -> HttpResponse:
    """A signed-in expert: the requests they were asked about, with their answer."""
    expert = own_expert_profile(request.user)
    grant(request, expert is not None)
    proposals = (
        Proposal.objects.filter(
            expert=expert,
            status__in=[
                Proposal.Status.ASKED,
                Proposal.Status.ACCEPTED,
                Proposal.Status.DECLINED,
            ],
        )
        .select_related("request__country")
        .order_by("-asked_at", "-pk")
    )
    return render(request, "support/matching_asked_list.html", {"proposals": list(proposals)})


@require_GET
def asked_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A signed-in expert: a request they were asked about, as the private link shows it."""
    support_request = access_request(request, pk, "expert")
    proposal = get_object_or_404(
        Proposal, request=support_request, expert=own_expert_profile(request.user)
    )
    context = {**summary(support_request), "proposal": proposal}
    return render(request, "support/matching_asked_detail.html", context)
