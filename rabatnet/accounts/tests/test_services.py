"""Unit tests of the accounts services and selectors."""

import base64
from urllib.parse import quote

import pytest
from django.conf import settings
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts import selectors, services
from rabatnet.accounts.models import User
from rabatnet.network.tests.factories import UserFactory

from .conftest import Enrolled
from .helpers import current_token, wrong_token


def stored_codes(user: User) -> set[str]:
    return set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


# --- user_create -----------------------------------------------------------------


@pytest.mark.django_db
def test_user_create_with_password():
    user = services.user_create(
        email="Ana.Lopes@Example.ORG", full_name="Ana Lopes", password="a long enough secret"
    )

    user.refresh_from_db()
    assert user.email == "ana.lopes@example.org"
    assert user.full_name == "Ana Lopes"
    assert user.is_active
    assert not user.is_staff
    assert user.has_usable_password()
    assert user.check_password("a long enough secret")
    assert str(user) == "ana.lopes@example.org"


@pytest.mark.django_db
def test_user_create_without_password_cannot_sign_in_until_a_reset():
    user = services.user_create(email="awa@example.org")

    user.refresh_from_db()
    assert not user.has_usable_password()
    assert not user.check_password("")
    assert user.get_full_name() == "awa@example.org"


@pytest.mark.django_db
def test_user_create_refuses_an_empty_email():
    with pytest.raises(ValueError, match="e-mail"):
        services.user_create(email="")


@pytest.mark.django_db
def test_email_is_found_in_any_case():
    user = services.user_create(email="moussa@example.org")

    assert User.objects.get_by_natural_key("MOUSSA@Example.org") == user


# --- TOTP devices ----------------------------------------------------------------


@pytest.mark.django_db
def test_totp_device_start_makes_one_unconfirmed_device():
    user = UserFactory.create()
    old = services.totp_device_start(user=user)

    device = services.totp_device_start(user=user)

    assert device.confirmed is False
    assert device.user == user
    assert list(TOTPDevice.objects.filter(user=user)) == [device]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()


def test_totp_device_start_keeps_the_confirmed_device(enrolled: Enrolled):
    services.totp_device_start(user=enrolled.user)

    assert TOTPDevice.objects.filter(user=enrolled.user).count() == 2
    assert selectors.has_two_factor(enrolled.user)


@pytest.mark.django_db
def test_totp_device_confirm_with_the_right_code():
    user = UserFactory.create()
    device = services.totp_device_start(user=user)

    codes = services.totp_device_confirm(device=device, token=current_token(device))

    assert codes is not None
    assert len(codes) == services.RECOVERY_CODE_COUNT == 10
    assert stored_codes(user) == set(codes)
    device.refresh_from_db()
    assert device.confirmed is True
    assert selectors.has_two_factor(user)


@pytest.mark.django_db
def test_totp_device_confirm_with_a_wrong_code():
    user = UserFactory.create()
    device = services.totp_device_start(user=user)

    assert services.totp_device_confirm(device=device, token=wrong_token(device)) is None

    device.refresh_from_db()
    assert device.confirmed is False
    assert not StaticDevice.objects.filter(user=user).exists()
    assert not selectors.has_two_factor(user)


def test_totp_device_confirm_replaces_the_earlier_device(enrolled: Enrolled):
    device = services.totp_device_start(user=enrolled.user)

    codes = services.totp_device_confirm(device=device, token=current_token(device))
    assert codes is not None

    assert list(TOTPDevice.objects.filter(user=enrolled.user)) == [device]
    assert stored_codes(enrolled.user) == set(codes)


# --- Recovery codes ----------------------------------------------------------------


@pytest.mark.django_db
def test_recovery_codes_are_ten_distinct_codes():
    user = UserFactory.create()

    codes = services.recovery_codes_renew(user=user)

    assert len(codes) == len(set(codes)) == 10
    assert all(len(code) == 10 for code in codes)
    device = StaticDevice.objects.get(user=user)
    assert device.confirmed is True
    assert device.name == "recovery"


def test_recovery_codes_renew_replaces_old_codes(enrolled: Enrolled):
    new_codes = services.recovery_codes_renew(user=enrolled.user)

    assert not set(new_codes) & set(enrolled.codes)
    assert stored_codes(enrolled.user) == set(new_codes)
    assert StaticDevice.objects.filter(user=enrolled.user).count() == 1


def test_recovery_code_works_once(enrolled: Enrolled):
    device = StaticDevice.objects.get(user=enrolled.user)

    assert device.verify_token(enrolled.codes[0]) is True
    device.refresh_from_db()
    assert device.verify_token(enrolled.codes[0]) is False
    assert len(stored_codes(enrolled.user)) == 9


def test_recovery_codes_renew_leaves_other_people_alone(enrolled: Enrolled):
    other = UserFactory.create()
    other_codes = services.recovery_codes_renew(user=other)

    services.recovery_codes_renew(user=enrolled.user)

    assert stored_codes(other) == set(other_codes)


# --- Switching off -------------------------------------------------------------------


def test_two_factor_disable_removes_every_device(enrolled: Enrolled):
    services.totp_device_start(user=enrolled.user)
    other = UserFactory.create()
    other_device = TOTPDevice.objects.create(user=other, name="authenticator", confirmed=True)

    services.two_factor_disable(user=enrolled.user)

    assert not TOTPDevice.objects.filter(user=enrolled.user).exists()
    assert not StaticDevice.objects.filter(user=enrolled.user).exists()
    assert not StaticToken.objects.filter(device__user=enrolled.user).exists()
    assert not selectors.has_two_factor(enrolled.user)
    assert TOTPDevice.objects.filter(pk=other_device.pk).exists()


# --- Selectors -------------------------------------------------------------------------


@pytest.mark.django_db
def test_has_two_factor_counts_only_confirmed_devices():
    user = UserFactory.create()
    services.totp_device_start(user=user)

    assert selectors.has_two_factor(user) is False


def test_verification_devices_are_the_confirmed_ones(enrolled: Enrolled):
    services.totp_device_start(user=enrolled.user)

    devices = selectors.verification_devices(enrolled.user)

    assert {type(d) for d in devices} == {TOTPDevice, StaticDevice}
    assert all(d.confirmed for d in devices)


def test_totp_secret_is_the_key_in_base32(enrolled: Enrolled):
    secret = selectors.totp_secret(enrolled.device)

    assert "=" not in secret
    padded = secret + "=" * (-len(secret) % 8)
    assert base64.b32decode(padded) == enrolled.device.bin_key


def test_qr_code_carries_the_otpauth_address(enrolled: Enrolled):
    svg = selectors.totp_qr_svg(enrolled.device)

    assert svg.startswith("<svg")
    assert enrolled.device.config_url.startswith("otpauth://totp/")
    issuer = quote(settings.OTP_TOTP_ISSUER)
    assert "Rabat%20Process" in issuer and f"issuer={issuer}" in enrolled.device.config_url
