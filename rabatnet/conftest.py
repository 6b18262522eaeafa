"""Fixtures shared by every app's tests."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Every test database holds the real reference data, loaded once."""
    with django_db_blocker.unblock():
        call_command("load_reference", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _english_by_default():  # type: ignore[no-untyped-def]
    """Each test starts in English, whatever language an earlier test left active."""
    with translation.override("en"):
        yield


@pytest.fixture
def senegal():  # type: ignore[no-untyped-def]
    from rabatnet.countries.models import Country

    return Country.objects.get(iso3="SEN")


@pytest.fixture
def mali():  # type: ignore[no-untyped-def]
    from rabatnet.countries.models import Country

    return Country.objects.get(iso3="MLI")
