"""The panel on the map page, the triad through the URL: contacts only for members of that
country and the secretariat; a member's page never kept in the public cache.
"""

import pytest
from django.core.cache import cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.core.public_cache import MARKER
from rabatnet.network.tests import factories as f

from .panel_support import LISTED, UNLISTED, senegal_contacts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("senegal_contacts")]
__all__ = ["senegal_contacts"]  # a fixture

URL = "/en/map/?layer=membership&country=SEN"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def _page(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_an_anonymous_visitor_sees_the_panel_without_contacts(client):
    html = _page(client)

    assert 'id="panel"' in html and 'href="/en/countries/SEN/profile/"' in html
    assert LISTED not in html and UNLISTED not in html


def test_a_half_signed_in_member_of_senegal_sees_no_contacts(client):
    user = f.focal_point("SEN")
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    sign_in(client, user.email)

    html = _page(client)

    assert 'id="panel"' in html
    assert LISTED not in html and UNLISTED not in html


@pytest.mark.parametrize("make_user", [f.no_role, lambda: f.focal_point("MLI")])
def test_a_member_of_another_country_sees_no_contacts_of_senegal(client, make_user):
    client.force_login(make_user())
    html = _page(client)
    assert LISTED not in html and UNLISTED not in html


def test_a_member_of_senegal_sees_the_listed_contacts(client):
    client.force_login(f.workgroup_member("SEN"))
    html = _page(client)
    assert LISTED in html and UNLISTED not in html


def test_the_secretariat_sees_every_contact(client):
    client.force_login(f.secretariat())
    html = _page(client)
    assert LISTED in html and UNLISTED in html


def test_a_members_page_is_never_kept_nor_served_from_the_public_cache(client):
    anonymous = client.get(URL)  # kept for anonymous visitors
    assert anonymous[MARKER] == "miss"

    client.force_login(f.workgroup_member("SEN"))
    member = client.get(URL)

    assert MARKER not in member and LISTED in member.content.decode()
    assert "private" in member["Cache-Control"] and "no-store" in member["Cache-Control"]
    client.logout()
    again = client.get(URL)
    assert again[MARKER] == "hit" and LISTED not in again.content.decode()
