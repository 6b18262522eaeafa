"""The secretariat's cycle pages: the list, a cycle's completion, create, edit, close, and
the verification queue. The list is also open to members, for their own countries."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor
from rabatnet.countries.models import Country
from rabatnet.network.permissions import appointments_in_force

from . import cycle_selectors as selectors
from . import cycle_services as services
from .cycle_forms import CycleForm, ReturnForm, VerifyForm
from .cycle_permissions import (
    _contributor_country_ids,
    access_assessment,
    access_cycle,
    access_cycles,
    can_manage_cycles,
    is_open,
)
from .models import Cycle


def _visible_countries(request: HttpRequest) -> list[int] | None:
    """None for the secretariat (every country); else the countries the visitor works for."""
    if can_manage_cycles(request.user):
        return None
    ids = {a.country_id for a in appointments_in_force(request.user) if a.country_id}
    return sorted(ids | _contributor_country_ids(request.user))


@require_GET
def cycle_list(request: HttpRequest) -> HttpResponse:
    """Members and contributors (their countries' rows), the secretariat (every country's
    completion and the links to manage)."""
    access_cycles(request, "list")
    visible = _visible_countries(request)
    countries = None if visible is None else Country.objects.filter(pk__in=visible)
    rows = []
    for cycle in selectors.cycles():
        completion = selectors.completion(cycle, countries)
        rows.append(
            {
                "cycle": cycle,
                "open": is_open(cycle),
                "completion": completion,
                "reported": sum(1 for c in completion if c.complete),
            }
        )
    context = {"rows": rows, "manage": visible is None}
    return render(request, "followup/cycle_list.html", context)


@require_GET
def cycle_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The secretariat: per country, objectives assessed / submitted / verified."""
    cycle = access_cycle(request, slug, "view")
    completion = selectors.completion(cycle)
    context = {
        "cycle": cycle,
        "open": is_open(cycle),
        "completion": completion,
        "objectives": selectors.objective_count(cycle),
        "reported": sum(1 for c in completion if c.complete),
        "queue": selectors.verification_queue(cycle).count(),
    }
    return render(request, "followup/cycle_detail.html", context)


@require_http_methods(["GET", "POST"])
def cycle_create(request: HttpRequest) -> HttpResponse:
    """The secretariat opens a new collection cycle."""
    access_cycles(request, "manage")
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = services.cycle_create(
                framework=data["framework"],
                slug=data["slug"],
                title_en=data["title_en"],
                title_fr=data.get("title_fr") or "",
                opens_on=data["opens_on"],
                deadline=data["deadline"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The cycle was created."))
            return redirect("cycles:detail", slug=cycle.slug)
    return render(request, "followup/cycle_form.html", {"form": form, "cycle": None})


@require_http_methods(["GET", "POST"])
def cycle_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The secretariat changes the titles and dates; a stale edit is refused."""
    cycle = access_cycle(request, slug, "change")
    form = CycleForm(request.POST or None, instance=cycle)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.save_through(
            lambda: services.cycle_update(
                cycle=form.instance,
                expected_version=form.cleaned_data["version"],
                fields=["title_en", "title_fr", "opens_on", "deadline"],
            )
        )
    ):
        messages.success(request, _("Your changes were saved."))
        return redirect("cycles:detail", slug=cycle.slug)
    return render(request, "followup/cycle_form.html", {"form": form, "cycle": cycle})


@require_POST
def cycle_close(request: HttpRequest, slug: str) -> HttpResponse:
    """The secretariat closes the cycle: no more entries (verification goes on)."""
    cycle = access_cycle(request, slug, "close")
    try:
        services.cycle_close(cycle=cycle)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The cycle is closed: it takes no more entries."))
    return redirect("cycles:detail", slug=cycle.slug)


@require_GET
def verification_queue(request: HttpRequest, slug: str) -> HttpResponse:
    """The secretariat: submitted entries waiting, self-assessment shown."""
    cycle = access_cycle(request, slug, "verify")
    queue = [(a, selectors.is_late(a, cycle)) for a in selectors.verification_queue(cycle)]
    return render(request, "followup/cycle_queue.html", {"cycle": cycle, "queue": queue})


def _verify_page(
    request: HttpRequest, cycle: Cycle, form: VerifyForm, return_form: ReturnForm
) -> HttpResponse:
    assessment = form.instance
    context = {
        "cycle": cycle,
        "assessment": assessment,
        "late": selectors.is_late(assessment, cycle),
        "form": form,
        "return_form": return_form,
    }
    return render(request, "followup/assessment_verify.html", context)


@require_http_methods(["GET", "POST"])
def assessment_verify(request: HttpRequest, slug: str, pk: str) -> HttpResponse:
    """The secretariat verifies a submitted entry (status and note); a stale edit or an
    entry no longer submitted is refused with the reason."""
    assessment = access_assessment(request, slug, pk, "verify")
    cycle = assessment.cycle
    form = VerifyForm(request.POST or None, instance=assessment)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.save_through(
            lambda: services.assessment_verify(
                assessment=form.instance,
                verified_status=form.cleaned_data["verified_status"],
                verification_note=form.cleaned_data["verification_note"],
                expected_version=form.cleaned_data["version"],
                actor=actor(request),
            )
        )
    ):
        messages.success(request, _("The entry is verified."))
        return redirect(reverse("cycles:queue", kwargs={"slug": cycle.slug}))
    return _verify_page(request, cycle, form, ReturnForm())


@require_POST
def assessment_return(request: HttpRequest, slug: str, pk: str) -> HttpResponse:
    """The secretariat returns a submitted entry with a reason (mailed to the focal points)."""
    assessment = access_assessment(request, slug, pk, "verify")
    cycle = assessment.cycle
    return_form = ReturnForm(request.POST)
    if return_form.is_valid():
        try:
            services.assessment_return(
                assessment=assessment,
                reason=return_form.cleaned_data["reason"],
                actor=actor(request),
            )
        except ValidationError as exc:
            return_form.add_error(None, exc)
        else:
            messages.success(request, _("The entry was returned to the country."))
            return redirect(reverse("cycles:queue", kwargs={"slug": cycle.slug}))
    return _verify_page(request, cycle, VerifyForm(instance=assessment), return_form)
