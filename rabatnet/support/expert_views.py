"""The expert roster at private/experts/: the secretariat's list, profiles, periods, CVs.

Profiles are personal data: the secretariat and the expert themself (``access_expert``);
the list is the secretariat's (``access_support_management``); an expert who opens it is
sent to their own profile.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rabatnet.core.access import actor, parse_number
from rabatnet.network.permissions import is_secretariat

from . import expert_selectors as selectors
from . import expert_services as services
from .expert_forms import (
    AvailabilityForm,
    CVForm,
    EnrolForm,
    ExpertForm,
    RosterFilterForm,
    TakeOffForm,
)
from .models import Appraisal, Expert, Proposal, SupportKind, SupportLanguage
from .permissions import access_expert, access_support_management, own_expert_profile


def _labels(codes: list[str], choices: type[SupportKind] | type[SupportLanguage]) -> list[str]:
    known = dict(choices.choices)
    return [str(known.get(code, code)) for code in codes]


@require_GET
def roster(request: HttpRequest) -> HttpResponse:
    """The secretariat: the roster, filtered. An expert: their own profile."""
    if not is_secretariat.test(request.user):
        own = own_expert_profile(request.user)
        if own is not None:
            return redirect("experts:detail", pk=own.pk)
    access_support_management(request)
    form = RosterFilterForm(request.GET or None)
    filters = form.filters()
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else name
        for error in errors:
            messages.warning(
                request,
                _("Filter “%(label)s” left out: %(error)s") % {"label": label, "error": error},
            )
    experts = list(selectors.with_listing_data(selectors.roster_filtered(filters)))
    today = timezone.localdate()
    rows = [
        {
            "expert": e,
            "period": selectors.availability_now_or_next(e, today),
            "languages": _labels(e.languages, SupportLanguage),
            "kinds": _labels(e.kinds, SupportKind),
        }
        for e in experts
    ]
    by_kind = dict(
        selectors.roster().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    context = {
        "form": form,
        "rows": rows,
        "today": today,
        "total": sum(by_kind.values()),
        "by_kind": [(label, by_kind.get(value, 0)) for value, label in Expert.Kind.choices],
    }
    return render(request, "support/expert_roster.html", context)


@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """The secretariat: put a person on the roster, or take an expert off it."""
    access_support_management(request)
    taking_off = request.method == "POST" and "take_off" in request.POST
    enrol_form = EnrolForm(request.POST if request.method == "POST" and not taking_off else None)
    off_form = TakeOffForm(request.POST if taking_off else None, prefix="off")
    if request.method == "POST":
        user = actor(request)
        try:
            if taking_off and off_form.is_valid():
                expert = off_form.cleaned_data["expert"]
                ends = services.expert_take_off(expert=expert, actor=user)
                messages.success(
                    request,
                    _("%(name)s leaves the roster on %(date)s; the profile stays.")
                    % {"name": expert, "date": ends.isoformat()},
                )
                return redirect("experts:roster")
            if not taking_off and enrol_form.is_valid():
                expert = services.expert_enrol(
                    person=enrol_form.cleaned_data["person"],
                    kind=enrol_form.cleaned_data["kind"],
                    actor=user,
                )
                messages.success(request, _("%(name)s is on the roster.") % {"name": expert})
                return redirect("experts:detail", pk=expert.pk)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
    context = {"form": enrol_form, "off_form": off_form}
    return render(request, "support/expert_enrol.html", context, status=200)


def _missions(expert: Expert) -> list[Proposal]:
    """The requests the expert accepted: reference, country, kind, mission dates only."""
    return list(
        Proposal.objects.filter(expert=expert, status=Proposal.Status.ACCEPTED)
        .select_related("request__country", "request__mission")
        .order_by("-request__filed_at")
    )


def _profile(request: HttpRequest, expert: Expert) -> HttpResponse:
    manager = is_secretariat.test(request.user)
    context = {
        "expert": expert,
        "on_roster": selectors.is_on_roster(expert),
        "is_manager": manager,
        "languages": _labels(expert.languages, SupportLanguage),
        "kinds": _labels(expert.kinds, SupportKind),
        "countries": list(expert.countries_of_experience.order_by("name")),
        "objectives": list(expert.objectives.select_related("framework")),
        "themes": list(expert.themes.all()),
        "periods": list(expert.availabilities.order_by("starts_on")),
        "missions": _missions(expert),
        "appraisals": list(Appraisal.objects.filter(expert=expert).select_related("request")),
        "today": timezone.localdate(),
    }
    return render(request, "support/expert_detail.html", context)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat and the expert themself."""
    return _profile(request, access_expert(request, pk, "view"))


