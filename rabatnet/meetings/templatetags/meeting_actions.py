"""``{% open_actions_of_previous meeting %}``: the partial ``meetings/_open_actions.html``
for any page that shows a meeting (two queries)."""

from typing import Any

from django import template

from rabatnet.meetings.action_selectors import open_actions_of_previous as select
from rabatnet.meetings.models import Meeting

register = template.Library()


@register.inclusion_tag("meetings/_open_actions.html")
def open_actions_of_previous(meeting: Meeting) -> dict[str, Any]:
    return {"previous": select(meeting)}
