from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from rabatnet.countries.selectors import membership_counts

from .selectors import database_health


@require_GET
@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    """Public: what the dialogue and the platform are."""
    return render(request, "core/home.html", {"counts": membership_counts()})


@require_GET
@login_not_required
def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Public: browsers and the admin ask for /favicon.ico; the icon is a static SVG."""
    return HttpResponseRedirect(static("core/favicon.svg"))


@require_GET
@login_not_required
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Public: 200 when the database answers, 503 naming the kind of failure otherwise."""
    problem = database_health()
    if problem:
        return JsonResponse({"status": "error", "database": problem}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
