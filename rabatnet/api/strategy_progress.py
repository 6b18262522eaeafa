"""Progress of the strategy in the API (verified assessments only)."""

from ninja import Router

router = Router(tags=["strategy"])
