"""Reads for accounts."""

import base64

import segno
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User


def has_two_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


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
