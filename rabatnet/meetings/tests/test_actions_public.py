"""The public list of follow-up actions, its filters and CSV, a meeting's actions and the
open actions of the previous meeting of the same kind (overdue flagged)."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from rabatnet.core import revisions
from rabatnet.core.public_cache import PUBLIC_PAGES
from rabatnet.meetings.action_selectors import is_overdue, open_actions_of_previous
from rabatnet.strategy.models import Objective

from .action_samples import action, conclusion, meeting

pytestmark = pytest.mark.django_db


def yesterday() -> date:
    """Read when a test runs: a constant taken at collection goes stale at midnight."""
    return timezone.localdate() - timedelta(days=1)


@pytest.fixture
def two_meetings():
    first = meeting("dakar-2013", year=2013, month=9)
    conclusion(first)
    action(first, "Late data plan", deadline=yesterday())
    action(first, "Finished survey", status="done", iso3="MLI", deadline=yesterday())
    action(first, "Ongoing study", status="in_progress", deadline=None, objective=4)
    second = meeting("france-2014", year=2014, month=3)
    return first, second


def test_open_actions_of_previous_lists_open_ones_of_the_same_kind(two_meetings):
    first, second = two_meetings
    meeting("ministerial-2014", year=2014, month=1, kind="ministerial")  # another kind
    meeting("draft-2013", year=2013, month=12, published=False)  # not published
    shown = open_actions_of_previous(second)
    assert shown.meeting == first
    assert [a.title for a in shown.actions] == ["Late data plan", "Ongoing study"]
    assert [is_overdue(a) for a in shown.actions] == [True, False]
    assert open_actions_of_previous(first).meeting is None


def test_the_partial_renders_standalone_and_through_its_tag(two_meetings):
    _, second = two_meetings
    html = render_to_string(
        "meetings/_open_actions.html", {"previous": open_actions_of_previous(second)}
    )
    assert "Late data plan" in html and "overdue" in html and "Finished survey" not in html
    from django.template import Context, Template

    tagged = Template("{% load meeting_actions %}{% open_actions_of_previous m %}").render(
        Context({"m": second})
    )
    assert "Late data plan" in tagged


def test_a_meeting_page_shows_the_previous_open_actions_in_both_languages(client, two_meetings):
    _, second = two_meetings
    page = client.get(reverse("actions:meeting", kwargs={"slug": second.slug})).content.decode()
    assert "Open actions of the previous meeting" in page and "Late data plan" in page
    fr = client.get(f"/fr/meetings/{second.slug}/actions/").content.decode()
    assert "Late data plan (fr)" in fr


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Late data plan", "Finished survey", "Ongoing study"}),
        ("?status=done", {"Finished survey"}),
        ("?country=mli", {"Finished survey"}),
        ("?overdue=yes", {"Late data plan"}),
    ],
)
def test_the_list_filters(client, two_meetings, query, expected):
    response = client.get(reverse("actions:list") + query)
    shown = {a.title for a, _may in response.context["actions"]}
    assert shown == expected


def test_the_objective_filter(client, two_meetings):
    four = Objective.objects.get(framework__slug="dakar-strategy", number=4)
    response = client.get(reverse("actions:list") + f"?objective={four.pk}")
    assert {a.title for a, _ in response.context["actions"]} == {"Ongoing study"}


@pytest.mark.parametrize(
    "query",
    ["?country=ZZZ", "?country=%00%01", "?objective=" + "9" * 40, "?status=%E2%80%AE", "?page=x"],
)
def test_bad_filters_answer_with_a_message_never_a_500(client, two_meetings, query):
    response = client.get(reverse("actions:list") + query)
    assert response.status_code == 200
    assert client.get(reverse("actions:csv") + query).status_code == 200


def test_the_csv_has_the_filtered_rows_and_defuses_formulas(client, two_meetings):
    first, _ = two_meetings
    action(first, "=HYPERLINK(1)")
    response = client.get(reverse("actions:csv") + "?country=SEN&status=open")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    titles = {row[2] for row in rows[1:]}
    assert titles == {"Late data plan", "'=HYPERLINK(1)"}
    late = next(row for row in rows if row[2] == "Late data plan")
    assert late[7] == "yes" and late[4] == yesterday().isoformat()


def test_the_progress_note_is_not_public(client, two_meetings):
    first, _ = two_meetings
    a = first.actions.first()
    a.status_note = "Internal: minister not yet briefed"
    a.save()
    for url in (
        reverse("actions:list"),
        reverse("actions:csv"),
        reverse("actions:meeting", kwargs={"slug": first.slug}),
    ):
        assert "minister not yet briefed" not in client.get(url).content.decode()


def test_the_public_pages_are_kept_per_meetings_revision_and_day():
    for name in ("actions:list", "actions:csv", "actions:meeting"):
        page = PUBLIC_PAGES[name]
        assert revisions.MEETINGS in page.revisions and page.daily


def test_an_action_save_raises_the_meetings_revision(two_meetings):
    before = revisions.numbers(revisions.MEETINGS)[revisions.MEETINGS]
    action(two_meetings[0], deadline=date(2015, 1, 1))
    assert revisions.numbers(revisions.MEETINGS)[revisions.MEETINGS] > before


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_meeting_page_shows_the_open_actions_of_the_previous_one(client, two_meetings, language):
    first, second = two_meetings
    page = client.get(f"/{language}/meetings/{second.slug}/").content.decode()
    assert "Late data plan" in page and "Ongoing study" in page
    assert "Finished survey" not in page
    assert f"/{language}/meetings/{second.slug}/actions/" in page
    earlier = client.get(f"/{language}/meetings/{first.slug}/").content.decode()
    assert "Late data plan" not in earlier
