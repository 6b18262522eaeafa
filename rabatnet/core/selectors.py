"""Reads shared by every app."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils.translation import get_language

logger = logging.getLogger(__name__)


def dialogue_name(language: str | None = None) -> str:
    """The dialogue's name in ``language`` (the active one by default), else in English."""
    names = settings.DIALOGUE_NAME
    return names.get(language or get_language() or "en") or names["en"]


def database_health() -> str | None:
    """None when the database answers a query, else a short public reason.

    The reason names the kind of failure only: the driver's message can carry the
    host, port or role, and /healthz is public. The whole message goes to the log.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.exception("Health check: the database did not answer")
        return f"unavailable ({type(exc).__name__})"
    return None
