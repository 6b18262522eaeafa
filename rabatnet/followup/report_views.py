"""A country's follow-up report (HTML and PDF) and the diff of its cycle against the previous.

Public (anybody): verified assessments only. Private (``/private/strategy/…``: the country's
members and the secretariat, ``can_view_followup_report``): the unverified ones too, marked.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from rabatnet.countries.models import Country

from . import progress
from .diff import build_diff
from .progress_selectors import BadCycle
from .report_access import access_followup_report
from .report_data import build_report, country_cycles
from .report_pdf import report_pdf


def _bad_cycle(request: HttpRequest, country: Country, private: bool) -> HttpResponse:
    return render(
        request,
        "followup/report_bad_cycle.html",
        {"country": country, "cycles": list(country_cycles(country, private=private))},
        status=400,
    )


def _report(request: HttpRequest, iso3: str, private: bool) -> HttpResponse:
    country = access_followup_report(request, iso3, "view" if private else "read")
    try:
        report = build_report(country, request.GET.get("cycle"), private=private)
    except BadCycle:
        return _bad_cycle(request, country, private)
    context = {
        "report": report,
        "formula": progress.formula_text("country"),
        "weights_text": progress.weights_text(),
        "basis": progress.basis_text(report.cycle.title) if report.cycle else "",
        "legend": progress.legend(),
    }
    response = render(request, "followup/report.html", context)
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


@login_not_required
@require_GET
def report(request: HttpRequest, iso3: str) -> HttpResponse:
    """Anybody: the country's verified assessments of a cycle and its published initiatives."""
    return _report(request, iso3, private=False)


@require_GET
def private_report(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's members and the secretariat: every assessment, unverified ones marked."""
    return _report(request, iso3, private=True)


@login_not_required
@require_GET
def report_pdf_view(request: HttpRequest, iso3: str) -> HttpResponse:
    """The public report as PDF, in the page's language."""
    country = access_followup_report(request, iso3, "read")
    try:
        report = build_report(country, request.GET.get("cycle"), private=False)
    except BadCycle:
        return _bad_cycle(request, country, False)
    language = translation.get_language() or "en"
    slug = report.cycle.slug if report.cycle else "none"
    response = HttpResponse(report_pdf(report), content_type="application/pdf")
    name = f"followup-{country.iso3}-{slug}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def _diff(request: HttpRequest, iso3: str, private: bool) -> HttpResponse:
    country = access_followup_report(request, iso3, "view" if private else "read")
    try:
        diff = build_diff(country, request.GET.get("cycle"), private=private)
    except BadCycle:
        return _bad_cycle(request, country, private)
    response = render(request, "followup/diff.html", {"diff": diff, "legend": progress.legend()})
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


@login_not_required
@require_GET
def diff(request: HttpRequest, iso3: str) -> HttpResponse:
    """Anybody: per objective, the verified status of the previous cycle → this one."""
    return _diff(request, iso3, private=False)


@require_GET
def private_diff(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's members and the secretariat: the same with unverified assessments."""
    return _diff(request, iso3, private=True)
