"""Writes for accounts: creation, invitations and two-factor devices."""

import secrets
from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.core.selectors import dialogue_name
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.core.tasks import send_email

from .models import PasswordResetThrottle, User

RECOVERY_CODE_COUNT = 10
EMAIL_CHANGE_SALT = "rabatnet.accounts.email_change"
EMAIL_CHANGE_MAX_AGE = 2 * 24 * 60 * 60  # seconds a confirmation link stays valid


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
    _mail(template="invitation", context=context, to=user.email)


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


def _mail(*, template: str, context: Mapping[str, object], to: str) -> None:
    """Render ``accounts/email/<template>`` and queue it once the transaction commits."""
    rendered = loader.render_to_string(f"accounts/email/{template}_subject.txt", dict(context))
    subject = "".join(rendered.splitlines())
    body = loader.render_to_string(f"accounts/email/{template}.txt", dict(context))
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[to]))


def email_change_request(*, user: User, new_email: str, site_url: str) -> None:
    """Mail a signed, expiring confirmation link to ``new_email``; nothing changes yet.

    Whether the address is free is checked only when it confirms, so the person asking
    learns nothing about it (docs/decisions/0015-own-email-change-confirmed.md). The link
    is bound to the account and its current address: it dies when the address changes.
    """
    token = signing.dumps(
        {"user": user.pk, "from": user.email, "to": new_email.strip().lower()},
        salt=EMAIL_CHANGE_SALT,
    )
    path = reverse("accounts:email_confirm", kwargs={"token": token})
    context = {
        "confirm_url": f"{site_url.rstrip('/')}{path}",
        "dialogue": dialogue_name(),
        "days": EMAIL_CHANGE_MAX_AGE // (24 * 60 * 60),
    }
    _mail(template="email_change_confirm", context=context, to=new_email)


def email_change_target(*, user: User, token: str) -> str:
    """The new address a confirmation link carries for ``user``; ValidationError if none.

    Refused when the link is forged, expired, made for another account, or made before
    the account's address last changed.
    """
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.BadSignature as exc:  # SignatureExpired included
        raise ValidationError(_("This link is not valid or has expired."), code="bad") from exc
    if not isinstance(data, dict) or data.get("user") != user.pk or data.get("from") != user.email:
        raise ValidationError(_("This link is not valid or has expired."), code="bad")
    return str(data["to"])


@transaction.atomic
def email_change_confirm(*, user: User, token: str) -> User:
    """Make the confirmed address the account's sign-in address, and its person's e-mail.

    The old address gets a notice. Refused (ValidationError) if the link is not good or
    another account or person has the address by now.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    new_email = email_change_target(user=user, token=token)
    old_email = user.email
    taken = _("This address is already used by another account, so your address stays as it is.")
    if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
        raise ValidationError(taken, code="taken")
    # The person behind the account (network's Person, through its one-to-one field), if any.
    person = getattr(user, "person", None)
    if person is not None:
        others = type(person)._default_manager.filter(email__iexact=new_email)
        if others.exclude(pk=person.pk).exists():
            raise ValidationError(taken, code="taken")
        person.email = new_email
        record_actor(person, user)
        save_versioned(obj=person, expected_version=person.version, fields=["email"])
    user.email = new_email
    user.save(update_fields=["email"])
    context = {"old_email": old_email, "new_email": new_email, "dialogue": dialogue_name()}
    _mail(template="email_changed_notice", context=context, to=old_email)
    return user
