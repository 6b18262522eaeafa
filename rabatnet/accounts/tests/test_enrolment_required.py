"""Enrolment is mandatory for the roles in ``TWO_FACTOR_REQUIRED_ROLES``."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts import selectors
from rabatnet.network.models import Role
from rabatnet.network.tests.factories import (
    AppointmentFactory,
    coordinating_authority,
    focal_point,
    secretariat,
    workgroup_member,
)

from .helpers import PRIVATE_URL, current_token, redirect_url, sign_in

pytestmark = pytest.mark.django_db

TWO_FACTOR_URL = "/en/accounts/two-factor/"
OFFICIALS = ["secretariat", "focal_point", "coordinating_authority"]
required_for_officials = override_settings(TWO_FACTOR_REQUIRED_ROLES=OFFICIALS)


def enrol_url(next_url: str = PRIVATE_URL) -> str:
    return f"{TWO_FACTOR_URL}?{urlencode({'next': next_url})}"


@required_for_officials
@pytest.mark.parametrize("make_user", [secretariat, focal_point, coordinating_authority])
def test_an_official_who_has_not_enrolled_is_taken_to_enrolment(client, make_user):
    user = make_user()

    response = sign_in(client, user.email)

    assert response.status_code == 302
    assert redirect_url(response) == enrol_url()
    assert client.get(PRIVATE_URL).url == enrol_url()
    assert client.get("/en/private/directory/").url == enrol_url("/en/private/directory/")


@required_for_officials
def test_before_enrolling_public_pages_see_a_visitor(client):
    user = focal_point()
    sign_in(client, user.email)

    response = client.get("/en/")

    assert response.status_code == 200
    assert response.context["user"].is_authenticated is False


@required_for_officials
def test_enrolling_opens_the_private_area_and_leads_to_the_next_page(client):
    user = focal_point()
    sign_in(client, user.email)

    page = client.get(enrol_url())
    assert page.status_code == 200
    assert "Your role requires two-factor authentication" in page.content.decode()
    client.post(TWO_FACTOR_URL, {"action": "start", "next": PRIVATE_URL})
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        TWO_FACTOR_URL, {"action": "confirm", "token": current_token(device), "next": PRIVATE_URL}
    )

    assert response.status_code == 200
    assert f'href="{PRIVATE_URL}"' in response.content.decode()
    assert client.get(PRIVATE_URL).status_code == 200


@required_for_officials
def test_an_official_cannot_switch_two_factor_off(client):
    user = focal_point()
    sign_in(client, user.email)
    client.post(TWO_FACTOR_URL, {"action": "start"})
    device = TOTPDevice.objects.get(user=user)
    client.post(TWO_FACTOR_URL, {"action": "confirm", "token": current_token(device)})

    client.post(TWO_FACTOR_URL, {"action": "disable"})

    assert selectors.has_two_factor(user)


@required_for_officials
def test_other_roles_sign_in_with_the_password_alone(client):
    user = workgroup_member()

    response = sign_in(client, user.email)

    assert redirect_url(response) == PRIVATE_URL
    assert client.get(PRIVATE_URL).status_code == 200


@required_for_officials
def test_an_ended_appointment_does_not_require_enrolment(client):
    today = timezone.localdate()
    appointment = AppointmentFactory.create(
        role=Role.FOCAL_POINT, starts_on=today - timedelta(days=400), ends_on=today
    )
    workgroup = AppointmentFactory.create(person=appointment.person, role=Role.WORKGROUP_MEMBER)
    user = workgroup.person.user
    assert user is not None

    assert not selectors.two_factor_required(user)
    assert redirect_url(sign_in(client, user.email)) == PRIVATE_URL


def test_with_the_list_empty_nobody_must_enrol(client, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = []
    user = secretariat()

    assert redirect_url(sign_in(client, user.email)) == PRIVATE_URL
    assert client.get(PRIVATE_URL).status_code == 200
