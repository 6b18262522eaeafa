"""The public framework pages: the list with predecessors and successors, a framework with
its pillars, objectives, roadmap actions and per objective the meetings and their actions."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from rabatnet.core import revisions
from rabatnet.core.public_cache import PUBLIC_PAGES
from rabatnet.meetings.tests.action_samples import action, conclusion, meeting
from rabatnet.strategy.models import Objective

pytestmark = pytest.mark.django_db
ROME = Path(__file__).parents[2] / "strategy" / "tests" / "fixtures" / "rome_programme.json"


@pytest.fixture
def rome():
    call_command("load_reference", "--framework", str(ROME), stdout=io.StringIO())


def test_the_list_shows_each_framework_with_its_predecessor_and_successors(client, rome):
    page = client.get(reverse("frameworks:list")).content.decode()
    assert "Dakar Strategy" in page and "Test framework following Dakar" in page
    assert "Followed by:" in page and "/en/strategy/frameworks/rome-programme/" in page
    fr = client.get("/fr/strategy/frameworks/").content.decode()
    assert "Stratégie de Dakar" in fr and "Cadre d&#x27;essai qui suit Dakar" in fr


def test_the_dakar_page_has_pillars_objectives_and_the_roadmap_action(client):
    page = client.get(reverse("frameworks:detail", kwargs={"slug": "dakar-strategy"}))
    html = page.content.decode()
    assert html.count('<article id="objective-') == 10
    assert "Fight against irregular migration" in html and "Cross-cutting objectives" in html
    assert "it is indispensible to collect data on migration movements" in html
    fr = client.get("/fr/strategy/frameworks/dakar-strategy/").content.decode()
    assert "il est indispensable de collecter des données" in fr


def test_objectives_show_their_published_meetings_and_action_counts(client):
    ten = Objective.objects.get(framework__slug="dakar-strategy", number=10)
    dakar = meeting("dakar-2013")
    dakar.objectives.add(ten)
    conclusion(dakar)
    action(dakar, "One")
    action(dakar, "Two", status="done")
    action(dakar, "Three", status="done")
    hidden = meeting("draft-2014", published=False)
    hidden.objectives.add(ten)
    response = client.get(reverse("frameworks:detail", kwargs={"slug": "dakar-strategy"}))
    rows = [r for b in response.context["page"].pillars for r in b.objectives]
    row = next(r for r in rows if r.objective == ten)
    assert [mc.meeting.slug for mc in row.meetings] == ["dakar-2013"]
    assert row.meetings[0].counts == {"open": 1, "in_progress": 0, "done": 2, "dropped": 0}
    assert row.meetings[0].total == 3
    assert "Meeting draft-2014" not in response.content.decode()


@pytest.mark.parametrize("slug", ["no-such-framework", "BAD SLUG", "x" * 300, "%00"])
def test_unknown_or_malformed_framework_is_not_found(client, slug):
    assert client.get(f"/en/strategy/frameworks/{slug}/").status_code == 404


def test_the_pages_are_kept_per_revision():
    assert PUBLIC_PAGES["frameworks:list"].revisions == (revisions.REFERENCE,)
    assert set(PUBLIC_PAGES["frameworks:detail"].revisions) == {
        revisions.REFERENCE,
        revisions.MEETINGS,
    }


def test_a_kept_framework_page_is_served_again_until_meetings_change(client, page_cache):
    url = reverse("frameworks:detail", kwargs={"slug": "dakar-strategy"})
    assert client.get(url)["X-Public-Cache"] == "miss"
    assert client.get(url)["X-Public-Cache"] == "hit"
    meeting("dakar-2013").objectives.add(
        Objective.objects.get(number=10, framework__slug="dakar-strategy")
    )
    again = client.get(url)
    assert again["X-Public-Cache"] == "miss" and "Meeting dakar-2013" in again.content.decode()
