"""The terms of reference of a request: the secretariat writes versions, the country agrees
one, everybody who reads the request reads every version and what changed between them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor, parse_number

from . import request_selectors as selectors
from . import request_services as services
from .models import TermsOfReference
from .permissions import access_request
from .request_forms import TermsForm


@require_GET
def terms(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's people and the secretariat: every version, newest first, with its diff."""
    support_request = access_request(request, pk, "view")
    context = {
        "support_request": support_request,
        "versions": selectors.terms_versions(support_request),
    }
    return render(request, "support/request_terms.html", context)


@require_http_methods(["GET", "POST"])
def terms_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat: a new version, starting from the latest text."""
    support_request = access_request(request, pk, "manage")
    latest = support_request.terms.order_by("-number").first()
    initial = {"text": latest.text if latest else "", "after": latest.number if latest else 0}
    form = TermsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            written = services.terms_write(
                request=support_request,
                text=form.cleaned_data["text"],
                after=form.cleaned_data.get("after"),
                actor=actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            last = support_request.terms.aggregate(last=Max("number"))["last"] or 0
            data = request.POST.copy()
            data["after"] = str(last)  # the next, informed submit goes through
            form.data = data
        else:
            messages.success(
                request,
                _("Version %(number)s saved: the country is asked to agree it.")
                % {"number": written.number},
            )
            return redirect("support:terms", pk=support_request.pk)
    context = {"support_request": support_request, "form": form, "latest": latest}
    return render(request, "support/request_terms_form.html", context)


@require_POST
def terms_agree(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The country's requesters (or the secretariat, recording what the country said)."""
    support_request = access_request(request, pk, "speak")
    version = get_object_or_404(
        TermsOfReference, request=support_request, number=min(parse_number(number), 32_767)
    )
    try:
        services.terms_agree(terms=version, actor=actor(request))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Version %(number)s of the terms of reference is agreed.")
            % {"number": version.number},
        )
    return redirect("support:detail", pk=support_request.pk)
