"""A country's self-assessment in a cycle: its page (one form per objective, beside the
previous cycle's entry), an objective's entry, submission, and the history of changes."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor
from rabatnet.core.forms import stale_message

from . import cycle_selectors as selectors
from . import cycle_services as services
from .cycle_forms import AssessmentForm
from .cycle_permissions import (
    CountryCycle,
    access_country_cycle,
    access_objective,
    can_enter_country_cycle,
    is_open,
)
from .models import Assessment


@dataclass(frozen=True)
class Entry:
    """An objective on the country's page: the row, its form if it may be changed now."""

    row: selectors.Row
    form: AssessmentForm | None
    late: bool


def _country_url(report: CountryCycle) -> str:
    return reverse(
        "cycles:country", kwargs={"slug": report.cycle.slug, "iso3": report.country.iso3}
    )


def _editable(assessment: Assessment | None) -> bool:
    return assessment is None or assessment.review_state in services.EDITABLE


@require_GET
def country_page(request: HttpRequest, slug: str, iso3: str) -> HttpResponse:
    """The country's focal points, workgroup and contributors, anybody appointed for it
    (reading), the secretariat: every objective with its entry and the previous cycle's."""
    report = access_country_cycle(request, slug, iso3, "view")
    cycle = report.cycle
    can_enter = can_enter_country_cycle(request.user, report) and is_open(cycle)
    rows = []
    for row in selectors.country_rows(cycle, report.country):
        editable = can_enter and _editable(row.assessment)
        rows.append(
            Entry(
                row=row,
                form=AssessmentForm(instance=row.assessment) if editable else None,
                late=row.assessment is not None and selectors.is_late(row.assessment, cycle),
            )
        )
    statuses = sum(1 for r in rows if r.row.assessment is not None)
    pending = any(r.row.assessment is not None and _editable(r.row.assessment) for r in rows)
    context = {
        "report": report,
        "cycle": cycle,
        "country": report.country,
        "rows": rows,
        "open": is_open(cycle),
        "can_enter": can_enter,
        "can_submit": can_enter and pending and statuses == len(rows),
        "assessed": statuses,
    }
    return render(request, "followup/cycle_country.html", context)


def _after_stale_creation(
    form: AssessmentForm, report: CountryCycle, number: int
) -> AssessmentForm:
    """The form again, now on the entry somebody created meanwhile, with what this person
    typed, the other entry's values listed and its version armed for an informed save."""
    current = Assessment.objects.filter(
        cycle=report.cycle, country=report.country, objective__number=number
    ).first()
    if current is None or form.instance.pk is not None:
        return form
    again = AssessmentForm(form.data, instance=current)
    again.is_valid()
    again.stale_changes = form.stale_changes
    again.add_error(None, stale_message())
    return again


@require_http_methods(["GET", "POST"])
def assessment_edit(request: HttpRequest, slug: str, iso3: str, number: str) -> HttpResponse:
    """The country's editors and the secretariat: one objective's status and narrative,
    saved as a draft; refused once submitted (until returned) or once the cycle is closed,
    and when somebody saved it meanwhile."""
    report = access_country_cycle(request, slug, iso3, "enter")
    objective = access_objective(report, number)
    stored = Assessment.objects.filter(
        cycle=report.cycle, country=report.country, objective=objective
    ).first()
    new = Assessment(cycle=report.cycle, country=report.country, objective=objective)
    # A form opened while there was no entry yet posts no version: kept as a new one, the
    # service refuses it as stale if somebody created the entry meanwhile.
    opened_as_new = request.method == "POST" and "version" not in request.POST
    instance = new if stored is None or opened_as_new else stored
    form = AssessmentForm(request.POST or None, instance=instance)

    def write() -> Assessment:
        return services.assessment_save(
            cycle=report.cycle,
            country=report.country,
            objective=objective,
            self_status=form.cleaned_data["self_status"],
            narrative=form.cleaned_data["narrative"],
            expected_version=form.cleaned_data.get("version"),
            actor=actor(request),
        )

    if request.method == "POST" and form.is_valid():
        if form.save_through(write):
            messages.success(request, _("Saved as a draft. Submit when every objective is done."))
            return redirect(f"{_country_url(report)}#objective-{objective.number}")
        form = _after_stale_creation(form, report, objective.number)
    context = {
        "report": report,
        "cycle": report.cycle,
        "country": report.country,
        "objective": objective,
        "assessment": stored,
        "form": form,
        "editable": is_open(report.cycle) and _editable(stored),
    }
    return render(request, "followup/assessment_form.html", context)


@require_POST
def country_submit(request: HttpRequest, slug: str, iso3: str) -> HttpResponse:
    """The country's editors submit every draft and returned entry for verification."""
    report = access_country_cycle(request, slug, iso3, "enter")
    try:
        submitted = services.country_submit(
            cycle=report.cycle, country=report.country, actor=actor(request)
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(count)s entries submitted to the secretariat for verification.")
            % {"count": len(submitted)},
        )
    return redirect(_country_url(report))


@require_GET
def country_history(request: HttpRequest, slug: str, iso3: str) -> HttpResponse:
    """Who may read the country's page: every change to its entries in the cycle."""
    report = access_country_cycle(request, slug, iso3, "view")
    changes = selectors.country_history(report.cycle, report.country)
    context = {"report": report, "cycle": report.cycle, "country": report.country}
    return render(request, "followup/cycle_history.html", {**context, "changes": changes})
