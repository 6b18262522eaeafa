"""Private pages of support requests: the list, filing, a request's page, its steps, the
country's edit while received. Each view says who may use it; all go through the access
layer (``permissions``): unknown 404, anonymous the sign-in page, anybody else 403."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor, grant
from rabatnet.network.permissions import is_secretariat

from . import request_selectors as selectors
from . import request_services as services
from .lifecycle import may_take, open_actions
from .models import SupportLanguage, SupportRequest
from .permissions import (
    access_request,
    access_support_country,
    can_manage_request,
    can_speak_for_request,
    is_expert,
)
from .request_forms import ActionForm, FilterForm, RequestForm
from .request_services import TERMS_STAGES


def _asked_link() -> str | None:
    """The page of the requests an expert was asked about (matching's), when it exists."""
    try:
        return reverse("matching:asked")
    except NoReverseMatch:
        return None


@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    """The secretariat (every request, with filters), a country's people (its requests), an
    expert (a link to the requests they were asked about)."""
    user = request.user
    secretariat = is_secretariat.test(user)
    readers = selectors.reader_countries(user)
    expert = is_expert.test(user)
    grant(request, secretariat or bool(readers) or expert)
    form = FilterForm(request.GET or None)
    filters = form.filters()
    if form.is_bound and form.errors:
        messages.warning(request, _("Some filters were not understood and are left out."))
    requests = selectors.filtered(selectors.visible_requests(user), filters)
    context = {
        "requests": requests[:500],
        "count": requests.count(),
        "form": form,
        "secretariat": secretariat,
        "filing_countries": selectors.filing_countries(user),
        "asked_link": _asked_link() if expert else None,
    }
    return render(request, "support/request_list.html", context)


@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's focal points and coordinating authority, the secretariat on its behalf."""
    country = access_support_country(request, iso3, "file")
    form = RequestForm(
        request.POST or None, instance=SupportRequest(country=country), country=country
    )
    if request.method == "POST" and form.is_valid():
        filed = services.request_create(
            request=form.instance,
            objectives=form.cleaned_data["objectives"],
            initiatives=form.cleaned_data.get("initiatives") or [],
            actor=actor(request),
        )
        messages.success(
            request,
            _("Request %(reference)s filed: the secretariat will acknowledge it.")
            % {"reference": filed.reference},
        )
        return redirect("support:detail", pk=filed.pk)
    context = {"country": country, "form": form, "support_request": None}
    return render(request, "support/request_form.html", context)


@require_http_methods(["GET", "POST"])
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's requesters (and the secretariat) while the request is received."""
    support_request = access_request(request, pk, "speak")
    if support_request.stage != SupportRequest.Stage.RECEIVED:
        messages.error(request, _("Only a request not yet taken up can be changed."))
        return redirect("support:detail", pk=support_request.pk)
    country = support_request.country
    form = RequestForm(request.POST or None, instance=support_request, country=country)
    if request.method == "POST" and form.is_valid():
        user = actor(request)
        if form.save_through(
            lambda: services.request_update(
                request=support_request,
                expected_version=form.cleaned_data["version"],
                objectives=form.cleaned_data["objectives"],
                initiatives=form.cleaned_data.get("initiatives") or [],
                actor=user,
            )
        ):
            messages.success(request, _("Your changes were saved."))
            return redirect("support:detail", pk=support_request.pk)
    context = {"country": country, "form": form, "support_request": support_request}
    return render(request, "support/request_form.html", context)


@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's people and the secretariat: the whole request, its stages, its terms of
    reference, the steps open to the visitor."""
    support_request = selectors.one(access_request(request, pk, "view").pk)
    user = request.user
    versions = selectors.terms_versions(support_request)
    latest = versions[0].terms if versions else None
    terms_open = support_request.stage in TERMS_STAGES
    context = {
        "support_request": support_request,
        "country": support_request.country,
        "events": selectors.timeline(support_request),
        "languages": [
            SupportLanguage(code).label
            for code in support_request.languages
            if code in SupportLanguage.values
        ],
        "versions": versions,
        "latest": latest,
        "steps": open_actions(user, support_request),
        "can_edit": can_speak_for_request(user, support_request)
        and support_request.stage == SupportRequest.Stage.RECEIVED,
        "can_write_terms": can_manage_request(user, support_request) and terms_open,
        "can_agree": can_speak_for_request(user, support_request)
        and terms_open
        and latest is not None
        and latest.agreed_at is None,
    }
    return render(request, "support/request_detail.html", context)


@require_POST
def request_act(request: HttpRequest, pk: int) -> HttpResponse:
    """Whoever the stage table lets take the action (403 otherwise): one step, with its
    reason; a step that no longer applies or a stale page is refused, nothing changed."""
    support_request = access_request(request, pk, "view")
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The step was not understood: nothing was done."))
        return redirect("support:detail", pk=support_request.pk)
    action = form.cleaned_data["action"]
    grant(request, may_take(request.user, support_request, action))
    try:
        event = services.request_act(
            request=support_request,
            action=action,
            reason=form.cleaned_data.get("reason") or "",
            actor=actor(request),
            seen_version=form.cleaned_data.get("version"),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Done: the request is now “%(stage)s”.")
            % {"stage": SupportRequest.Stage(event.to_stage).label},
        )
    return redirect("support:detail", pk=support_request.pk)
