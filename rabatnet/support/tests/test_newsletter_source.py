"""The newsletter's technical support item: the quarter's requests received and missions
deployed, by kind, from the public requests only, counts and nothing else."""

from datetime import UTC, datetime

import pytest

from rabatnet.newsletter.composition import SOURCES, compose
from rabatnet.newsletter.models import Item
from rabatnet.support.models import Stage, StageEvent, SupportKind
from rabatnet.support.newsletter_source import quarter_figures, support_drafts

from .factories import make_request

pytestmark = pytest.mark.django_db


def _at(month: int, day: int, year: int = 2026) -> datetime:
    return datetime(year, month, day, 10, 0, tzinfo=UTC)


def _deployed(request, at: datetime) -> None:
    StageEvent.objects.create(
        request=request, action="deploy", from_stage=Stage.APPROVED, to_stage=Stage.DEPLOYED, at=at
    )


def test_registered_under_support():
    assert support_drafts in SOURCES[Item.Kind.SUPPORT]


def test_counts_by_kind_in_the_quarter_public_only():
    make_request(at=_at(4, 2), title="Secret title of Senegal")
    make_request("MLI", at=_at(6, 30), kind=SupportKind.GUIDELINES)
    make_request("MLI", at=_at(5, 5), public=False)  # not counted in the public figures
    make_request(at=_at(3, 31))  # the quarter before
    old = make_request("GHA", at=_at(1, 10), kind=SupportKind.EXPERT_MISSION)
    _deployed(old, _at(4, 20))
    _deployed(old, _at(5, 20))  # arrived again (reopened): counted once, at its first arrival
    hidden = make_request("GHA", at=_at(1, 11), public=False)
    _deployed(hidden, _at(4, 21))
    received, deployed = quarter_figures(2026, 2)
    assert received == {SupportKind.TRAINING_WORKSHOP: 1, SupportKind.GUIDELINES: 1}
    assert deployed == {SupportKind.EXPERT_MISSION: 1}
    (draft,) = support_drafts(2026, 2)
    assert draft.kind == Item.Kind.SUPPORT and draft.source == "support.figures:2026-Q2"
    assert draft.title_en == "Technical support in figures, Q2 2026"
    assert "Requests received: 2 (counted in the public figures)." in draft.body_en
    assert "guidelines: 1; training workshop: 1" in draft.body_en
    assert "Missions deployed: 1" in draft.body_en and "expert mission: 1" in draft.body_en
    assert draft.body_fr and draft.title_fr and draft.link == "/support/"
    for text in (draft.body_en, draft.body_fr, draft.title_en):
        assert "Secret" not in text and "Senegal" not in text and "Mali" not in text


def test_a_quarter_without_support_has_no_item():
    make_request(at=_at(1, 5))
    assert support_drafts(2025, 4) == []
    assert not [d for d in compose(2025, 4) if d.kind == Item.Kind.SUPPORT]
    assert [d.source for d in compose(2026, 1) if d.kind == Item.Kind.SUPPORT] == [
        "support.figures:2026-Q1"
    ]
