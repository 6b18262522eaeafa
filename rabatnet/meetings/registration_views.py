"""Registration pages under ``/private/meetings/``: the meetings open for registration,
a country's delegation form, the secretariat's list with confirm, the participant list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rabatnet.core.access import actor
from rabatnet.network.permissions import is_secretariat

from . import registration_services as services
from .models import Meeting, Registration
from .registration_forms import RegistrationForm, delegate_formset
from .registration_permissions import (
    access_meeting,
    access_registration,
    access_registration_list,
    can_change_registration,
    can_confirm_registration,
)
from .registration_selectors import (
    REGISTERED,
    meeting_registrations,
    registration_meetings,
    user_countries,
    user_country_ids,
)


@require_safe
def registration_list(request: HttpRequest) -> HttpResponse:
    """Members: the meetings taking registrations, with their countries' state (the focal
    points register); the secretariat: every country's, with a link to confirm."""
    access_registration_list(request)
    secretariat = bool(is_secretariat.test(request.user))
    countries = user_countries(request.user)
    meetings = registration_meetings(None if secretariat else [c.pk for c in countries])
    rows = []
    for meeting in meetings:
        by_country = {r.country_id: r for r in getattr(meeting, "mine", [])}
        rows.append(
            {
                "meeting": meeting,
                "problem": services.registration_window_problem(meeting),
                "countries": [(c, by_country.get(c.pk)) for c in countries],
                "all": list(by_country.values()),
            }
        )
    return render(
        request,
        "meetings/registration_list.html",
        {"rows": rows, "secretariat": secretariat, "countries": countries},
    )


def _editable(request: HttpRequest, registration: Registration, problem: str | None) -> bool:
    return (
        problem is None
        and registration.status in services.EDITABLE
        and can_change_registration(request.user, registration)
    )


@require_http_methods(["GET", "POST"])
def registration(request: HttpRequest, slug: str, iso3: str) -> HttpResponse:
    """A country's delegation to a meeting: read it, and write it while the window is open."""
    verb = "change" if request.method == "POST" else "view"
    found = access_registration(request, slug, iso3, verb)
    meeting = found.meeting
    problem = services.registration_window_problem(meeting)
    editable = _editable(request, found, problem)
    data = request.POST if request.method == "POST" else None
    form = RegistrationForm(data, instance=found)
    formset = delegate_formset(meeting, found, data)
    if request.method == "POST":
        if not editable:
            messages.error(request, problem or _("This registration can no longer be changed."))
            return redirect(request.path)
        if form.is_valid() & formset.is_valid():
            saved = form.save_through(
                lambda: services.registration_save(
                    meeting=meeting,
                    country=found.country,
                    note=form.cleaned_data["note"],
                    delegates=formset.delegates(),
                    expected_version=form.cleaned_data.get("version"),
                    by=actor(request),
                )
            )
            if saved:
                messages.success(request, _("The delegation was saved."))
                return redirect(request.path)
    context = {
        "meeting": meeting,
        "registration": found,
        "form": form,
        "formset": formset,
        "problem": problem,
        "editable": editable,
        "can_change": can_change_registration(request.user, found),
        "can_confirm": can_confirm_registration(request.user, found),
        "delegates": list(found.delegates.select_related("person")) if found.pk else [],
    }
    # Refused input answers 400; a stale edit 200 (the form is shown again, armed).
    refused = request.method == "POST" and not form.stale_changes
    return render(
        request, "meetings/registration_form.html", context, status=400 if refused else 200
    )


STEPS = {
    "submit": (
        services.registration_submit,
        gettext_lazy("The delegation was sent to the secretariat."),
    ),
    "withdraw": (services.registration_withdraw, gettext_lazy("The delegation was withdrawn.")),
    "confirm": (
        services.registration_confirm,
        gettext_lazy("The delegation is confirmed; the confirmations are on their way by e-mail."),
    ),
}


@require_POST
def registration_step(request: HttpRequest, slug: str, iso3: str, step: str) -> HttpResponse:
    """Submit, withdraw or confirm; refused with the reason when the step no longer applies."""
    found = access_registration(request, slug, iso3, step)
    write, done = STEPS[step]
    if found.pk is None:
        messages.error(request, _("This country has no registration for this meeting yet."))
    else:
        try:
            write(registration=found, by=actor(request))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, str(done))
    back = request.POST.get("next")
    if back == "list" and step == "confirm":
        return redirect("registrations:meeting_registrations", slug=found.meeting.slug)
    return redirect("registrations:registration", slug=found.meeting.slug, iso3=found.country.iso3)


@require_safe
def meeting_registrations_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The secretariat: every country's registration for the meeting, with confirm."""
    meeting = access_meeting(request, slug, "manage")
    registrations = meeting_registrations(meeting, None)
    return render(
        request,
        "meetings/registration_meeting.html",
        {"meeting": meeting, "registrations": registrations, "Status": Registration.Status},
    )


@require_safe
def participants(request: HttpRequest, slug: str) -> HttpResponse:
    """The delegations submitted or confirmed: all for the secretariat, a member's own
    countries' for everybody else (the list is never public)."""
    meeting: Meeting = access_meeting(request, slug, "participants")
    secretariat = bool(is_secretariat.test(request.user))
    country_ids = None if secretariat else user_country_ids(request.user)
    registrations = [
        r for r in meeting_registrations(meeting, country_ids) if r.status in REGISTERED
    ]
    delegates = sum(len(r.delegates.all()) for r in registrations)
    return render(
        request,
        "meetings/registration_participants.html",
        {
            "meeting": meeting,
            "registrations": registrations,
            "secretariat": secretariat,
            "delegate_count": delegates,
        },
    )
