"""Small helpers shared by the accounts tests."""

from typing import TYPE_CHECKING

from django.http.response import HttpResponseBase, HttpResponseRedirectBase
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.network.tests.factories import PASSWORD

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

LOGIN_URL = "/en/accounts/login/"
PRIVATE_URL = "/en/private/"
VERIFY_URL = "/en/accounts/two-factor/verify/"


def sign_in(
    client: Client,
    username: str,
    password: str = PASSWORD,
    ip: str = "127.0.0.1",
    **data: str,
) -> "_MonkeyPatchedWSGIResponse":
    """POST the login form as a browser at ``ip`` would."""
    return client.post(
        LOGIN_URL, {"username": username, "password": password, **data}, REMOTE_ADDR=ip
    )


def redirect_url(response: HttpResponseBase) -> str:
    """Where a redirect response sends the browser (fails if it is no redirect)."""
    assert isinstance(response, HttpResponseRedirectBase), response.status_code
    return response.url


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def current_token(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the authenticator app shows now (or ``steps_ahead`` periods later)."""
    device.refresh_from_db()
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{code:0{device.digits}d}"


def wrong_token(device: TOTPDevice) -> str:
    """A well-formed code the device refuses: none of those its tolerance accepts."""
    accepted = {current_token(device, steps) for steps in range(-2, 3)}
    return next(code for n in range(1_000_000) if (code := f"{n:06d}") not in accepted)
