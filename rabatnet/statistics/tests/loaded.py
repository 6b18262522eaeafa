"""Shipped datasets loaded once for a test module, and removed after it.

The test database holds only reference data: a module that needs statistics imports the
few datasets it reads, and deletes every row the imports created (datasets cascade to
their observations; new codes, indicators and publishers go too), so that other modules
see the tables as they were.
"""

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache

from .import_support import remove_created, run, snapshot


def shipped_datasets(*slugs: str) -> Callable[..., Iterator[None]]:
    """A module-scoped, autouse fixture importing ``slugs``; assign it to a module name."""

    @pytest.fixture(scope="module", autouse=True)
    def fixture(django_db_setup, django_db_blocker) -> Iterator[None]:
        with django_db_blocker.unblock():
            before = snapshot()
            for slug in slugs:
                run(slug)
        cache.clear()
        yield
        cache.clear()
        with django_db_blocker.unblock():
            remove_created(before)

    return fixture


# The shipped datasets a country's profile reads.
PROFILE_DATASETS = (
    "undesa-ims-2024-destination",
    "undesa-ims-2024-origin",
    "undesa-ims-2024-bilateral",
    "worldbank-wdi",
    "unhcr-population",
    "eurostat-asylum-applicants",
)
