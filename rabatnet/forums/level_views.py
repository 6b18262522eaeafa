"""Choosing one's notification level for a forum (joining it) or a thread: POST only.

Without JavaScript the form posts and the page comes back (``next``); with htmx the form
swaps itself (``forums/_level_form.html``).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rabatnet.network.models import Person

from . import level_services
from .level_forms import LevelForm
from .models import Forum, Thread
from .permissions import access_forum, access_thread
from .selectors import person_of


def acting_person(request: HttpRequest) -> Person:
    """The signed-in member's network person (403 for an account that has none)."""
    person = person_of(request.user)
    if person is None or person.erased_at is not None:
        raise PermissionDenied
    return person


def _answer(request: HttpRequest, target: Forum | Thread, form: LevelForm) -> HttpResponse:
    if getattr(request, "htmx", False):
        context = {"target": target, "form": form}
        return render(request, "forums/_level_form.html", context, status=200)
    if form.errors:
        messages.error(request, _("Choose one of the levels offered."))
    else:
        messages.success(request, _("Your notification level was saved."))
    back = request.POST.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = target.get_absolute_url()
    return HttpResponseRedirect(back)


@require_POST
def forum_level(request: HttpRequest, slug: str) -> HttpResponse:
    """Members who may read the forum: join it, or change their level there."""
    forum = access_forum(request, slug, "view")
    person = acting_person(request)
    form = LevelForm(request.POST)
    if form.is_valid():
        level_services.forum_level_set(
            person=person, forum=forum, level=form.cleaned_data["level"] or None
        )
    return _answer(request, forum, form)


@require_POST
def thread_level(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Members who may read the thread: their level for it, or back to the forum's."""
    thread = access_thread(request, slug, pk, "view")
    person = acting_person(request)
    form = LevelForm(request.POST)
    if form.is_valid():
        level_services.thread_level_set(
            person=person, thread=thread, level=form.cleaned_data["level"] or None
        )
    return _answer(request, thread, form)
