"""Reads for accounts."""

import base64
from collections.abc import Callable, Iterable

import segno
from django.conf import settings
from django.utils.module_loading import import_string
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User


def has_two_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def user_roles(user: User) -> set[str]:
    """The roles ``user`` holds today, read through ``ACCOUNT_APPOINTMENTS_CALLABLE``.

    Roles live with the person's appointments in ``network``, an app above this one: the
    setting names the reader (``network.selectors.user_appointments``) so that accounts
    does not import it.
    """
    appointments: Callable[[User], Iterable[object]] = import_string(
        settings.ACCOUNT_APPOINTMENTS_CALLABLE
    )
    return {str(getattr(appointment, "role", "")) for appointment in appointments(user)}


def two_factor_required(user: User) -> bool:
    """Whether a role ``user`` holds today is in ``TWO_FACTOR_REQUIRED_ROLES``."""
    required = set(settings.TWO_FACTOR_REQUIRED_ROLES)
    return bool(required) and bool(required & user_roles(user))


def verification_devices(user: User) -> list:
    return list(devices_for_user(user, confirmed=True))


def totp_secret(device: TOTPDevice) -> str:
    """The key in base32, for apps that cannot scan the code."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def totp_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#111")


def account_with_email(email: str) -> User | None:
    """The account that signs in with ``email`` (sign-in ignores case), if any."""
    return User.objects.filter(email__iexact=email.strip()).first()
