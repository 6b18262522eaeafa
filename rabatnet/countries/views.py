from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from . import selectors


@require_GET
@login_not_required
def country_list(request: HttpRequest) -> HttpResponse:
    """Public: the dialogue's members, partners by side, observers, former partners apart."""
    return render(request, "countries/country_list.html", {"groups": selectors.members_by_group()})


@require_GET
@login_not_required
def country_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    """Public: a country's names, region and membership periods."""
    country = selectors.country_by_iso3(iso3)
    if iso3 != country.iso3:
        return redirect(country, permanent=True)
    return render(request, "countries/country_detail.html", {"country": country})
