"""The private area. Every view requires a signed-in member; each states its rule."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from rabatnet.core.access import actor

from . import confirmation, selectors, services, vcard
from .confirmation import is_overdue, overdue_people
from .exports import directory_csv as directory_csv_text
from .forms import (
    AppointmentEndForm,
    AppointmentForm,
    DirectoryFilterForm,
    OrganisationForm,
    PersonForm,
)
from .permissions import (
    access_appointment,
    access_area,
    access_country_area,
    access_organisation,
    access_person,
    can_change_person,
    can_confirm_person,
    can_manage_network,
)
from .visibility import PersonCard, person_card, person_cards

# How many overdue people the secretariat's home lists (the directory's filter has them all).
OVERDUE_LISTED = 20


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails  # set by django_htmx's middleware


@require_GET
def private_home(request: HttpRequest) -> HttpResponse:
    """Members: their appointments, their countries, the secretariat's contacts; the
    confirmation of their details when due; for the secretariat, who is overdue."""
    access_area(request, "view")
    user = actor(request)
    own = selectors.person_of_user(user)
    can_manage = can_manage_network(request.user)
    context = {
        "appointments": selectors.user_appointments(user),
        "countries": selectors.user_countries(user),
        "secretariat": person_cards(request.user, selectors.secretariat_contacts()),
        "can_manage": can_manage,
        "own_person": own,
        "confirmation_due": own is not None and is_overdue(own.details_confirmed_at),
        "overdue": list(overdue_people()[:OVERDUE_LISTED]) if can_manage else None,
        "overdue_count": overdue_people().count() if can_manage else 0,
    }
    return render(request, "network/private_home.html", context)


@require_GET
def country_area(request: HttpRequest, iso3: str) -> HttpResponse:
    """Members appointed for this country, and the secretariat: its posts, current and past."""
    country = access_country_area(request, iso3)
    context = {
        "country": country,
        "posts": selectors.country_posts(country),
        "can_manage": can_manage_network(request.user),
    }
    return render(request, "network/country_area.html", context)


def _directory_query(request: HttpRequest) -> tuple[DirectoryFilterForm, list[PersonCard]]:
    """The filter form read from the query, and the cards of the people it selects."""
    can_manage = can_manage_network(request.user)
    form = DirectoryFilterForm(request.GET or None, secretariat=can_manage)
    if form.is_bound:
        form.is_valid()  # a bad field is shown with its message; the valid ones still filter
    people = selectors.directory(include_unlisted=can_manage, **form.filters())
    return form, person_cards(request.user, people)


@require_GET
@vary_on_headers("HX-Request")
def directory(request: HtmxHttpRequest) -> HttpResponse:
    """Members: people in post who agreed to be listed (the secretariat sees everyone)."""
    access_area(request, "directory")
    form, cards = _directory_query(request)
    query = request.GET.urlencode()
    context = {
        "form": form,
        "cards": cards,
        "can_manage": can_manage_network(request.user),
        "query": f"?{query}" if query else "",
    }
    # A history restore (back button, cache missed) needs the whole page.
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "network/directory.html#results", context)
    return render(request, "network/directory.html", context)


def _attachment(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def directory_vcf(request: HttpRequest) -> HttpResponse:
    """Members: the filtered directory as vCards 4.0, each field as the viewer may see it."""
    access_area(request, "directory")
    _, cards = _directory_query(request)
    return _attachment(vcard.vcards(cards), vcard.MEDIA_TYPE, "directory.vcf")


@require_GET
def directory_csv(request: HttpRequest) -> HttpResponse:
    """The secretariat: the filtered directory as CSV, every field."""
    access_area(request, "manage")
    _, cards = _directory_query(request)
    return _attachment(directory_csv_text(cards), "text/csv; charset=utf-8", "directory.csv")


@require_GET
def person_vcf(request: HttpRequest, pk: int) -> HttpResponse:
    """One person's vCard 4.0, for whoever may see the person, as they may see them."""
    person = access_person(request, pk, "view")
    card = person_card(request.user, selectors.person_with_history(person.pk))
    if card is None:
        raise Http404
    return _attachment(vcard.vcard(card), vcard.MEDIA_TYPE, f"person-{person.pk}.vcf")


