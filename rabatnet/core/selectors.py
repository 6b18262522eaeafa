"""Reads shared by every app."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils.translation import get_language


def dialogue_name(language: str | None = None) -> str:
    """The dialogue's name in ``language`` (the active one by default), else in English."""
    names = settings.DIALOGUE_NAME
    return names.get(language or get_language() or "en") or names["en"]


def database_health() -> str | None:
    """None when the database answers a query, else the reason it did not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None
