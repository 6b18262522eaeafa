"""Who may see and change follow-up actions (see ``rabatnet.core.access``).

The actions of a published meeting are public (title, owner, deadline, objective, status;
not the progress note). The secretariat creates and edits them; the focal point of the
owner country updates the status and progress note of that country's actions only.
"""

import re

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, check, parse_number
from rabatnet.network.models import Role
from rabatnet.network.permissions import has_role_for_country, is_secretariat

from .models import FollowUpAction, Meeting

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def parse_meeting_slug(slug: str) -> str:
    """The slug, or 404 for anything that cannot be a meeting's slug (no query is made)."""
    if not _SLUG.fullmatch(slug or ""):
        raise Http404("Not a meeting.")
    return slug


def is_owner_focal_point(user: AnyUser, action: FollowUpAction) -> bool:
    return has_role_for_country(user, action.owner_country, [Role.FOCAL_POINT])


def can_view_meeting_actions(user: AnyUser, meeting: Meeting) -> bool:
    """A published meeting's actions are public; a draft's are the secretariat's."""
    return meeting.published or bool(is_secretariat.test(user))


def can_create_action(user: AnyUser, meeting: Meeting) -> bool:
    return bool(is_secretariat.test(user))


def can_view_action(user: AnyUser, action: FollowUpAction) -> bool:
    return (
        action.meeting.published
        or bool(is_secretariat.test(user))
        or is_owner_focal_point(user, action)
    )


def can_edit_action(user: AnyUser, action: FollowUpAction) -> bool:
    return bool(is_secretariat.test(user))


def can_progress_action(user: AnyUser, action: FollowUpAction) -> bool:
    """Status and progress note: the secretariat, or the owner country's focal point."""
    return bool(is_secretariat.test(user)) or is_owner_focal_point(user, action)


MEETING_RULES = {"view": can_view_meeting_actions, "create": can_create_action}
ACTION_RULES = {"view": can_view_action, "edit": can_edit_action, "progress": can_progress_action}


def access_meeting_actions(request: HttpRequest, slug: str, verb: str) -> Meeting:
    """The meeting whose actions are asked for, to "view" them or "create" one."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("theme"), slug=parse_meeting_slug(slug)
    )
    return check(request, MEETING_RULES, verb, meeting)


def access_action(request: HttpRequest, slug: str, pk: object, verb: str) -> FollowUpAction:
    """The action ``pk`` of the meeting ``slug``, to "view", "edit" or "progress"."""
    action = get_object_or_404(
        FollowUpAction.objects.select_related(
            "meeting", "owner_country", "owner_organisation", "objective", "conclusion"
        ),
        pk=parse_number(pk),
        meeting__slug=parse_meeting_slug(slug),
    )
    return check(request, ACTION_RULES, verb, action)
