"""The public clock of technical support (anybody) and the secretariat's dashboard.

The public page counts only requests marked public, anonymised: counts and durations,
never a title, a need, an institution or a person. Kept per SUPPORT revision and per day
(``clock_receivers``): open requests past a target are counted as of today.
"""

import csv
import io

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .clock_dashboard import DashboardFilter, rows
from .clock_figures import PERCENTILE_METHOD, PublicFigures, public_figures
from .models import Stage
from .permissions import access_support_management

CSV_COLUMNS = [
    "year",
    "figure",
    "stage",
    "unit",
    "n",
    "median",
    "p90",
    "derived",
    "method",
    "revision",
]


def _labels() -> dict[str, str]:
    return {str(s.value): str(s.label) for s in Stage}


@login_not_required
@require_GET
def public(request: HttpRequest) -> HttpResponse:
    """Counts by theme, kind and country; days to each milestone and in each stage."""
    figures = public_figures(timezone.now())
    return render(
        request,
        "support/clock_public.html",
        {
            "figures": figures,
            "labels": _labels(),
            "ack_days": settings.SUPPORT_ACKNOWLEDGE_WORKING_DAYS,
            "deploy_days": settings.SUPPORT_DEPLOY_DAYS,
        },
    )


def figures_csv_text(figures: PublicFigures) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for year in figures.years:
        writer.writerow(
            [year.year, "requests", "", "requests", year.count, "", "", "false", "count"]
            + [figures.revision]
        )
        for name, items in (("days_to_first", year.milestones), ("time_in_stage", year.stages)):
            for f in items:
                writer.writerow(
                    [year.year, name, f.key, f.unit, f.n]
                    + ["" if v is None else f"{v:.2f}" for v in (f.median, f.p90)]
                    + ["true", PERCENTILE_METHOD, figures.revision]
                )
    return out.getvalue()


@login_not_required
@require_GET
def public_csv(request: HttpRequest) -> HttpResponse:
    """The public figures, one row per year, figure, stage and unit (UTF-8 CSV)."""
    response = HttpResponse(
        figures_csv_text(public_figures(timezone.now())), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="support-clock.csv"'
    return response


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every open request's age, flagged over target, most urgent first (secretariat)."""
    access_support_management(request)
    form = DashboardFilter(request.GET or None)
    stage = iso3 = ""
    if form.is_bound and form.is_valid():
        stage, iso3 = form.cleaned_data["stage"], form.cleaned_data["country"]
    return render(
        request,
        "support/clock_dashboard.html",
        {
            "form": form,
            "rows": rows(timezone.now(), stage, iso3),
            "labels": _labels(),
            "ack_days": settings.SUPPORT_ACKNOWLEDGE_WORKING_DAYS,
            "deploy_days": settings.SUPPORT_DEPLOY_DAYS,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