@require_POST
def person_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The person themself: "My details are correct"."""
    person = access_person(request, pk, "confirm")
    confirmation.person_details_confirm(person=person, actor=actor(request))
    messages.success(request, _("Thank you: your details are confirmed."))
    return redirect(person)


@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat, the person themself, or members when the person is listed."""
    person = access_person(request, pk, "view")
    full = selectors.person_with_history(person.pk)
    card = person_card(request.user, full)
    if card is None:  # an erased person, for anybody but the secretariat
        raise Http404
    context = {
        "person": full,
        "card": card,
        "appointments": full.appointments.all(),
        "can_change": can_change_person(request.user, person),
        "can_confirm": can_confirm_person(request.user, person),
        "can_manage": can_manage_network(request.user),
        "confirmation_due": is_overdue(person.details_confirmed_at),
    }
    return render(request, "network/person_detail.html", context)


@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    """The secretariat adds a person to the network, with an account and an invitation."""
    access_area(request, "manage")
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        site_url = f"{request.scheme}://{request.get_host()}"
        try:
            person = services.person_create(
                actor=actor(request), site_url=site_url, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if person.user_id:
                message = _("%(name)s was added; an invitation was sent to %(email)s.")
            else:
                message = _("%(name)s was added.")
            messages.success(request, message % {"name": person.full_name, "email": person.email})
            return redirect(person)
    return render(request, "network/person_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat, or the person themself; a stale edit is refused."""
    person = access_person(request, pk, "change")
    form = PersonForm(request.POST or None, instance=person)
    if person.user_id is not None and person.user_id == request.user.pk:
        # One's own address changes from the account page, once the new address confirms
        # (docs/decisions/0015): this form must not say who else has an address.
        form.fields["email"].disabled = True
        form.fields["email"].help_text = _(
            "Change your address from the Security page: it changes when the new address confirms."
        )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.save_through(
            lambda: services.person_update(
                person=form.instance,
                expected_version=form.cleaned_data["version"],
                actor=actor(request),
            )
        )
    ):
        if can_confirm_person(request.user, person):  # saving one's own record confirms it
            confirmation.person_details_confirm(person=person, actor=actor(request))
        messages.success(request, _("Your changes were saved."))
        return redirect(person)
    return render(request, "network/person_form.html", {"form": form, "person": person})


@require_http_methods(["GET", "POST"])
def appointment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat appoints a person to a role."""
    person = access_person(request, pk, "appoint")
    form = AppointmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.appointment_create(person=person, actor=actor(request), **form.cleaned_data)
        messages.success(request, _("The appointment was recorded."))
        return redirect(person)
    return render(request, "network/appointment_form.html", {"form": form, "person": person})


@require_POST
def appointment_end(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat ends an appointment; its record stays in the history."""
    appointment = access_appointment(request, pk)
    form = AppointmentEndForm(request.POST)
    if form.is_valid():
        try:
            services.appointment_end(
                appointment=appointment, ends_on=form.cleaned_data["ends_on"], actor=actor(request)
            )
            messages.success(request, _("The appointment was ended."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Give a valid end date."))
    return redirect(appointment.person)


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    """Members: the organisations of the network."""
    access_area(request, "directory")
    context = {
        "organisations": selectors.organisations(),
        "can_manage": can_manage_network(request.user),
    }
    return render(request, "network/organisation_list.html", context)


@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The secretariat adds or edits an organisation; a stale edit is refused."""
    if pk is None:
        access_area(request, "manage")
    organisation = access_organisation(request, pk) if pk is not None else None
    form = OrganisationForm(request.POST or None, instance=organisation)

    def write() -> object:
        if organisation is None:
            data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            return services.organisation_create(actor=actor(request), **data)
        return services.organisation_update(
            organisation=form.instance,
            expected_version=form.cleaned_data["version"],
            actor=actor(request),
        )

    if request.method == "POST" and form.is_valid() and form.save_through(write):
        messages.success(request, _("The organisation was saved."))
        return redirect("network:organisation_list")
    context = {"form": form, "organisation": organisation}
    return render(request, "network/organisation_form.html", context)
