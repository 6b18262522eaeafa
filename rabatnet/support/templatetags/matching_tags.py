"""What the request page's matching panel shows to whom (``support/_detail_matching.html``)."""

from collections.abc import Iterable

from django import template

from rabatnet.core.access import AnyUser
from rabatnet.network.models import Appointment, Role

from ..models import Proposal, SupportRequest
from ..permissions import can_manage_request, can_view_request

register = template.Library()


@register.simple_tag
def matching_panel(support_request: SupportRequest, user: AnyUser) -> dict[str, object]:
    """The secretariat: every proposal with its status and times. The country: the names of
    the experts who accepted, nothing else (no scores, no rates). Anybody else: nothing."""
    if can_manage_request(user, support_request):
        proposals = support_request.proposals.select_related("expert__person").order_by("rank")
        return {"manage": True, "proposals": list(proposals), "accepted": []}
    if can_view_request(user, support_request):
        accepted = support_request.proposals.filter(status=Proposal.Status.ACCEPTED).select_related(
            "expert__person"
        )
        return {"manage": False, "proposals": [], "accepted": [p.expert.person for p in accepted]}
    return {"manage": False, "proposals": [], "accepted": []}


@register.filter
def holds_expert_role(appointments: Iterable[Appointment]) -> bool:
    """Whether the private home (its appointments in force, already read) offers
    "requests you were asked about"."""
    return any(a.role == Role.EXPERT for a in appointments)
