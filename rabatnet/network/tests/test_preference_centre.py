"""The preference centre: members only, each section saved on its own, one's own only."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts.tests.helpers import current_token, sign_in
from rabatnet.network import registries
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db

URL = "/en/private/notifications/"


def test_the_address_is_the_contract():
    assert reverse("network:notifications") == URL


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/?next=")
    assert client.post(URL, {"section": "forums"}).status_code == 302


def test_half_signed_in_is_sent_to_sign_in_then_verified_gets_the_page(client):
    user = f.focal_point("SEN")
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    sign_in(client, user.email)
    response = client.get(URL)
    # The second factor is asked first (a half session is anonymous to the page itself).
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/two-factor/verify/?next=%2Fen%2Fprivate%2F")
    client.post("/en/accounts/two-factor/verify/", {"token": current_token(device)})
    assert client.get(URL).status_code == 200


def test_no_role_is_refused_and_a_member_or_the_secretariat_sees_every_section(client):
    client.force_login(f.no_role())
    assert client.get(URL).status_code == 403
    for user in (f.focal_point("MLI"), f.secretariat()):
        client.force_login(user)
        response = client.get(URL)
        assert response.status_code == 200
        html = response.content.decode()
        for key in registries.PREFERENCE_SECTIONS:
            assert f'id="preferences-{key}"' in html
            assert f'name="section" value="{key}"' in html


def test_an_unknown_section_saves_nothing_and_says_so(client):
    client.force_login(f.focal_point("SEN"))
    response = client.post(URL, {"section": "meetings-from-the-future"})
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()


def test_an_account_without_a_network_person_is_refused(client, admin_user):
    client.force_login(admin_user)  # a superuser passes every rule but has no person
    assert client.get(URL).status_code == 403
