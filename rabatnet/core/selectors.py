"""Reads shared by every app."""

from django.db import DatabaseError, connection


def database_health() -> str | None:
    """None when the database answers a query, else the reason it did not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None
