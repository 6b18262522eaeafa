"""How django-axes names the person behind a sign-in attempt, and the address they came from.

Set ``AXES_USERNAME_CALLABLE = "rabatnet.accounts.lockout.axes_username"``. Without it,
axes looks for the e-mail under the key ``email`` (our ``USERNAME_FIELD``) while the
login forms hand it on as ``username``: failures are then recorded without a username
and a lock never stops the right password.

Set ``AXES_CLIENT_IP_CALLABLE = "rabatnet.accounts.lockout.axes_client_ip"``: behind a
proxy every request comes from the proxy's address, and one lock would then cover
everybody (see docs/decisions/0010-client-address-behind-proxies.md).
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

from .models import User


def axes_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The e-mail as sign-in reads it, case folded.

    Looked up under ``username`` (Django's login forms and the signal axes records
    failures from) or ``email`` (what axes's backend builds). Sign-in ignores case
    (``UserManager.get_by_natural_key``), so ``A@x`` and ``a@x`` count against one lock.
    """
    source = credentials if credentials else getattr(request, "data", request.POST)
    username = source.get("username") or source.get(User.USERNAME_FIELD)
    # Axes keeps it in 255 characters: a longer one (no address is) must not fail the page.
    return username.strip().lower()[:255] if isinstance(username, str) else None


def axes_client_ip(request: HttpRequest) -> str | None:
    """The client's address as the trusted proxies saw it.

    With ``TRUSTED_PROXY_COUNT`` = 0 (no proxy) it is ``REMOTE_ADDR``. Behind N proxies,
    each appends the address it received the request from to ``X-Forwarded-For``: the
    N-th entry from the right is the one our outermost proxy wrote. Entries further left
    come from the client and may be forged, so they are never read. A request that did
    not pass through every proxy (too few entries, or not an address) falls back to
    ``REMOTE_ADDR``.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if len(entries) < count:
        return remote
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
