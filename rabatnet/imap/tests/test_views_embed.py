"""The embed (the one address other sites may frame), framing, caching, any query."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rabatnet.core.public_cache import MARKER
from rabatnet.network.tests.factories import focal_point

from .map_fixtures import Calls, fake_map

pytestmark = pytest.mark.django_db
__all__ = ["fake_map"]


def frame_ancestors(response) -> str:
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";")]
    return next(d for d in directives if d.startswith("frame-ancestors"))


def test_the_embed_may_be_framed_by_any_site(client, fake_map: Calls) -> None:
    response = client.get(reverse("imap:embed") + "?layer=routes&year=2020")

    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors *"
    assert "X-Frame-Options" not in response
    assert "default-src 'self'" in response["Content-Security-Policy"]  # the rest unchanged


@pytest.mark.parametrize("query", ["", "?layer=bilateral&country=SEN"])
def test_the_map_page_still_refuses_to_be_framed(client, fake_map: Calls, query) -> None:
    response = client.get(reverse("imap:map") + query)

    assert frame_ancestors(response) == "frame-ancestors 'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_embed_shows_map_legend_sources_and_a_link_to_the_full_map(client, fake_map: Calls):
    html = client.get(reverse("imap:embed") + "?layer=membership&country=SEN").content.decode()

    assert fake_map.pictures[-1]["link_target"] == "_top"
    assert fake_map.pictures[-1]["highlight"] == "SEN"
    assert 'data-test-picture="1"' in html
    assert 'class="map-legend"' in html and 'class="map-sources"' in html
    assert (
        '<a href="http://testserver/en/map/?layer=membership&amp;country=SEN" target="_top">'
    ) in html
    assert '<base target="_top">' in html
    assert "site-header" not in html and 'class="map-table"' not in html
    assert fake_map.panels == []  # no panel (and no private contact) in another site


def test_the_embed_in_french(client, fake_map: Calls) -> None:
    response = client.get("/fr/map/embed/?layer=guides")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("name", ["imap:map", "imap:embed"])
def test_anonymous_map_pages_are_kept(client, fake_map: Calls, page_cache, name) -> None:
    url = reverse(name) + "?layer=membership&country=SEN"

    assert client.get(url)[MARKER] == "miss"
    assert client.get(url)[MARKER] == "hit"


def test_a_signed_in_members_map_is_never_stored(client, fake_map: Calls, page_cache) -> None:
    client.force_login(focal_point("SEN"))

    response = client.get(reverse("imap:map") + "?country=SEN")

    assert MARKER not in response
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert client.get(reverse("imap:map") + "?country=SEN")[MARKER] == "miss"


def test_the_htmx_part_is_never_stored(client, fake_map: Calls, page_cache) -> None:
    url = reverse("imap:map") + "?layer=routes"

    part = client.get(url, headers={"HX-Request": "true"})
    page = client.get(url)

    assert MARKER not in part
    assert page[MARKER] == "miss"
    assert b"<html" in page.content


VALUES = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(["99999999999999999999", "-1", "sen", "SN", "ſen", "2024", "routes", "\x00"]),
    st.integers(min_value=300, max_value=3000).map(lambda n: "x" * n),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(
    query=st.dictionaries(
        st.sampled_from(["layer", "indicator", "year", "country", "direction", "q"]),
        st.one_of(VALUES, st.lists(VALUES, max_size=2)),
    ),
    name=st.sampled_from(["imap:map", "imap:embed"]),
)
def test_any_query_answers_without_a_server_error(fake_map: Calls, query, name) -> None:
    response = Client().get(reverse(name), query, follow=True)

    assert response.status_code == 200  # a search that finds one country: after its redirect
    assert b"<svg" in response.content