@require_GET
def me(request: HttpRequest) -> HttpResponse:
    """The signed-in expert's own profile; a clear page for anybody else signed in."""
    user = actor(request)
    own = own_expert_profile(user)
    if own is None:
        return render(request, "support/expert_none.html", status=404)
    return _profile(request, access_expert(request, own.pk, "view"))


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The expert keeps their own profile; the secretariat also sets kind and local flag."""
    expert = access_expert(request, pk, "change")
    manager = is_secretariat.test(request.user)
    form = ExpertForm(request.POST or None, instance=expert, manager=manager)
    if request.method == "POST" and form.is_valid():
        user = actor(request)
        fields = [n for n in services.PROFILE_FIELDS if n in form.fields]
        if form.save_through(
            lambda: services.expert_update(
                expert=expert,
                expected_version=form.cleaned_data["version"],
                fields=fields,
                relations=form.changed_m2m(),
                actor=user,
            )
        ):
            messages.success(request, _("Your changes were saved."))
            return redirect("experts:detail", pk=expert.pk)
    return render(request, "support/expert_form.html", {"form": form, "expert": expert})


@require_http_methods(["GET", "POST"])
def availability(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a period (or, with ``delete``, delete one): the expert and the secretariat."""
    expert = access_expert(request, pk, "change")
    form = AvailabilityForm(expert=expert)
    if request.method == "POST":
        user = actor(request)
        try:
            if "delete" in request.POST:
                number = parse_number(request.POST.get("delete"))
                services.availability_delete(expert=expert, pk=number, actor=user)
                messages.success(request, _("The period was deleted."))
                return redirect("experts:availability", pk=expert.pk)
            form = AvailabilityForm(request.POST, expert=expert)
            if form.is_valid():
                services.availability_add(expert=expert, actor=user, **form.cleaned_data)
                messages.success(request, _("The period was added."))
                return redirect("experts:availability", pk=expert.pk)
        except Http404:
            messages.error(request, _("No such period."))
        except ValidationError as exc:
            if "delete" in request.POST:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                form.add_error(None, exc)
    context = {
        "expert": expert,
        "form": form,
        "periods": list(expert.availabilities.order_by("starts_on")),
        "today": timezone.localdate(),
    }
    return render(request, "support/expert_availability.html", context)


@require_http_methods(["GET", "POST"])
def cv_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a CV (a PDF, checked by its content): the expert and the secretariat."""
    expert = access_expert(request, pk, "change")
    form = CVForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.cv_store(expert=expert, upload=form.cleaned_data["cv"], actor=actor(request))
        messages.success(request, _("The CV was uploaded."))
        return redirect("experts:detail", pk=expert.pk)
    context = {"form": form, "expert": expert, "limit": settings.SUPPORT_UPLOAD_MAX_BYTES}
    return render(request, "support/expert_cv.html", context)


@require_GET
def cv_download(request: HttpRequest, pk: int) -> FileResponse:
    """The CV, as an attachment, to the secretariat and the expert themself."""
    expert = access_expert(request, pk, "view")
    if not expert.cv:
        raise Http404("No CV.")
    try:
        handle = expert.cv.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The file is missing.") from exc
    name = f"cv-{expert.pk}.pdf"
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
