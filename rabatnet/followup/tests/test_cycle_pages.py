"""The secretariat's cycle pages: a stale edit refused, completion counts, the welcome pack."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from rabatnet.core.tests.test_stale_edits import form_data
from rabatnet.countries.models import Country
from rabatnet.followup import cycle_selectors as selectors
from rabatnet.followup.cycle_forms import CycleForm
from rabatnet.followup.models import Assessment, Cycle
from rabatnet.network.registries import WELCOME_SECTIONS
from rabatnet.network.tests import factories as f

from .cycle_fixtures import fill, make_cycle, objectives, person_of, report

pytestmark = pytest.mark.django_db


def test_a_stale_cycle_edit_is_refused_with_the_change_shown(client):
    cycle = make_cycle()
    opened = form_data(CycleForm(instance=cycle))
    client.force_login(f.secretariat())
    changed = {**opened, "title_en": "Theirs"}
    assert (
        client.post(reverse("cycles:edit", kwargs={"slug": cycle.slug}), changed).status_code == 302
    )
    response = client.post(
        reverse("cycles:edit", kwargs={"slug": cycle.slug}), {**opened, "title_en": "Mine"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "Someone else saved this record" in str(form.non_field_errors())
    assert "Theirs" in [str(v) for _label, v in form.stale_changes]
    assert Cycle.objects.get(pk=cycle.pk).title_en == "Theirs"


def test_completion_counts_per_country():
    cycle = make_cycle()
    report(cycle, "SEN", f.focal_point("SEN"))
    fill(cycle, "MLI", f.focal_point("MLI"))
    rows = {c.country.iso3: c for c in selectors.completion(cycle)}
    total = len(objectives())
    assert (rows["SEN"].assessed, rows["SEN"].submitted, rows["SEN"].complete) == (
        total,
        total,
        True,
    )
    assert (rows["MLI"].assessed, rows["MLI"].submitted, rows["MLI"].complete) == (total, 0, False)
    assert rows["ESP"].assessed == 0
    only = selectors.completion(cycle, Country.objects.filter(iso3="MLI"))
    assert [c.country.iso3 for c in only] == ["MLI"]


def test_the_welcome_pack_says_what_the_country_still_owes():
    cycle = make_cycle()
    person = person_of(f.focal_point("SEN"))
    section = WELCOME_SECTIONS["cycles"](person, Country.objects.get(iso3="SEN"))
    assert section is not None
    [item] = section.items
    assert str(cycle.title_en) in item.text and f"{len(objectives())} of" in item.text
    assert item.link.endswith("/private/strategy/cycles/2026-round/countries/SEN/")
    assert WELCOME_SECTIONS["cycles"](person, None) is None


def test_a_closed_cycle_shows_no_form(client):
    cycle = make_cycle()
    client.force_login(f.secretariat())
    client.post(reverse("cycles:close", kwargs={"slug": cycle.slug}))
    client.force_login(f.focal_point("SEN"))
    page = client.get(reverse("cycles:country", kwargs={"slug": cycle.slug, "iso3": "SEN"}))
    assert 'name="self_status"' not in page.content.decode()
    assert "closed: no more entries" in page.content.decode()


def test_demo_cycles_refused_without_demo_settings():
    with pytest.raises(CommandError):
        call_command("load_demo_cycles", stdout=io.StringIO())


@override_settings(DEMO_DATA=True)
def test_demo_cycles_marked_as_example():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo_cycles", stdout=io.StringIO())
    call_command("load_demo_cycles", stdout=io.StringIO())  # again: nothing doubled
    assert Cycle.objects.filter(example=True).count() == 2
    closed = Cycle.objects.get(slug="demo-2025")
    assert closed.closed_at is not None
    assert closed.assessments.published().count() == len(objectives())
    assessments = Assessment.objects.filter(cycle__slug="demo-2026")
    assert assessments.exists() and all(a.example for a in assessments)
