"""A country's user's guide: its living records (the draft) and its frozen editions."""

from .content import (
    ActorRole,
    Challenge,
    ChallengeType,
    ContentItem,
    CorrectiveAction,
    PolicyStage,
    Practice,
    Recommendation,
    WorkgroupMember,
)
from .guide import Edition, Guide, GuideEvent, Language, Stage

__all__ = [
    "ActorRole",
    "Challenge",
    "ChallengeType",
    "ContentItem",
    "CorrectiveAction",
    "Edition",
    "Guide",
    "GuideEvent",
    "Language",
    "PolicyStage",
    "Practice",
    "Recommendation",
    "Stage",
    "WorkgroupMember",
]
