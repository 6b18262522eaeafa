"""Initiatives in the API (verified initiatives only)."""

from ninja import Router

router = Router(tags=["strategy"])
