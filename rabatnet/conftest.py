"""Fixtures shared by every app's tests."""

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from django.core.management import call_command
from django.utils import translation
from pytest_django.plugin import DjangoDbBlocker

from rabatnet.core.tests.smtp import smtp_inbox  # noqa: F401  (a real SMTP server, for any test)

if TYPE_CHECKING:  # models load once Django is set up, after this file is read
    from rabatnet.countries.models import Country


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> None:
    """Every test database holds the real reference data, loaded once."""
    with django_db_blocker.unblock():
        call_command("load_reference", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    """Each test starts in English, whatever language an earlier test left active."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: transactions roll the revision counters back, so
    an entry one test kept (a picture, a probe) would be read by the next under the same
    numbers and other data."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page_cache(settings: Any) -> None:
    """The public page cache on (the test settings turn it off)."""
    settings.PUBLIC_PAGE_CACHE = True


@pytest.fixture
def senegal() -> "Country":
    from rabatnet.countries.models import Country

    return Country.objects.get(iso3="SEN")


@pytest.fixture
def mali() -> "Country":
    from rabatnet.countries.models import Country

    return Country.objects.get(iso3="MLI")
