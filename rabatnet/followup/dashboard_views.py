"""Anybody: the follow-up dashboard, the countries × objectives matrix and its downloads.

Published data only (verified assessments, verified initiatives); every roll-up is derived
and says its formula, weights and count (``progress.py``). Public and kept per revision
(``core.public_cache``: FOLLOWUP and REFERENCE).
"""

import csv
import io
from html import escape

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rabatnet.strategy.models import Framework

from . import progress, progress_selectors
from .matrix import Matrix, build_matrix
from .matrix_svg import render_matrix_svg
from .models import Cycle
from .progress_selectors import BadCycle

CSV_COLUMNS = [
    "country_iso3",
    "objective_number",
    "cycle",
    "verified_status",
    "weight",
    "self_assessed_status",
    "verified_on",
    "published_initiatives",
]


def formulas() -> dict[str, str]:
    return {kind: progress.formula_text(kind) for kind in progress.KINDS}


def bad_cycle(request: HttpRequest, value: str) -> HttpResponse:
    """400: the ``?cycle=`` names no cycle with published data; the page says which exist."""
    return render(
        request,
        "followup/matrix_bad_cycle.html",
        {"cycles": list(progress_selectors.published_cycles())},
        status=400,
    )


def _matrix_or_none(request: HttpRequest) -> Matrix | None:
    """The matrix of ``?cycle=`` (or the latest cycle with verified data); None if none."""
    cycle = progress_selectors.chosen_cycle(request.GET.get("cycle"))
    return build_matrix(cycle) if cycle is not None else None


@login_not_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The framework, the latest cycle with published data and its derived roll-ups."""
    cycles = list(progress_selectors.published_cycles())
    cycle: Cycle | None = cycles[0] if cycles else None
    matrix = build_matrix(cycle) if cycle is not None else None
    framework = cycle.framework if cycle else Framework.objects.order_by("-adopted_year").first()
    per_objective = progress_selectors.initiatives_per_objective(framework) if framework else {}
    objectives = matrix.objectives if matrix else []
    context = {
        "framework": framework,
        "cycle": cycle,
        "cycles": cycles,
        "matrix": matrix,
        "objective_lines": [
            (
                o,
                matrix.per_objective.get(o.number) if matrix else None,
                per_objective.get(o.number, 0),
            )
            for o in objectives
        ],
        "pillar_lines": _pillar_lines(matrix),
        "country_rows": [row for row in matrix.rows if row.rollup] if matrix else [],
        "formulas": formulas(),
        "weights_text": progress.weights_text(),
        "basis": progress.basis_text(cycle.title) if cycle else "",
        "legend": progress.legend(),
        "initiatives_total": sum(per_objective.values()),
    }
    return render(request, "followup/dashboard.html", context)


def _pillar_lines(matrix: Matrix | None) -> list[tuple[str, progress.Rollup]]:
    if matrix is None:
        return []
    titles: dict[str, str] = {}
    for objective in matrix.objectives:
        key = str(objective.pillar.number) if objective.pillar else "cross-cutting"
        titles[key] = str(objective.pillar) if objective.pillar else _("Cross-cutting")
    return [
        (titles[key], rollup) for key, rollup in sorted(matrix.per_pillar.items()) if key in titles
    ]


@login_not_required
@require_GET
def matrix_page(request: HttpRequest) -> HttpResponse:
    """The heat map and the same figures as a table; ``?cycle=<slug>``."""
    try:
        matrix = _matrix_or_none(request)
    except BadCycle as bad:
        return bad_cycle(request, str(bad))
    context = {
        "matrix": matrix,
        "svg": render_matrix_svg(matrix) if matrix else "",
        "cycles": list(progress_selectors.published_cycles()),
        "formulas": formulas(),
        "weights_text": progress.weights_text(),
        "basis": progress.basis_text(matrix.cycle.title) if matrix else "",
        "legend": progress.legend(),
        "query": f"?cycle={matrix.cycle.slug}" if matrix else "",
    }
    return render(request, "followup/matrix.html", context)


def matrix_csv_text(matrix: Matrix | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    if matrix is None:
        return out.getvalue()
    for row in matrix.rows:
        for cell in row.cells:
            writer.writerow(
                [
                    cell.iso3,
                    cell.objective,
                    matrix.cycle.slug,
                    cell.status,
                    "" if cell.weight is None else cell.weight,
                    cell.self_status if cell.status else "",  # published only when verified
                    cell.verified_at.date().isoformat() if cell.verified_at else "",
                    cell.initiatives,
                ]
            )
    return out.getvalue()


def _attachment(body: str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_not_required
@require_GET
def matrix_csv(request: HttpRequest) -> HttpResponse:
    """One line per country × objective: verified status, weight, initiatives (published)."""
    try:
        matrix = _matrix_or_none(request)
    except BadCycle as bad:
        return bad_cycle(request, str(bad))
    slug = matrix.cycle.slug if matrix else "none"
    return _attachment(matrix_csv_text(matrix), "text/csv; charset=utf-8", f"matrix-{slug}.csv")


@login_not_required
@require_GET
def matrix_svg(request: HttpRequest) -> HttpResponse:
    """The heat map as a standalone SVG picture."""
    try:
        matrix = _matrix_or_none(request)
    except BadCycle as bad:
        return bad_cycle(request, str(bad))
    if matrix is None:
        body, slug = empty_svg(), "none"
    else:
        body, slug = render_matrix_svg(matrix, standalone=True), matrix.cycle.slug
    return _attachment(body, "image/svg+xml; charset=utf-8", f"matrix-{slug}.svg")


def empty_svg() -> str:
    text = escape(_("No verified assessment has been published yet."))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
        'role="img" viewBox="0 0 420 40" width="420" height="40" font-family="Arial, sans-serif" '
        f'font-size="12"><title>{text}</title><text x="4" y="24">{text}</text></svg>\n'
    )
