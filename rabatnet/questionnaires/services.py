"""Writes shared by every part of the guide's making: the guide's stage follows the work,
and answers and workshops propose candidate records.

Each part has its own services module (``interest_services``, ``invitation_services``,
``submission_import``, ``compilation_services``, ``workshop_services``, ...); these two are
the ones they all call.
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.guides import lifecycle
from rabatnet.guides.models import Guide, Stage
from rabatnet.guides.services import guide_advance

from .models import Candidate, Outcome, Response


@transaction.atomic
def guide_follows(*, guide: Guide, stage: str, actor: User | None, comment: str = "") -> bool:
    """Move the guide forward to ``stage`` if it is still preparing and behind it.

    The work leads, the stage follows: never backwards, never past drafting (submitting,
    endorsing and publishing are decisions, in ``guides``). True if it moved. The guide is
    read again under its row lock by ``guide_advance``; a guide already further is left.
    """
    locked = Guide.objects.select_for_update().get(pk=guide.pk)
    if locked.stage not in lifecycle.PREPARATION or stage not in lifecycle.PREPARATION:
        return False
    if Stage.position(locked.stage) >= Stage.position(stage):
        return False
    guide_advance(guide=locked, stage=stage, actor=actor, comment=comment)
    guide.refresh_from_db()
    return True


def country_guides_follow(
    *, country: Country, stage: str, actor: User | None, comment: str = ""
) -> int:
    """``guide_follows`` for each of the country's guides (one per language); how many moved."""
    moved = 0
    for guide in Guide.objects.filter(country=country).order_by("pk"):
        moved += guide_follows(guide=guide, stage=stage, actor=actor, comment=comment)
    return moved


def candidate_propose(
    *,
    guide: Guide,
    kind: str,
    data: dict[str, Any],
    response: Response | None = None,
    row: int = 0,
    outcome: Outcome | None = None,
    is_example: bool = False,
) -> Candidate:
    """Record a candidate record (pending review) proposed by a response row or an outcome.

    Proposing the same response row and kind, or the same outcome, again returns the one
    already there, unchanged (the review may have started): proposals never overwrite.
    """
    if (response is None) == (outcome is None):
        raise ValueError(_("A candidate comes from a response or a workshop outcome."))
    if kind not in Candidate.Kind.values:
        raise ValueError(f"Unknown candidate kind: {kind!r}")
    lookup: dict[str, Any] = (
        {"response": response, "row": row, "kind": kind} if response else {"outcome": outcome}
    )
    candidate, _created = Candidate.objects.get_or_create(
        **lookup,
        defaults={"guide": guide, "kind": kind, "data": data, "is_example": is_example},
    )
    return candidate
