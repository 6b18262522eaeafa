"""Public pages of the initiatives: the list of verified ones with filters, one initiative,
and the CSV of the list. Anonymous pages, kept per FOLLOWUP revision (core.public_cache)."""

import csv
import io

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from rabatnet.core.access import parse_number

from . import initiative_selectors as selectors
from .initiative_forms import FilterForm
from .models import Initiative

PER_PAGE = 25
CSV_COLUMNS = [
    "id",
    "title_en",
    "title_fr",
    "kind",
    "implementation_status",
    "entered_by_country_iso3",
    "other_countries_iso3",
    "objectives",
    "partners",
    "starts_on",
    "ends_on",
    "budget",
    "budget_currency",
    "verified_on",
    "sources",
    "url",
]


@require_GET
@login_not_required
def initiative_list(request: HttpRequest) -> HttpResponse:
    """Everybody: verified initiatives, filtered by country, objective, kind, status, year."""
    form = FilterForm(request.GET or None)
    initiatives = selectors.published(form.filters())
    page = Paginator(initiatives, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "csv_url": reverse("initiatives:csv") + (f"?{query.urlencode()}" if query else ""),
    }
    return render(request, "followup/initiative_list.html", context)


@require_GET
@login_not_required
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Everybody: a verified initiative (any other is 404 here)."""
    initiative = selectors.published_one(parse_number(pk))
    if initiative is None:
        raise Http404("No such published initiative.")
    return render(request, "followup/initiative_detail.html", {"initiative": initiative})


def _row(initiative: Initiative) -> list[str]:
    with translation.override("en"):
        url = reverse("initiatives:detail", kwargs={"pk": initiative.pk})
    return [
        str(initiative.pk),
        initiative.title_en or "",
        initiative.title_fr or "",
        initiative.kind,
        initiative.status,
        initiative.country.iso3,
        " ".join(sorted(c.iso3 for c in initiative.countries.all())),
        " ".join(str(o.number) for o in initiative.objectives.all()),
        "; ".join(p.name for p in initiative.partners.all()),
        initiative.starts_on.isoformat() if initiative.starts_on else "",
        initiative.ends_on.isoformat() if initiative.ends_on else "",
        "" if initiative.budget is None else str(initiative.budget),
        initiative.currency if initiative.budget is not None else "",
        initiative.verified_at.date().isoformat() if initiative.verified_at else "",
        " ".join(s.url for s in initiative.sources.all()),
        url,
    ]


@require_GET
@login_not_required
def initiative_csv(request: HttpRequest) -> HttpResponse:
    """Everybody: the filtered list, one line per initiative. The budget is exact, as
    entered, in the currency of the next column (never converted nor summed); objectives
    are the current framework's numbers; codes are ISO 3166-1 alpha-3."""
    form = FilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        errors = "; ".join(f"{k}: {' '.join(str(m) for m in v)}" for k, v in form.errors.items())
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for initiative in selectors.published(form.filters()):
        writer.writerow(_row(initiative))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="initiatives.csv"'
    return response
