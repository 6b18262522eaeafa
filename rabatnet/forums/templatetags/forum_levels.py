"""``{% current_level target as level %}``: the signed-in member's level for a forum or thread."""

from typing import Any

from django import template

from rabatnet.accounts.models import User

from ..level_services import level_of
from ..models import Forum, Thread

register = template.Library()


@register.simple_tag(takes_context=True)
def current_level(context: template.Context, target: Forum | Thread) -> dict[str, Any]:
    """``{"level": ..., "own": ..., "member": ...}`` for the request's user (see level_of)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {
            "level": "",
            "label": "",
            "own": False,
            "member": False,
            "is_thread": False,
            "choices": [],
        }
    return level_of(user=user, target=target)
