"""Private pages of the national workshops: the list, a new workshop, its page, its edit,
holding and cancelling it. Who may view a guide views its workshops (and their sign-in
lists); who may edit the guide manages them. Every view goes through ``access_workshop``
(or ``access_guide`` for a new one)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor, grant
from rabatnet.core.responses import kept_private
from rabatnet.core.steps import take_step
from rabatnet.guides.permissions import access_guide
from rabatnet.network.permissions import is_member, is_secretariat

from . import workshop_selectors as selectors
from . import workshop_services as services
from .models import Workshop
from .permissions import access_workshop, can_manage_workshop
from .workshop_forms import WorkshopCancelForm, WorkshopFilterForm, WorkshopForm
from .workshop_pdf import report_pdf
from .workshop_report import build_report

# The sign-in list is personal data: never kept by a cache.
private = kept_private


@require_GET
def workshop_list(request: HttpRequest) -> HttpResponse:
    """The secretariat: every workshop; a member: those of their countries."""
    user = request.user
    grant(request, bool((is_secretariat | is_member).test(user)))
    form = WorkshopFilterForm(request.GET or None, countries=selectors.list_countries(user))
    workshops = selectors.listed(user, form.filters() if form.is_bound else selectors.Filters())
    context = {
        "form": form,
        "workshops": workshops,
        "new_guides": selectors.editable_guides(user),
    }
    return private(render(request, "questionnaires/workshop_list.html", context))


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, iso3: str) -> HttpResponse:
    """Who may edit the country's guide (``?lang=`` chooses the guide): a planned workshop."""
    guide = access_guide(request, iso3, "edit")
    form = WorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_create(
                guide=guide, data=form.workshop_in(), by=actor(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The workshop was saved as planned."))
            return redirect("workshops:detail", pk=workshop.pk)
    context = {"form": form, "guide": guide, "workshop": None}
    return private(render(request, "questionnaires/workshop_form.html", context))


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The country and the secretariat: the programme, the experts, the outcomes, the
    sign-in list, the guide it serves."""
    workshop = access_workshop(request, pk, "view")
    user = request.user
    context = {
        "workshop": workshop,
        "guide": workshop.guide,
        "experts": selectors.expert_lines(user, workshop),
        "outcomes": selectors.outcomes_by_kind(workshop),
        "participants": workshop.participants.select_related("organisation"),
        "can_manage": can_manage_workshop(user, workshop),
        "is_open": workshop.status != Workshop.Status.CANCELLED,
        "cancel_form": WorkshopCancelForm(),
    }
    return private(render(request, "questionnaires/workshop_detail.html", context))


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Who manages it: the programme (a stale edit is refused with the change shown)."""
    workshop = access_workshop(request, pk, "manage")
    form = WorkshopForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        user, data = actor(request), form.workshop_in()
        if form.save_through(
            lambda: services.workshop_update(
                workshop=workshop,
                data=data,
                expected_version=form.cleaned_data["version"],
                by=user,
            )
        ):
            messages.success(request, _("Your changes were saved."))
            return redirect("workshops:detail", pk=workshop.pk)
    context = {"form": form, "guide": workshop.guide, "workshop": workshop}
    return private(render(request, "questionnaires/workshop_form.html", context))


@require_POST
def hold(request: HttpRequest, pk: int) -> HttpResponse:
    """Who manages it: the workshop took place (its last day has come)."""
    workshop = access_workshop(request, pk, "manage")
    user = actor(request)

    def write() -> None:
        services.workshop_hold(workshop=workshop, by=user)
        messages.success(request, _("The workshop is marked held."))

    return take_step(request, write, "workshops:detail", pk=workshop.pk)


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Who manages it: cancel a planned workshop, with a reason."""
    workshop = access_workshop(request, pk, "manage")
    form = WorkshopCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_cancel(
                workshop=workshop, reason=form.cleaned_data["reason"], by=actor(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The workshop is cancelled."))
            return redirect("workshops:detail", pk=workshop.pk)
    context = {"form": form, "workshop": workshop}
    return private(render(request, "questionnaires/workshop_cancel.html", context))


@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The country and the secretariat: the workshop's report as a page."""
    workshop = access_workshop(request, pk, "view")
    context = {"report": build_report(workshop, request.user), "workshop": workshop}
    return private(render(request, "questionnaires/workshop_report.html", context))


@require_GET
def report_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The same as PDF, in the page's language."""
    workshop = access_workshop(request, pk, "view")
    language = translation.get_language() or "en"
    response = HttpResponse(
        report_pdf(build_report(workshop, request.user)), content_type="application/pdf"
    )
    name = f"workshop-{workshop.pk}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return private(response)
