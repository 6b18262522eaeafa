"""The map's downloads are public pages: kept whole (headers, bytes) per language and revision."""

import pytest
from django.core.cache import cache

from rabatnet.core import revisions
from rabatnet.core.public_cache import MARKER

from .test_downloads import INDICATOR, PNG, drawn

pytestmark = pytest.mark.django_db
__all__ = ["drawn"]  # a fixture


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("path", ["map.svg", "map.png", "map.csv"])
def test_a_download_is_served_again_from_the_cache_as_it_was(client, drawn, path: str):
    first = client.get(f"/en/map/{path}{INDICATOR}", headers={"accept-encoding": "gzip, br"})
    second = client.get(f"/en/map/{path}{INDICATOR}")

    assert (first[MARKER], second[MARKER]) == ("miss", "hit")
    assert second.content == client.get(f"/en/map/{path}{INDICATOR}").content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert len(drawn) <= 1  # drawn once, whatever the number of visitors


def test_the_png_bytes_come_back_unchanged(client, drawn):
    client.get(f"/en/map/map.png{INDICATOR}")
    assert client.get(f"/en/map/map.png{INDICATOR}").content == PNG


def test_new_statistics_build_the_download_again(client, drawn):
    client.get(f"/en/map/map.csv{INDICATOR}")

    revisions.bump(revisions.STATISTICS)

    assert client.get(f"/en/map/map.csv{INDICATOR}")[MARKER] == "miss"


def test_a_bad_query_is_not_kept(client, drawn):
    client.get("/en/map/map.csv?year=x")
    again = client.get("/en/map/map.csv?year=x")

    assert again.status_code == 400
    assert MARKER not in again
