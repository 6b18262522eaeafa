"""Writes of public data raise the revision counter the public page cache is keyed by."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from rabatnet.core import revisions
from rabatnet.core.public_cache import MARKER
from rabatnet.countries.models import Country, Membership
from rabatnet.guides import services as guide_services
from rabatnet.guides.tests.factories import drafted_guide, published_guide

pytestmark = pytest.mark.django_db


def number(name: str) -> int:
    return revisions.numbers(name)[name]


def test_a_publication_raises_the_guides_counter():
    before = number(revisions.GUIDES)

    published_guide("SEN", "fr")

    assert number(revisions.GUIDES) > before


def test_a_stage_change_shows_on_the_public_country_page(client, settings):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()
    guide = drafted_guide("SEN", "fr")
    client.get("/en/countries/SEN/")
    before = number(revisions.GUIDES)

    guide_services.guide_submit(guide=guide, actor=None)  # drafting -> submitted

    assert number(revisions.GUIDES) > before
    assert client.get("/en/countries/SEN/")[MARKER] == "miss"
    cache.clear()


def test_load_reference_raises_the_reference_counter_when_it_changes_a_country():
    Country.objects.filter(iso3="SEN").update(name_en="Not Senegal")  # no signal
    before = number(revisions.REFERENCE)

    call_command("load_reference", stdout=io.StringIO())

    assert number(revisions.REFERENCE) > before


def test_an_edit_of_a_membership_as_the_admin_saves_it_raises_the_reference_counter(senegal):
    membership = Membership.objects.filter(country=senegal).first()
    assert membership is not None
    before = number(revisions.REFERENCE)

    membership.note = "edited in the admin"
    membership.save()

    assert number(revisions.REFERENCE) > before


def test_deleting_a_membership_raises_the_reference_counter(senegal):
    before = number(revisions.REFERENCE)

    membership = Membership.objects.filter(country=senegal).first()
    assert membership is not None
    membership.delete()

    assert number(revisions.REFERENCE) > before


def test_history_records_do_not_raise_a_counter_twice():
    from rabatnet.core.revision_signals import counter_of
    from rabatnet.guides.models import Guide

    assert counter_of(Guide) == revisions.GUIDES
    assert counter_of(Guide.history.model) is None


def test_observations_are_deleted_in_bulk_without_a_signal_per_row():
    """A re-import deletes a dataset's observations in one statement: no delete signal on them
    (Django would load and signal every row), the pipeline raises STATISTICS once."""
    from django.db.models.signals import post_delete, pre_delete

    from rabatnet.statistics.models import Observation

    assert not post_delete.has_listeners(Observation)
    assert not pre_delete.has_listeners(Observation)
