"""Typed helpers for tests: narrow what may be None, so mypy needs no ignore comment."""

from typing import TypeVar

T = TypeVar("T")


def present(value: T | None) -> T:
    """``value``, failing the test where it is None (a missing row, a regex that found nothing)."""
    assert value is not None
    return value
