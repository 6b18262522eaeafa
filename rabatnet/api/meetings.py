"""Meetings in the API (published meetings only)."""

from ninja import Router

router = Router(tags=["meetings"])
