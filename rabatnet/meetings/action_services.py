"""Writes of follow-up actions: each locks what it changes and records who made the change
(simple-history), refusing a stale edit (``save_versioned``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor, save_versioned

from .action_forms import ACTION_FIELDS, PROGRESS_FIELDS
from .models import Conclusion, FollowUpAction, Meeting


@transaction.atomic
def action_create(*, meeting: Meeting, actor: User | None, **values: object) -> FollowUpAction:
    """A new action of ``meeting`` (locked while the action is added)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    conclusion = values.get("conclusion")
    if isinstance(conclusion, Conclusion) and conclusion.meeting_id != meeting.pk:
        raise ValidationError(_("This conclusion is not one of the meeting's."))
    action = FollowUpAction(meeting=meeting, **{k: values[k] for k in ACTION_FIELDS if k in values})
    action.full_clean()
    record_actor(action, actor)
    action.save()
    return action


@transaction.atomic
def action_update(
    *, action: FollowUpAction, expected_version: int, actor: User | None
) -> FollowUpAction:
    """Save the secretariat's edit of ``action`` (every field)."""
    action.full_clean()
    record_actor(action, actor)
    return save_versioned(obj=action, expected_version=expected_version, fields=ACTION_FIELDS)


@transaction.atomic
def action_progress(
    *, action: FollowUpAction, expected_version: int, actor: User | None
) -> FollowUpAction:
    """Save a new status and progress note of ``action``; refused if its owner changed since
    the form was opened (the focal point who opened it may no longer answer for it)."""
    current = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    if current.owner_country_id != action.owner_country_id:
        raise ValidationError(
            _("The action was given to another owner meanwhile: nothing was saved.")
        )
    action.full_clean()
    record_actor(action, actor)
    return save_versioned(obj=action, expected_version=expected_version, fields=PROGRESS_FIELDS)
