"""One step a page's button takes: run the service, turn its refusal into messages, go back."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse


def take_step(
    request: HttpRequest, write: Callable[[], object], then: str, **kwargs: object
) -> HttpResponse:
    """Run ``write`` (a service call); a ValidationError it raises (the step no longer
    applies, somebody was faster) becomes error messages; then redirect to the URL named
    ``then`` with ``kwargs``. The service shows its own success message."""
    try:
        write()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return HttpResponseRedirect(reverse(then, kwargs=kwargs))
