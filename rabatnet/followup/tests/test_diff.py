"""A country's cycle against the previous one: statuses before → now and narratives."""

from datetime import date

import pytest
from django.urls import reverse

from rabatnet.followup.diff import change, narrative_diff

from .progress_samples import assess, make_cycle

pytestmark = pytest.mark.django_db


def test_change_kinds():
    assert change("planned", "achieved") == "improved"
    assert change("achieved", "not_started") == "worse"
    assert change("planned", "planned") == "unchanged"
    assert change("", "planned") == "new"
    assert change("planned", "") == "dropped"
    assert change("planned", "not_applicable") == "changed"


def test_narrative_diff_highlights_and_escapes():
    old, new = narrative_diff("A law <b>drafted</b> in 2024.", "A law adopted in 2025.")
    assert '<del class="removed">' in old and "&lt;b&gt;drafted&lt;/b&gt;" in old
    assert '<ins class="added">adopted</ins>' in new and "<b>" not in new


@pytest.fixture
def cycles():
    before = make_cycle("c-2025", date(2025, 1, 10))
    now = make_cycle("c-2026", date(2026, 1, 10))
    assess(before, "SEN", 1, "planned", narrative="A strategy was drafted.")
    assess(now, "SEN", 1, "achieved", narrative="A strategy was adopted.")
    assess(before, "SEN", 2, "in_progress")
    assess(now, "SEN", 2, "not_started")
    assess(now, "SEN", 3, "planned")
    assess(now, "SEN", 4, "achieved", state="submitted", narrative="UNVERIFIED-NOW")
    assess(before, "SEN", 5, "planned", state="draft", narrative="UNVERIFIED-BEFORE")
    return before, now


def _changes(html: str) -> list[str]:
    import re

    return re.findall(r'data-change="(\w+)"', html)


def test_public_diff_compares_verified_statuses(client, cycles):
    html = client.get(reverse("strategy:diff", kwargs={"iso3": "SEN"})).content.decode()
    changes = _changes(html)
    assert changes[:5] == ["improved", "worse", "new", "none", "none"]
    assert '<ins class="added">adopted.</ins>' in html
    assert "UNVERIFIED" not in html
    assert "What each status means" in html


def test_private_diff_includes_unverified_marked(client, cycles):
    from rabatnet.network.tests import factories as f

    client.force_login(f.focal_point("SEN"))
    response = client.get(reverse("strategy:private_diff", kwargs={"iso3": "SEN"}))
    html = response.content.decode()
    assert _changes(html)[:5] == ["improved", "worse", "new", "new", "dropped"]
    assert "UNVERIFIED-NOW" in html and "not verified" in html


def test_older_cycle_and_first_cycle(client, cycles):
    url = reverse("strategy:diff", kwargs={"iso3": "SEN"})
    html = client.get(url, {"cycle": "c-2025"}).content.decode()
    assert "no earlier cycle with data for this country" in html
    assert client.get(url, {"cycle": "zzz\x00"}).status_code == 400


def test_french_diff(client, cycles):
    assert client.get("/fr/strategy/countries/SEN/diff/").status_code == 200
