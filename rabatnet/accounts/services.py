"""Writes for accounts: creation, invitations and two-factor devices."""

import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.core.selectors import dialogue_name
from rabatnet.core.tasks import send_email

from .models import PasswordResetThrottle, User

RECOVERY_CODE_COUNT = 10


def user_create(*, email: str, full_name: str = "", password: str | None = None) -> User:
    """Create an account; without a password it can only be entered after a reset."""
    user = User.objects.create_user(email=email, password=password, full_name=full_name)
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def user_invite(*, user: User, site_url: str) -> None:
    """E-mail ``user`` a link to choose a password, once the transaction commits.

    The link is a password reset link (Django's token: it works once, and until
    ``PASSWORD_RESET_TIMEOUT``); ``site_url`` is the scheme and host it points to,
    e.g. ``https://rabatnet.example.org``. Written in the active language.
    """
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    site_url = site_url.rstrip("/")
    context = {
        "email": user.email,
        "full_name": user.full_name,
        "dialogue": dialogue_name(),
        "set_password_url": f"{site_url}{path}",
        "reset_url": f"{site_url}{reverse('accounts:password_reset')}",
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
    }
    subject = loader.render_to_string("accounts/email/invitation_subject.txt", context)
    subject = "".join(subject.splitlines())
    body = loader.render_to_string("accounts/email/invitation.txt", context)
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[user.email]))


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


def _throttle_keys(*, email: str, client_address: str | None) -> list[str]:
    digest = salted_hmac(
        "rabatnet.accounts.password_reset", email.strip().lower(), algorithm="sha256"
    ).hexdigest()
    keys = [f"email:{digest}"]
    if client_address:
        keys.append(f"client:{client_address}")
    return sorted(keys)  # always locked in the same order


@transaction.atomic
def password_reset_admit(*, email: str, client_address: str | None) -> bool:
    """Count a password reset request; False when its address or client had enough.

    At most ``PASSWORD_RESET_LIMIT`` e-mails per address and per client address within
    ``PASSWORD_RESET_WINDOW`` (a sliding window). Counted whether or not an account has
    the address, so the answer never tells. Rows are locked while counted: concurrent
    workers cannot both take the last place.
    """
    now = timezone.now()
    since = now - settings.PASSWORD_RESET_WINDOW
    PasswordResetThrottle.objects.filter(updated_at__lt=since).delete()
    throttles = []
    for key in _throttle_keys(email=email, client_address=client_address):
        throttle, _ = PasswordResetThrottle.objects.select_for_update().get_or_create(key=key)
        throttle.sent_at = [
            moment for moment in throttle.sent_at if datetime.fromisoformat(moment) > since
        ]
        throttles.append(throttle)
    admitted = all(len(t.sent_at) < settings.PASSWORD_RESET_LIMIT for t in throttles)
    for throttle in throttles:
        if admitted:
            throttle.sent_at.append(now.isoformat())
        throttle.save(update_fields=["sent_at", "updated_at"])
    return admitted
