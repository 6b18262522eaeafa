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
from .guide import Edition, EditionRedaction, Guide, GuideEvent, Language, PdfBuild, Stage

__all__ = [
    "ActorRole",
    "Challenge",
    "ChallengeType",
    "ContentItem",
    "CorrectiveAction",
    "Edition",
    "EditionRedaction",
    "Guide",
    "GuideEvent",
    "Language",
    "PdfBuild",
    "PolicyStage",
    "Practice",
    "Recommendation",
    "Stage",
    "WorkgroupMember",
]
