"""The mission block of a request's page (``support/_detail_mission.html``): the mission's
dates, the report, the evaluation in brief, the appraisals (the secretariat's), and links
to the forms the reader may use where the request stands."""

from typing import Any

from django import template

from rabatnet.core.access import AnyUser

from ..file_data import build_file
from ..models import SupportRequest
from ..permissions import can_view_request

register = template.Library()


@register.inclusion_tag("support/mission_block.html")
def mission_block(support_request: SupportRequest, user: AnyUser) -> dict[str, Any]:
    data = build_file(support_request, user)
    return {
        "support_request": support_request,
        "mission": data.mission,
        "evaluation": data.evaluation,
        "average": data.evaluation_average,
        "appraisals": data.experts if data.secretariat else [],
        "links": data.links,
        "can_file": can_view_request(user, support_request),
    }
