"""A country's follow-up contributors: the people its focal point designates to enter
initiatives and assessments for it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rabatnet.core.access import actor, grant

from . import initiative_selectors as selectors
from . import initiative_services as services
from .initiative_forms import ContributorForm
from .initiative_permissions import (
    access_contributor,
    access_followup_country,
    can_designate_for_country,
)


@require_http_methods(["GET", "POST"])
def contributor_list(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's editors and contributors see who may enter for it; its focal points
    and the secretariat designate (POST) and end designations."""
    country = access_followup_country(request, iso3, "contributors")
    can_designate = can_designate_for_country(request.user, country)
    form = ContributorForm(request.POST or None, country=country) if can_designate else None
    if request.method == "POST":
        grant(request, can_designate)
        assert form is not None
        if form.is_valid():
            try:
                services.contributor_designate(
                    country=country, person=form.cleaned_data["person"], by=actor(request)
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The person may now enter for this country."))
                return redirect("initiatives:contributors", iso3=country.iso3)
    context = {
        "country": country,
        "contributors": selectors.contributors(country),
        "form": form,
        "can_designate": can_designate,
    }
    return render(request, "followup/contributor_list.html", context)


@require_POST
def contributor_end(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's focal points and the secretariat: end a designation."""
    contributor = access_contributor(request, pk, "end")
    try:
        services.contributor_end(contributor=contributor)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The designation has ended."))
    return redirect("initiatives:contributors", iso3=contributor.country.iso3)
