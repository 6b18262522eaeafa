"""Two-factor: a session that has not given its second factor is anonymous, except to verify.

A person who signed in with their password but owes a second factor — they enrolled a
device and have not entered its code yet, or their role requires enrolment
(``TWO_FACTOR_REQUIRED_ROLES``) and they have not enrolled — is "half signed in". For them
every view sees an anonymous visitor, public views and the API included, and private views
send them to verification or enrolment. Only the views that finish signing in keep the
real account: those marked ``otp_exempt`` (verify, sign out) and, for a person who must
enrol, the enrolment view marked ``enrolment_view``. The session stays, so they can still
verify.
"""

from collections.abc import Callable
from enum import Enum
from typing import Any, Protocol, TypeVar, cast
from weakref import WeakKeyDictionary

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .models import User
from .selectors import has_two_factor, two_factor_required


class Owed(Enum):
    """What a half-signed-in session still owes."""

    VERIFICATION = "verification"
    ENROLMENT = "enrolment"


def second_factor_owed(user: User) -> Owed | None:
    """What ``user`` (signed in with the password) must still do, or None if nothing."""
    if getattr(user, "is_verified", lambda: False)():
        return None
    if has_two_factor(user):
        return Owed.VERIFICATION
    if two_factor_required(user):
        return Owed.ENROLMENT
    return None


class UnverifiedAnonymousUser(AnonymousUser):
    """An anonymous visitor with the attributes django-otp gives every user."""

    otp_device = None

    def is_verified(self) -> bool:
        return False


# The account and what it owes, for each request of a half-signed-in session.
_half_signed_in: "WeakKeyDictionary[HttpRequest, tuple[User, Owed]]" = WeakKeyDictionary()


class OTPVerificationMiddleware:
    """Treat a half-signed-in session as anonymous; send it to verification or enrolment.

    Comes after django-otp's ``OTPMiddleware`` and before ``LoginRequiredMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Without a session cookie nobody is signed in: do not load a session to learn it.
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = request.user
            owed = second_factor_owed(user) if isinstance(user, User) else None
            if isinstance(user, User) and owed is not None:
                _half_signed_in[request] = (user, owed)
                anonymous = UnverifiedAnonymousUser()
                request.user = anonymous

                async def anonymous_user() -> AnonymousUser:
                    return anonymous

                cast(Any, request).auser = anonymous_user
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: list[Any],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        pending = _half_signed_in.get(request)
        if pending is None:
            return None
        user, owed = pending
        if getattr(view_func, "otp_exempt", False) or (
            owed is Owed.ENROLMENT and getattr(view_func, "enrolment_view", False)
        ):
            request.user = user
            return None
        if not getattr(view_func, "login_required", True):
            return None  # a public view: it serves an anonymous visitor
        target = "accounts:verify" if owed is Owed.VERIFICATION else "accounts:two_factor"
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(target)}?{query}")


V = TypeVar("V", bound=Callable[..., Any])


class _MarkedView(Protocol):
    otp_exempt: bool
    enrolment_view: bool


def otp_exempt(view: V) -> V:
    """Mark a view a half-signed-in person reaches with their account (verify, sign out)."""
    cast(_MarkedView, view).otp_exempt = True
    return view


def enrolment_view(view: V) -> V:
    """Mark the view where a person whose role requires two-factor enrols."""
    cast(_MarkedView, view).enrolment_view = True
    return view
