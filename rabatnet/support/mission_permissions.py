"""Who may enter a mission, upload and read its report, evaluate it and appraise its experts.

Built on ``permissions`` (the contract's rules): the mission's dates and the appraisals are
the secretariat's (``can_manage_request``); the evaluation is the country's requesters'
(``can_speak_for_request``, the rule of ``lifecycle.EVALUATE``); the report is uploaded by
the secretariat or by an expert whose proposal for the request was accepted, and read by
those and the country's readers. Whether the request is at the right stage is not a
question of access: the pages say so in words, and the services refuse (decision 0019:
unknown 404, anonymous the sign-in page, anybody else 403).
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, check, parse_number

from .models import Expert, Proposal, SupportRequest
from .permissions import (
    can_manage_request,
    can_speak_for_request,
    can_view_request,
    own_expert_profile,
)


def accepted_experts(request: SupportRequest) -> list[Expert]:
    """The experts whose proposal for the request was accepted, by rank."""
    return [
        p.expert
        for p in request.proposals.filter(status=Proposal.Status.ACCEPTED)
        .select_related("expert__person")
        .order_by("rank", "pk")
    ]


def is_accepted_expert(user: AnyUser, request: SupportRequest) -> bool:
    """``user`` is an expert whose proposal for this request was accepted."""
    expert = own_expert_profile(user)
    return (
        expert is not None
        and request.proposals.filter(expert=expert, status=Proposal.Status.ACCEPTED).exists()
    )


def can_enter_mission(user: AnyUser, request: SupportRequest) -> bool:
    """The mission's dates and place (and deploying): the secretariat."""
    return can_manage_request(user, request)


def can_upload_report(user: AnyUser, request: SupportRequest) -> bool:
    """The mission report: the secretariat, or an expert accepted for the request."""
    return can_manage_request(user, request) or is_accepted_expert(user, request)


def can_read_report(user: AnyUser, request: SupportRequest) -> bool:
    """The country's readers, the secretariat, the accepted experts."""
    return can_view_request(user, request) or is_accepted_expert(user, request)


def can_evaluate_request(user: AnyUser, request: SupportRequest) -> bool:
    """The country's evaluation: its focal points and coordinating authority (and the
    secretariat recording what the country said): the rule of ``lifecycle.EVALUATE``."""
    return can_speak_for_request(user, request)


def can_appraise_on_request(user: AnyUser, request: SupportRequest) -> bool:
    """Appraise the experts of a request: the secretariat."""
    return can_manage_request(user, request)


MISSION_RULES = {
    "mission": can_enter_mission,
    "upload": can_upload_report,
    "report": can_read_report,
    "evaluate": can_evaluate_request,
    "appraise": can_appraise_on_request,
    "file": can_view_request,
}


def access_mission_request(request: HttpRequest, pk: object, verb: str) -> SupportRequest:
    """The support request, for its "mission", to "upload" or read its "report", to
    "evaluate" it, "appraise" its experts, or read its "file"."""
    support_request = get_object_or_404(
        SupportRequest.objects.select_related("country", "theme", "filed_by"),
        pk=parse_number(pk),
    )
    return check(request, MISSION_RULES, verb, support_request)


def accepted_expert_or_404(request: SupportRequest, pk: object) -> Expert:
    """One of the request's accepted experts (404 for any other expert)."""
    return get_object_or_404(
        Expert.objects.select_related("person"),
        pk=parse_number(pk),
        proposals__request=request,
        proposals__status=Proposal.Status.ACCEPTED,
    )
