"""load_demo_followup: idempotent, needs load_demo, all example content, marked on pages."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from rabatnet.followup.models import Assessment, Cycle, Initiative

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = io.StringIO()
    call_command("load_demo_followup", stdout=out)
    return out.getvalue()


@override_settings(DEMO_DATA=True)
def test_needs_the_demo_accounts():
    with pytest.raises(CommandError, match="load_demo"):
        _run()


@override_settings(DEMO_DATA=False)
def test_refused_without_demo_settings():
    with pytest.raises(CommandError, match="DEMO_DATA"):
        _run()


@override_settings(DEMO_DATA=True)
def test_loads_once_everything_example_and_marked(client):
    call_command("load_demo", stdout=io.StringIO())
    first = _run()
    assert "2 cycles" in first
    counts = (Cycle.objects.count(), Assessment.objects.count(), Initiative.objects.count())
    assert "0 cycles, 0 assessments, 0 initiatives" in _run()
    assert counts == (
        Cycle.objects.count(),
        Assessment.objects.count(),
        Initiative.objects.count(),
    )
    assert not Cycle.objects.filter(example=False).exists()
    assert not Assessment.objects.filter(example=False).exists()
    assert not Initiative.objects.filter(example=False).exists()
    states = set(Assessment.objects.values_list("review_state", flat=True))
    assert states == {"verified", "submitted", "returned", "draft"}
    assert Cycle.objects.get(slug="2025-follow-up-example").closed_at is not None
    assert Cycle.objects.get(slug="2026-follow-up-example").closed_at is None
    for url in (
        reverse("strategy:dashboard"),
        reverse("strategy:matrix"),
        reverse("strategy:report", kwargs={"iso3": "SEN"}),
        reverse("strategy:diff", kwargs={"iso3": "SEN"}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"Example content" in response.content, url
    diff = client.get(reverse("strategy:diff", kwargs={"iso3": "SEN"})).content.decode()
    assert "2025 follow-up (example) → 2026 follow-up (example)" in diff


@override_settings(DEMO_DATA=True)
def test_reuses_the_example_cycles_another_loader_made():
    from datetime import date

    from rabatnet.strategy.models import Framework

    call_command("load_demo", stdout=io.StringIO())
    Cycle.objects.create(
        framework=Framework.objects.get(slug="dakar-strategy"),
        slug="demo-2025",
        title_en="Earlier example cycle",
        opens_on=date(2025, 1, 1),
        deadline=date(2025, 6, 1),
        example=True,
    )
    assert "1 cycles" in _run()
    assert not Cycle.objects.filter(slug="2025-follow-up-example").exists()
    assert Assessment.objects.filter(cycle__slug="demo-2025", country__iso3="ESP").exists()
