"""The data catalogue (/data/) and a page per dataset (/data/<slug>/); public."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .. import catalogue, selectors
from ..forms import DownloadForm
from ..freshness import HDX_AGES, LONG_GRACE
from ..permissions import can_view_overdue_datasets


@require_GET
@login_not_required
def catalogue_index(request: HttpRequest) -> HttpResponse:
    """Every dataset with its provenance and freshness, the indicator codes, the download form.

    Members of the network (an appointment in force) also see what is overdue.
    """
    entries = selectors.catalogue_entries(today=timezone.localdate())
    context = {
        "entries": entries,
        "rows": [
            (e, catalogue.derived_codes(selectors.dataset_provenance(e.dataset))) for e in entries
        ],
        "late": catalogue.late_entries(entries)
        if can_view_overdue_datasets(request.user)
        else None,
        "indicators": selectors.indicator_table(entries),
        "form": DownloadForm(initial={"country": ["all"], "format": "csv"}),
        "hdx_ages": HDX_AGES,
        "long_grace": LONG_GRACE,
    }
    return render(request, "statistics/catalogue.html", context)


@require_GET
@login_not_required
def dataset_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One dataset: provenance, freshness, caveats, each indicator with its coverage and
    whether its values are published or derived (and how), partial periods, how it was read."""
    entry = selectors.dataset_entry(slug=slug, today=timezone.localdate())
    page = catalogue.dataset_page(entry, selectors.dataset_provenance(entry.dataset))
    return render(request, "statistics/dataset_detail.html", {"entry": entry, "page": page})
