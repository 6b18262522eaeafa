"""The newsletter's "meetings" source proposes the quarter's published meetings."""

import pytest

from rabatnet.meetings.newsletter_source import meeting_drafts
from rabatnet.newsletter.composition import SOURCES

pytestmark = pytest.mark.django_db


def test_the_source_is_registered():
    assert meeting_drafts in SOURCES["meeting"]


def test_the_quarter_meetings_are_proposed_in_both_languages(seed_meetings):
    drafts = meeting_drafts(2013, 3)
    assert [d.link for d in drafts] == ["/meetings/2013-09-dakar-thematic-meeting/"]
    draft = drafts[0]
    assert draft.kind == "meeting"
    assert "11 September 2013" in draft.body_en and "Belgium" in draft.body_en
    assert "11 septembre 2013" in draft.body_fr and "Belgique" in draft.body_fr
    assert len(meeting_drafts(2013, 4)) == 2  # Madrid: thematic meeting and Steering Committee
    assert meeting_drafts(2015, 1) == []


def test_an_unpublished_meeting_is_not_proposed(dakar):
    dakar.published = False
    dakar.save()
    assert meeting_drafts(2013, 3) == []
