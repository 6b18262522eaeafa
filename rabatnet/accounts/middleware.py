"""Two-factor: a signed-in person who has enrolled a device must verify it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device


class OTPVerificationMiddleware:
    """After the password, a person with a confirmed device is asked for a code.

    Public views (``login_not_required``) and views marked ``otp_exempt`` stay open.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: list, view_kwargs: dict
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        is_public = not getattr(view_func, "login_required", True)
        if is_public or getattr(view_func, "otp_exempt", False):
            return None
        if not user_has_device(user, confirmed=True):
            return None
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:verify')}?{query}")


def otp_exempt(view: Callable) -> Callable:
    view.otp_exempt = True  # type: ignore[attr-defined]
    return view
