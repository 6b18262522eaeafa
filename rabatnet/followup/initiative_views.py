"""Private pages of the initiatives: a country's list, entry, submission, the secretariat's
verification, the history. Each view says who may use it; all go through the access layer."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor, grant
from rabatnet.core.steps import take_step
from rabatnet.network.permissions import is_member

from . import initiative_selectors as selectors
from . import initiative_services as services
from .initiative_forms import InitiativeForm, ReturnForm, source_formset
from .initiative_permissions import (
    access_followup_country,
    access_initiative,
    access_verification_queue,
    can_change_initiative,
    can_designate_for_country,
    can_submit_initiative,
    can_verify_initiative,
    can_verify_initiatives,
    entry_countries,
)
from .models import ReviewState


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Anybody who may enter for a country (or the secretariat): their countries, the queue."""
    countries = entry_countries(request.user)
    grant(request, bool(countries) or is_member.test(request.user))
    context = {
        "countries": countries,
        "can_verify": can_verify_initiatives(request.user),
        "queue_count": selectors.queue().count() if can_verify_initiatives(request.user) else 0,
    }
    return render(request, "followup/initiative_home.html", context)


@require_GET
def country_list(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's editors and contributors, the secretariat: every initiative it entered."""
    country = access_followup_country(request, iso3, "enter")
    initiatives = list(selectors.of_country(country))
    by_state = {state: [i for i in initiatives if i.review_state == state] for state in ReviewState}
    context = {
        "country": country,
        "groups": [(state.label, by_state[state]) for state in ReviewState],
        "count": len(initiatives),
        "can_designate": can_designate_for_country(request.user, country),
    }
    return render(request, "followup/initiative_country_list.html", context)


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's editors and contributors, the secretariat: a new draft."""
    country = access_followup_country(request, iso3, "enter")
    form = InitiativeForm(request.POST or None)
    formset = source_formset(request.POST or None, None)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        user = actor(request)
        data = form.initiative_in(formset.sources())
        initiative = services.initiative_create(country=country, data=data, by=user)
        messages.success(request, _("The initiative was saved as a draft."))
        return redirect("initiatives:private_detail", pk=initiative.pk)
    context = {"country": country, "form": form, "formset": formset, "initiative": None}
    return render(request, "followup/initiative_form.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's editors and contributors (not while it waits for verification), the
    secretariat. Editing a verified initiative makes it a new submission (decision 0029)."""
    initiative = access_initiative(request, pk, "change")
    form = InitiativeForm(request.POST or None, instance=initiative)
    formset = source_formset(request.POST or None, initiative)
    was_verified = initiative.review_state == ReviewState.VERIFIED
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        user = actor(request)
        data = form.initiative_in(formset.sources())
        if form.save_through(
            lambda: services.initiative_update(
                initiative=initiative,
                data=data,
                expected_version=form.cleaned_data["version"],
                by=user,
            )
        ):
            if was_verified:
                messages.warning(
                    request,
                    _(
                        "Saved. The initiative is submitted again and left the public pages "
                        "until the secretariat verifies this version."
                    ),
                )
            else:
                messages.success(request, _("Your changes were saved."))
            return redirect("initiatives:private_detail", pk=initiative.pk)
    context = {
        "country": initiative.country,
        "form": form,
        "formset": formset,
        "initiative": initiative,
        "was_verified": was_verified,
    }
    return render(request, "followup/initiative_form.html", context)


@require_GET
def private_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's editors and contributors, the secretariat: the initiative in any state,
    with the steps open to the visitor."""
    initiative = access_initiative(request, pk, "view")
    initiative = selectors.one(initiative.pk)
    user = request.user
    context = {
        "initiative": initiative,
        "country": initiative.country,
        "can_change": can_change_initiative(user, initiative),
        "can_submit": can_submit_initiative(user, initiative),
        "can_verify": can_verify_initiative(user, initiative)
        and initiative.review_state == ReviewState.SUBMITTED,
        "return_form": ReturnForm(),
    }
    return render(request, "followup/initiative_private_detail.html", context)


@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's editors and contributors: a draft or returned initiative to verify."""
    initiative = access_initiative(request, pk, "submit")
    user = actor(request)

    def write() -> None:
        services.initiative_submit(initiative=initiative, by=user)
        messages.success(request, _("Submitted: the secretariat will verify it."))

    return take_step(request, write, "initiatives:private_detail", pk=initiative.pk)


@require_POST
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat: verify a submitted initiative, which publishes it."""
    initiative = access_initiative(request, pk, "verify")
    user = actor(request)

    def write() -> None:
        services.initiative_verify(initiative=initiative, by=user)
        messages.success(request, _("Verified: the initiative is published."))

    return take_step(request, write, "initiatives:private_detail", pk=initiative.pk)


@require_http_methods(["GET", "POST"])
def return_(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat: return a submitted initiative with a reason (mailed)."""
    initiative = access_initiative(request, pk, "verify")
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_return(
                initiative=initiative, reason=form.cleaned_data["reason"], by=actor(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Returned: the submitter was told why by e-mail."))
            return redirect("initiatives:queue")
    context = {"initiative": initiative, "form": form}
    return render(request, "followup/initiative_return.html", context)


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """The secretariat: submitted initiatives, the longest waiting first."""
    access_verification_queue(request)
    return render(request, "followup/initiative_queue.html", {"initiatives": selectors.queue()})


@require_GET
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's editors and contributors, the secretariat: who changed what, when."""
    initiative = access_initiative(request, pk, "view")
    context = {"initiative": initiative, "changes": selectors.history(initiative)}
    return render(request, "followup/initiative_history.html", context)
