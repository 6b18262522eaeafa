"""How django-axes names the person behind a sign-in attempt.

Set ``AXES_USERNAME_CALLABLE = "rabatnet.accounts.lockout.axes_username"``. Without it,
axes looks for the e-mail under the key ``email`` (our ``USERNAME_FIELD``) while the
login forms hand it on as ``username``: failures are then recorded without a username
and a lock never stops the right password.
"""

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
    return username.strip().lower() if isinstance(username, str) else None
