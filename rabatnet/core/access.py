"""Fetch and check: the one way a view gets an object it may use.

Each app writes ``can_<verb>_<noun>(user, obj) -> bool`` rules in its ``permissions.py`` and
one ``access_<noun>(request, ..., verb)`` helper that fetches the object and calls ``grant``:

    guide = access_guide(request, iso3, "edit")

answers 404 for an unknown object (bad keys are refused before any query, see
``parse_iso3`` and ``parse_number``), sends an anonymous visitor to the sign-in page and
refuses anybody else with 403. A visitor who gave the password but not the second factor
reaches views as an anonymous one, so "not signed in" covers both.
"""

import re
from collections.abc import Callable, Mapping
from typing import Protocol, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from rabatnet.accounts.models import User

AnyUser = User | AnonymousUser
T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)

# The largest key PostgreSQL's integer columns hold: a bigger number can name nothing.
MAX_KEY = 2**31 - 1


class Rule(Protocol[T_contra]):
    def __call__(self, user: AnyUser, obj: T_contra, /) -> bool: ...


class SignInRequired(PermissionDenied):
    """Refused because nobody is signed in: ``AccessMiddleware`` answers with the sign-in
    page. Without the middleware it stays a 403, never an open door."""


def parse_iso3(iso3: str) -> str:
    """The code in capitals, or 404 for anything that cannot be an ISO 3166 alpha-3 code."""
    if not re.fullmatch(r"[A-Za-z]{3}", iso3):
        raise Http404("Not a country code.")
    return iso3.upper()


def parse_number(value: object) -> int:
    """A positive key that fits the database, or 404 (``"9" * 30`` never reaches SQL)."""
    try:
        number = int(str(value))
    except ValueError as exc:
        raise Http404("Not a number.") from exc
    if not 0 < number <= MAX_KEY:
        raise Http404("No such number.")
    return number


def actor(request: HttpRequest) -> User:
    """The signed-in user a write is recorded against; only called once access is granted."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise SignInRequired
    return user


def grant(request: HttpRequest, allowed: bool) -> None:
    """Nothing if ``allowed``; else the sign-in page for an anonymous visitor, 403 for others."""
    if allowed:
        return
    if not request.user.is_authenticated:
        raise SignInRequired
    raise PermissionDenied


def check(request: HttpRequest, rules: Mapping[str, Rule[T]], verb: str, obj: T) -> T:
    """``obj`` if the rule ``rules[verb]`` lets the visitor use it (see ``grant``)."""
    grant(request, rules[verb](request.user, obj))
    return obj


class AccessMiddleware:
    """Turns ``SignInRequired`` into the sign-in page, back to this page once signed in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, SignInRequired):
            return redirect_to_login(request.get_full_path())
        return None
