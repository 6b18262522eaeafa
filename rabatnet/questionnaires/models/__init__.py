"""The guide's making: expressions of interest, questionnaires, answers, workshops,
candidate records. One module per part; everything is importable from here."""

from .answers import Answer, ImportBatch, Invitation, Response
from .compilation import Candidate
from .definition import (
    CHOICE_CODE,
    RESERVED_FORM_IDS,
    XLSFORM_NAME,
    Choice,
    ChoiceList,
    Feeds,
    GuidePart,
    Question,
    Questionnaire,
)
from .interest import ExpressionOfInterest, Stakeholder
from .workshops import Outcome, Participant, Workshop, WorkshopExpert

__all__ = [
    "CHOICE_CODE",
    "RESERVED_FORM_IDS",
    "XLSFORM_NAME",
    "Answer",
    "Candidate",
    "Choice",
    "ChoiceList",
    "ExpressionOfInterest",
    "Feeds",
    "GuidePart",
    "ImportBatch",
    "Invitation",
    "Outcome",
    "Participant",
    "Question",
    "Questionnaire",
    "Response",
    "Stakeholder",
    "Workshop",
    "WorkshopExpert",
]
