"""What the request page's matching panel shows to whom (``support/_detail_matching.html``)."""

from django import template

from rabatnet.core.access import AnyUser

from ..models import Proposal, SupportRequest
from ..permissions import can_manage_request, can_view_request, own_expert_profile

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
def has_expert_profile(user: AnyUser) -> bool:
    """Whether the private home offers "requests you were asked about"."""
    return own_expert_profile(user) is not None
