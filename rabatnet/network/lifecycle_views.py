"""A person's life in the network: handover, welcome pack, all their data, erasure."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rabatnet.core.access import actor

from .erasure import person_erase as erase
from .handover import handover as hand_over
from .lifecycle_forms import ErasureConfirmForm, HandoverForm
from .lifecycle_permissions import (
    access_appointment_handover,
    access_lifecycle_person,
    access_own_person,
)
from .models import Handover, Person
from .permissions import can_manage_network
from .personal_data import collect_personal_data
from .welcome import welcome_country, welcome_sections


@require_http_methods(["GET", "POST"])
def handover(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat hands a post over to a successor, in one step."""
    appointment = access_appointment_handover(request, pk)
    form = HandoverForm(request.POST or None, appointment=appointment)
    if request.method == "POST" and form.is_valid():
        try:
            record = hand_over(
                appointment=appointment,
                successor=form.successor_value(),
                on=form.cleaned_data["on"],
                actor=actor(request),
                site_url=f"{request.scheme}://{request.get_host()}",
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            successor = record.started.person
            messages.success(
                request,
                _("The post was handed over to %(name)s; the welcome pack is on its way.")
                % {"name": successor.display_name},
            )
            return redirect(successor)
    already = Handover.objects.filter(ended=appointment).select_related("started__person").first()
    context = {"form": form, "appointment": appointment, "already": already}
    return render(request, "network/handover_form.html", context)


@require_GET
def welcome(request: HttpRequest) -> HttpResponse:
    """The person's welcome pack; the secretariat sees anybody's with ``?person=<pk>``."""
    if "person" in request.GET:
        person = access_lifecycle_person(request, request.GET["person"], "welcome")
    else:
        person = access_own_person(request, "welcome")
    country = welcome_country(person)
    context = {
        "person": person,
        "country": country,
        "sections": welcome_sections(person, country),
        "can_manage": can_manage_network(request.user),
    }
    return render(request, "network/welcome.html", context)


def _data_response(person: Person) -> HttpResponse:
    body = json.dumps(collect_personal_data(person), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"rabatnet-person-{person.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    """All data held about the signed-in person, as a JSON download."""
    return _data_response(access_own_person(request, "export"))


@require_GET
def person_data(request: HttpRequest, pk: int) -> HttpResponse:
    """All data held about a person: the secretariat (and the person themself)."""
    return _data_response(access_lifecycle_person(request, pk, "export"))


@require_http_methods(["GET", "POST"])
def person_erase(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat erases a person, once they typed the person's number or name."""
    person = access_lifecycle_person(request, pk, "erase")
    form = ErasureConfirmForm(request.POST or None, person=person)
    if person.erased_at is not None:
        messages.info(request, _("This person was erased already."))
        return redirect(person)
    if request.method == "POST" and form.is_valid():
        try:
            erase(person=person, actor=actor(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            person.refresh_from_db()
            messages.success(
                request,
                _("The person was erased: the record now reads “%(name)s”.")
                % {"name": person.display_name},
            )
            return redirect(person)
    return render(request, "network/erase_confirm.html", {"form": form, "person": person})
