"""On-demand technical support: requests, their stages, the expert roster, missions."""

from .experts import Availability, Expert, SupportLanguage
from .missions import Appraisal, Evaluation, Mission, Proposal
from .requests import ENDED_STAGES, Stage, StageEvent, SupportKind, SupportRequest, TermsOfReference

__all__ = [
    "ENDED_STAGES",
    "Stage",
    "Appraisal",
    "Availability",
    "Evaluation",
    "Expert",
    "Mission",
    "Proposal",
    "StageEvent",
    "SupportKind",
    "SupportLanguage",
    "SupportRequest",
    "TermsOfReference",
]
