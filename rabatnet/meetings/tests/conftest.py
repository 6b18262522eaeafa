"""Fixtures of the meetings tests, usable by any app's tests that need meetings.

``seed_meetings`` loads the seed's 2013–2014 meetings (data/meetings/seed_meetings.json) the
way ``make setup`` does; ``media_root`` keeps uploaded documents in a temporary folder.
"""

import io
from typing import Any

import pytest
from django.core.management import call_command

from rabatnet.meetings.models import Meeting


def load_seed_meetings() -> dict[str, Meeting]:
    """Load the seed's meetings; they are returned by slug."""
    call_command("load_meetings", stdout=io.StringIO())
    return {m.slug: m for m in Meeting.objects.all()}


@pytest.fixture
def seed_meetings(db: Any) -> dict[str, Meeting]:
    return load_seed_meetings()


@pytest.fixture
def dakar(seed_meetings: dict[str, Meeting]) -> Meeting:
    return seed_meetings["2013-09-dakar-thematic-meeting"]


@pytest.fixture
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
