"""A country's migration profile (/countries/<ISO3>/profile/) and its charts; public."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from rabatnet.countries.selectors import country_by_iso3

from .. import charts
from ..profile import ProfileData, country_profile

YEAR = 60 * 60 * 24 * 365


@require_GET
@login_not_required
def profile(request: HttpRequest, iso3: str) -> HttpResponse:
    """Public: the country's migration statistics, each figure with its source."""
    country = country_by_iso3(iso3)
    if iso3 != country.iso3:
        return redirect("statistics:profile", iso3=country.iso3, permanent=True)
    data = ProfileData(country)
    context = {
        "country": country,
        "profile": country_profile(data),
        "charts": {
            kind.replace("-", "_"): {
                "url": reverse("statistics:profile_chart", args=[country.iso3, kind])
                + f"?v={token}",
                "size": charts.chart_size(kind),
            }
            for kind, token in charts.chart_tokens(data).items()
        },
    }
    return render(request, "statistics/profile.html", context)


@require_GET
@login_not_required
def profile_chart(request: HttpRequest, iso3: str, kind: str) -> HttpResponse:
    """Public: one chart of the profile as SVG, drawn once per data revision and language.

    An address carrying the current revision (``?v=``) never changes: browsers keep it.
    """
    if kind not in charts.CHARTS:
        raise Http404("No such chart.")
    country = country_by_iso3(iso3)
    svg, token = charts.chart_svg(kind, country)
    if not svg:
        raise Http404("No data for this chart.")
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    if request.GET.get("v") == token:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=600)
    return response
