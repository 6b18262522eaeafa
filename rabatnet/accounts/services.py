"""Writes for accounts: creation and two-factor devices."""

import secrets

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

RECOVERY_CODE_COUNT = 10


def user_create(*, email: str, full_name: str = "", password: str | None = None) -> User:
    """Create an account; without a password it can only be entered after a reset."""
    user = User.objects.create_user(email=email, password=password, full_name=full_name)
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """A fresh unconfirmed TOTP device (any earlier unconfirmed one is dropped)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device if ``token`` is right; returns new recovery codes, else None."""
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_renew(user=device.user)


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """Replace the user's recovery codes; each works once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_disable(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
