"""``Cache-Control: private, no-store`` on private responses; public ones keep their caching."""

import pytest
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.test import override_settings
from django.urls import path
from django.utils.cache import patch_cache_control
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.network.tests.factories import PASSWORD, focal_point, secretariat

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


@login_not_required
def cached_public_view(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("public")
    patch_cache_control(response, public=True, max_age=600)
    return response


def private_view(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("private")
    patch_cache_control(response, max_age=600)
    return response


urlpatterns = [
    path("public/", cached_public_view),
    path("private/", private_view),
    path("accounts/login/", cached_public_view, name="login"),
]


@pytest.mark.parametrize(
    "url", ["/en/private/", "/en/private/directory/", "/en/accounts/two-factor/", "/en/admin/"]
)
def test_private_pages_are_private_and_not_stored(client, url: str):
    client.force_login(secretariat())

    response = client.get(url)

    assert response["Cache-Control"] == PRIVATE


def test_the_redirect_of_an_anonymous_visitor_from_a_private_page_is_not_stored(client):
    response = client.get("/en/private/")

    assert response.status_code == 302
    assert response["Cache-Control"] == PRIVATE


def test_the_redirect_to_the_code_check_is_not_stored(client):
    user = focal_point()
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client.post("/en/accounts/login/", {"username": user.email, "password": PASSWORD})

    response = client.get("/en/private/")

    assert response.status_code == 302
    assert response["Cache-Control"] == PRIVATE


def test_an_unknown_address_of_a_signed_in_person_is_not_stored(client):
    client.force_login(focal_point())

    response = client.get("/en/private/no-such-page/")

    assert response.status_code == 404
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize("url", ["/en/", "/en/countries/", "/en/countries/SEN/"])
def test_public_pages_are_not_marked_private(client, url: str):
    client.force_login(focal_point())

    response = client.get(url)

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@override_settings(ROOT_URLCONF=__name__)
def test_public_views_keep_their_caching_and_private_ones_lose_theirs(client):
    client.force_login(focal_point())

    assert client.get("/public/")["Cache-Control"] == "public, max-age=600"
    assert client.get("/private/")["Cache-Control"] == PRIVATE
