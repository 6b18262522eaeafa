"""``Cache-Control: private, no-store`` on every private response."""

from collections.abc import Callable
from typing import Any
from weakref import WeakSet

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PRIVATE = "private, no-store"


class PrivateCacheControlMiddleware:
    """Keep private pages out of shared caches and the browser's store.

    A response is private when its view is not marked ``login_not_required`` (what
    ``LoginRequiredMiddleware`` guards), or when no view answered (an unknown address, a
    refusal before the view) and the visitor is signed in. Public views keep the caching
    they set. Comes right after ``AuthenticationMiddleware``, before any middleware that may
    answer in ``process_view`` (the second factor's redirect), so that every view is seen.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.public_requests: WeakSet[HttpRequest] = WeakSet()
        self.signed_in_requests: WeakSet[HttpRequest] = WeakSet()
        self.resolved_requests: WeakSet[HttpRequest] = WeakSet()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Without a session cookie nobody is signed in: do not load a session to learn it.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self.signed_in_requests.add(request)
        if request in self.resolved_requests:
            private = request not in self.public_requests
        else:
            private = request in self.signed_in_requests
        if private:
            response["Cache-Control"] = PRIVATE
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: list[Any],
        view_kwargs: dict[str, Any],
    ) -> None:
        self.resolved_requests.add(request)
        if not getattr(view_func, "login_required", True):
            self.public_requests.add(request)
