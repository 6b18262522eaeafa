"""The follow-up of the strategy: initiatives, collection cycles, self-assessments."""

from .cycles import Assessment, Cycle, CycleReminder, ProgressStatus
from .initiatives import Contributor, Initiative, InitiativeSource, ReviewState

__all__ = [
    "Assessment",
    "Contributor",
    "Cycle",
    "CycleReminder",
    "Initiative",
    "InitiativeSource",
    "ProgressStatus",
    "ReviewState",
]
