"""A guide's life as one table: ``(stage, action) -> stage``, and who may take each action.

Views and templates ask ``open_actions`` what to offer; each service in ``services.py``
locks the guide (and its edition), then asks ``transition`` whether the action still
applies, which refuses with a translated message when it does not (somebody else was
faster). Starting a guide is not in the table: before it the guide does not exist
(``permissions.can_start_guide``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rabatnet.core.access import AnyUser

from .models import Edition, Guide, Stage
from .permissions import can_edit_guide, can_endorse_guide, can_publish_guide

# The steps a country takes by itself before drafting, in order. Each is also the name
# of the action that records it: the country moves between them freely, either way.
PREPARATION = [
    Stage.EXPRESSION_OF_INTEREST,
    Stage.STAKEHOLDERS,
    Stage.QUESTIONNAIRES,
    Stage.WORKSHOP,
    Stage.DRAFTING,
]
SUBMIT = "submit"
ENDORSE = "endorse"
SEND_BACK = "send_back"
PUBLISH = "publish"
FOLLOW_UP = "follow_up"

Rule = Callable[[AnyUser, Guide], bool]

# Who may take each action.
RULES: dict[str, Rule] = {
    **{str(step): can_edit_guide for step in PREPARATION},
    SUBMIT: can_edit_guide,
    ENDORSE: can_endorse_guide,
    SEND_BACK: can_endorse_guide,
    PUBLISH: can_publish_guide,
    FOLLOW_UP: can_edit_guide,
}


@dataclass(frozen=True)
class Transition:
    """Where an action leads; for a decision, the edition's status before and after."""

    target: str
    edition_from: str = ""
    edition_to: str = ""


TRANSITIONS: dict[tuple[str, str], Transition] = {
    **{(str(s), str(step)): Transition(step) for s in PREPARATION for step in PREPARATION},
    **{(str(s), SUBMIT): Transition(Stage.SUBMITTED) for s in (Stage.DRAFTING, Stage.PUBLISHED)},
    (Stage.FOLLOW_UP, SUBMIT): Transition(Stage.SUBMITTED),
    (Stage.SUBMITTED, ENDORSE): Transition(
        Stage.ENDORSED, Edition.Status.SUBMITTED, Edition.Status.ENDORSED
    ),
    (Stage.SUBMITTED, SEND_BACK): Transition(
        Stage.DRAFTING, Edition.Status.SUBMITTED, Edition.Status.RETURNED
    ),
    (Stage.ENDORSED, PUBLISH): Transition(
        Stage.PUBLISHED, Edition.Status.ENDORSED, Edition.Status.PUBLISHED
    ),
    (Stage.PUBLISHED, FOLLOW_UP): Transition(Stage.FOLLOW_UP),
}


def may_take(user: AnyUser, guide: Guide, action: str) -> bool:
    """True if the user holds the right for ``action`` on this guide (whatever its stage)."""
    rule = RULES.get(action)
    return rule is not None and rule(user, guide)


def open_actions(user: AnyUser, guide: Guide) -> list[str]:
    """The actions this user may take on the guide where it stands now."""
    return [
        action
        for stage, action in TRANSITIONS
        if stage == guide.stage and may_take(user, guide, action)
    ]


def transition(guide: Guide, action: str, edition: Edition | None = None) -> Transition:
    """Where ``action`` takes the guide (and its edition) now; ValidationError, in words,
    if it does not apply any more. Call it on rows read under ``select_for_update``."""
    step = TRANSITIONS.get((guide.stage, action))
    if step is None:
        raise ValidationError(
            _("This step does not apply to a guide at the stage “%(stage)s”."),
            code="stage",
            params={"stage": guide.get_stage_display()},
        )
    if step.edition_from and (edition is None or edition.status != step.edition_from):
        raise ValidationError(
            _("This decision no longer applies: edition %(number)s is “%(status)s” now."),
            code="edition_status",
            params={
                "number": edition.number if edition else "",
                "status": edition.get_status_display() if edition else "",
            },
        )
    return step
