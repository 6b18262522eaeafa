"""The meetings of the dialogue: the meeting and its programme, registration, follow-up."""

from .actions import FollowUpAction
from .meeting import (
    AgendaItem,
    Conclusion,
    Document,
    DocumentFile,
    Meeting,
    MeetingKind,
    Participation,
    Session,
)
from .registration import CalendarToken, Delegate, Registration

__all__ = [
    "AgendaItem",
    "CalendarToken",
    "Conclusion",
    "Delegate",
    "Document",
    "DocumentFile",
    "FollowUpAction",
    "Meeting",
    "MeetingKind",
    "Participation",
    "Registration",
    "Session",
]
