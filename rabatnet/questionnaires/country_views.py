"""A questionnaire in one country: its invitations and the invite form, the response rate
per department, the responses (web and imported) and one response's answers.

Every view fetches through ``permissions.access_questionnaire_country`` ("view" to read,
"run" to invite, revoke, extend, resend); a response is looked up within the country of
the address, so another country's is 404 from here.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from rabatnet.core.access import actor, parse_number
from rabatnet.core.steps import take_step
from rabatnet.countries.models import Country

from . import invitation_services as services
from .answer_layout import layout_of
from .answer_read import read_rows
from .answer_services import saved_values
from .country_selectors import invitation_state, invitations_of, response_rates, responses_of
from .invitation_forms import InvitationForm
from .models import Invitation, Questionnaire, Response
from .permissions import access_questionnaire_country, can_run_questionnaire

STEPS = {
    "revoke": (services.invitation_revoke, gettext_lazy("The link was withdrawn.")),
    "extend": (services.invitation_extend, gettext_lazy("The link works for longer now.")),
    "resend": (services.invitation_resend, gettext_lazy("The link was sent again.")),
}


def _page(
    request: HttpRequest,
    questionnaire: Questionnaire,
    country: Country,
    form: InvitationForm | None = None,
) -> HttpResponse:
    can_run = can_run_questionnaire(request.user, country)
    invitations = invitations_of(questionnaire, country)
    rates, total = response_rates(invitations)
    if can_run and form is None:
        initial = {"language": questionnaire.default_language}
        form = InvitationForm(country=country, initial=initial)
    context = {
        "questionnaire": questionnaire,
        "country": country,
        "can_run": can_run,
        "is_open": questionnaire.status == Questionnaire.Status.OPEN,
        "invitations": [(i, invitation_state(i)) for i in invitations],
        "rates": rates,
        "total": total,
        "responses": responses_of(questionnaire, country),
        "form": form if can_run else None,
    }
    return render(request, "questionnaires/answer_country.html", context)


@require_GET
def country(request: HttpRequest, form_id: str, iso3: str) -> HttpResponse:
    questionnaire, place = access_questionnaire_country(request, form_id, iso3, "view")
    return _page(request, questionnaire, place)


@require_POST
def invite(request: HttpRequest, form_id: str, iso3: str) -> HttpResponse:
    questionnaire, place = access_questionnaire_country(request, form_id, iso3, "run")
    form = InvitationForm(request.POST, country=place)
    if form.is_valid():
        data = form.cleaned_data
        try:
            invitation = services.invitation_create(
                questionnaire=questionnaire,
                country=place,
                department=data["department"],
                respondent_name=data["respondent_name"],
                respondent_email=data["respondent_email"],
                language=data["language"],
                by=actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s was invited; the link is on its way by e-mail.")
                % {"name": invitation.respondent_name},
            )
            return redirect("answers:country", form_id=questionnaire.form_id, iso3=place.iso3)
    return _page(request, questionnaire, place, form)


@require_POST
def invitation_step(
    request: HttpRequest, form_id: str, iso3: str, pk: int, step: str
) -> HttpResponse:
    questionnaire, place = access_questionnaire_country(request, form_id, iso3, "run")
    if step not in STEPS:
        raise Http404("No such step.")
    invitation = get_object_or_404(
        Invitation, pk=parse_number(pk), questionnaire=questionnaire, country=place
    )
    service, done = STEPS[step]

    def write() -> None:
        service(invitation=invitation)
        messages.success(request, str(done))

    return take_step(
        request, write, "answers:country", form_id=questionnaire.form_id, iso3=place.iso3
    )


@require_GET
def response(request: HttpRequest, form_id: str, iso3: str, pk: int) -> HttpResponse:
    questionnaire, place = access_questionnaire_country(request, form_id, iso3, "view")
    found = get_object_or_404(
        Response.objects.select_related("department", "batch", "invitation"),
        pk=parse_number(pk),
        questionnaire=questionnaire,
        country=place,
    )
    layout = layout_of(questionnaire)
    context = {
        "questionnaire": questionnaire,
        "country": place,
        "response": found,
        "items": read_rows(layout, saved_values(found), request.LANGUAGE_CODE),
    }
    return render(request, "questionnaires/answer_response.html", context)
