"""Public pages kept per language and data revision, for anonymous visitors only."""

import brotli
import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from rabatnet.core import revisions
from rabatnet.core.public_cache import MARKER, PUBLIC_PAGES, storable
from rabatnet.network.tests.factories import focal_point

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

BR = {"accept-encoding": "gzip, br"}


def test_the_second_view_is_served_from_the_cache_with_one_query(
    client, django_assert_max_num_queries
):
    first = client.get("/en/countries/")

    with django_assert_max_num_queries(1):  # the revision numbers, nothing else
        second = client.get("/en/countries/")

    assert first[MARKER] == "miss"
    assert second[MARKER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_bump_of_what_the_page_shows_builds_it_again(client):
    client.get("/en/countries/")

    revisions.bump(revisions.REFERENCE)

    assert client.get("/en/countries/")[MARKER] == "miss"
    assert client.get("/en/countries/")[MARKER] == "hit"


def test_a_bump_of_other_data_keeps_the_page(client):
    client.get("/en/countries/")

    revisions.bump(revisions.STATISTICS)

    assert client.get("/en/countries/")[MARKER] == "hit"


def test_each_language_is_kept_apart(client):
    english = client.get("/en/countries/")
    french = client.get("/fr/countries/")

    assert french[MARKER] == "miss"
    assert english.content != french.content
    assert client.get("/fr/countries/").content == french.content


def test_the_query_is_part_of_the_key(client):
    client.get("/en/countries/")

    assert client.get("/en/countries/?page=2")[MARKER] == "miss"


def test_a_signed_in_person_never_gets_a_kept_page(client):
    client.get("/en/countries/")
    client.force_login(focal_point())

    response = client.get("/en/countries/")

    assert MARKER not in response
    assert b"Sign out" in response.content


def test_a_page_seen_signed_in_is_not_kept_for_the_anonymous(client):
    client.force_login(focal_point())
    client.get("/en/countries/")
    client.logout()
    client.cookies.clear()

    response = client.get("/en/countries/")

    assert response[MARKER] == "miss"
    assert b"Sign out" not in response.content


def test_no_cookie_and_no_csrf_token_in_a_kept_page(client):
    client.get("/en/countries/")

    response = client.get("/en/countries/")

    assert response[MARKER] == "hit"
    assert not response.cookies
    assert not response.has_header("Set-Cookie")
    assert b"csrf" not in response.content.lower()


def test_a_page_with_a_csrf_token_is_not_kept():
    request = RequestFactory().get("/en/countries/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True

    assert not storable(request, HttpResponse("<form>"))


def test_a_page_that_varies_on_another_header_is_not_kept():
    request = RequestFactory().get("/en/countries/")
    response = HttpResponse("<p>partial or whole</p>")
    response["Vary"] = "Cookie, HX-Request"

    assert not storable(request, response)


def test_an_htmx_request_is_never_answered_from_the_cache(client):
    client.get("/en/countries/")

    assert MARKER not in client.get("/en/countries/", headers={"HX-Request": "true"})


def test_the_signed_in_page_keeps_the_csrf_header_for_htmx(client):
    client.force_login(focal_point())

    response = client.get("/en/countries/")

    assert b"hx-headers='{&quot;X-CSRFToken&quot;" in response.content or (
        b'hx-headers=\'{"X-CSRFToken": "' in response.content
    )


def test_the_anonymous_sign_in_form_still_works(client):
    page = client.get("/en/accounts/login/")

    assert b"csrfmiddlewaretoken" in page.content
    assert MARKER not in page


def test_vary_and_encoding_of_a_kept_page(client):
    client.get("/en/countries/", headers=BR)

    response = client.get("/en/countries/", headers=BR)

    assert response[MARKER] == "hit"
    assert response["Content-Encoding"] == "br"
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"accept-encoding", "cookie"} <= vary
    assert b"Member countries" in brotli.decompress(response.content)
    assert int(response["Content-Length"]) == len(response.content)


def test_a_kept_page_goes_to_a_client_without_compression_as_it_is(client):
    client.get("/en/countries/", headers=BR)

    response = client.get("/en/countries/")

    assert response[MARKER] == "hit"
    assert not response.has_header("Content-Encoding")
    assert b"Member countries" in response.content


def test_head_is_answered_from_the_cache_without_a_body(client):
    client.get("/en/countries/")

    response = client.head("/en/countries/")

    assert response[MARKER] == "hit"
    assert response.content == b""


def test_a_country_edit_rebuilds_the_country_page(client, senegal):
    client.get("/en/countries/SEN/")

    senegal.name_en = "Senegal (edited)"
    senegal.save()

    response = client.get("/en/countries/SEN/")
    assert response[MARKER] == "miss"
    assert b"Senegal (edited)" in response.content


def test_the_catalogue_is_kept_for_one_day(client, monkeypatch):
    import datetime

    from django.utils import timezone

    client.get("/en/data/")
    assert client.get("/en/data/")[MARKER] == "hit"
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)

    assert client.get("/en/data/")[MARKER] == "miss"


def test_an_api_query_is_kept(client):
    client.get("/api/v1/countries?member=true")

    assert client.get("/api/v1/countries?member=true")[MARKER] == "hit"


def test_a_page_not_in_the_registry_is_never_kept(client):
    client.get("/en/accounts/login/")

    assert MARKER not in client.get("/en/accounts/login/")


def test_a_post_is_never_answered_from_the_cache(client):
    client.get("/en/countries/")

    assert MARKER not in client.post("/en/countries/")


def test_a_not_found_page_is_not_kept(client):
    client.get("/en/countries/XXX/")

    assert MARKER not in client.get("/en/countries/XXX/")


def test_every_registered_page_is_a_public_view():
    """The registry names real URL names, each of a view open to everyone."""
    from django.urls import get_resolver

    views = {}

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif pattern.name:
                views[f"{namespace}{pattern.name}"] = pattern.callback

    walk(get_resolver().url_patterns)
    known = {revisions.STATISTICS, revisions.REFERENCE, revisions.GUIDES, revisions.NEWSLETTER}
    known |= {revisions.MEETINGS, revisions.FOLLOWUP, revisions.SUPPORT}
    for name, page in PUBLIC_PAGES.items():
        assert name in views, name
        assert getattr(views[name], "login_required", True) is False, name
        assert page.revisions and set(page.revisions) <= known, name


def test_a_kept_page_stores_its_compressed_bodies_only():
    """What a hit reads back is the compressed bodies (a tenth of the page), not the page."""
    from rabatnet.core.public_cache import entry_of

    page = HttpResponse("<p>" + "figure " * 500 + "</p>", content_type="text/html")
    entry = entry_of(page)

    assert set(entry["bodies"]) == {"br", "gzip"}
    assert sum(len(b) for b in entry["bodies"].values()) < len(page.content) / 10
