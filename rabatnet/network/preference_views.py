"""The preference centre: one page where a member chooses what reaches them and how often.

Each app adds its section (``registries.PREFERENCE_SECTIONS``): forums, newsletter, later
meetings. Each section is its own form (``prefix`` = its key); a POST names the section it
saves (``section``) and only the signed-in member's own settings are ever read or written.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rabatnet.core.access import actor

from .models import Person
from .permissions import access_area
from .registries import PREFERENCE_SECTIONS


def _own_person(request: HttpRequest) -> Person:
    """The signed-in member's own network person (403 for an account without one)."""
    person = Person.objects.filter(user=actor(request), erased_at__isnull=True).first()
    if person is None:
        raise PermissionDenied
    return person


@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    """Members: their notification choices, section by section."""
    access_area(request, "view")
    person = _own_person(request)
    posted = request.POST.get("section") if request.method == "POST" else None
    forms = {}
    for key, section in PREFERENCE_SECTIONS.items():
        form = section.form(person, request.POST if key == posted else None)
        if key == posted and form.is_valid():
            section.save(form, person, request)
            messages.success(request, _("Your choices were saved."))
            return redirect("network:notifications")
        forms[key] = form
    if request.method == "POST" and posted not in PREFERENCE_SECTIONS:
        messages.error(request, _("Nothing was saved: that part of the page is unknown."))
    sections = [(section, forms[key]) for key, section in PREFERENCE_SECTIONS.items()]
    status = 400 if request.method == "POST" and posted not in PREFERENCE_SECTIONS else 200
    return render(
        request,
        "network/notifications.html",
        {"sections": sections, "person": person},
        status=status,
    )
