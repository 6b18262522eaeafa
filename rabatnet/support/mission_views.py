"""A request's mission: its dates and place (deploying), the report (upload, download), the
country's evaluation, the secretariat's appraisal of each accepted expert. Each view fetches
through ``mission_permissions.access_mission_request``; each write is one service call."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rabatnet.core.access import actor
from rabatnet.core.uploads import TYPES, extension_of

from . import mission_services as services
from .file_data import links_for
from .mission_forms import AppraisalForm, EvaluationForm, MissionForm, ReportForm
from .mission_permissions import accepted_expert_or_404, access_mission_request
from .models import Appraisal, Evaluation, Mission, SupportRequest
from .permissions import can_view_request


def _mission(support_request: SupportRequest) -> Mission | None:
    return Mission.objects.filter(request=support_request).first()


def _refused(form: forms.Form, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


def request_page(support_request: SupportRequest) -> str:
    """The request's page (helper A's), or its file while that page is not there."""
    try:
        return support_request.get_absolute_url()
    except NoReverseMatch:
        return reverse("missions:file", kwargs={"pk": support_request.pk})


def _page(request: HttpRequest, template: str, context: dict[str, object]) -> HttpResponse:
    """A private page, with the way back to the request."""
    support_request = context["support_request"]
    assert isinstance(support_request, SupportRequest)
    response = render(request, template, {**context, "back": request_page(support_request)})
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def mission(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat: the mission's dates and place; at "approved" saving them deploys."""
    support_request = access_mission_request(request, pk, "mission")
    current = _mission(support_request)
    initial = (
        {"starts_on": current.starts_on, "ends_on": current.ends_on, "place": current.place}
        if current
        else {}
    )
    form = MissionForm(request.POST or None, initial=initial)
    open_now = links_for(request.user, support_request, current).mission
    if request.method == "POST" and form.is_valid():
        deploying = support_request.stage == SupportRequest.Stage.APPROVED
        try:
            services.mission_deploy(
                request=support_request,
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
                place=form.cleaned_data["place"],
                actor=actor(request),
            )
        except ValidationError as exc:
            _refused(form, exc)
        else:
            messages.success(
                request,
                _("The mission's dates were saved and the request is deployed.")
                if deploying
                else _("The mission's dates were corrected."),
            )
            return redirect(request_page(support_request))
    context = {
        "support_request": support_request,
        "form": form,
        "mission": current,
        "open_now": open_now,
    }
    return _page(request, "support/mission_form.html", context)


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat or an accepted expert: upload the mission report; at "deployed" the
    request moves to "reported"."""
    support_request = access_mission_request(request, pk, "upload")
    current = _mission(support_request)
    form = ReportForm(request.POST or None, request.FILES or None)
    if current and not form.is_bound:
        form.initial = {"summary": current.report_summary}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["report"]
        try:
            services.report_upload(
                request=support_request,
                file=upload,
                filename=upload.name or "",
                size=upload.size or 0,
                summary=form.cleaned_data["summary"],
                actor=actor(request),
            )
        except ValidationError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("The mission report was stored."))
            if can_view_request(request.user, support_request):
                return redirect(request_page(support_request))
            return redirect("missions:report", pk=support_request.pk)
    context = {
        "support_request": support_request,
        "form": form,
        "mission": current,
        "open_now": links_for(request.user, support_request, current).report,
    }
    return _page(request, "support/mission_report.html", context)


@require_GET
def report_download(request: HttpRequest, pk: int) -> FileResponse:
    """The country's readers, the secretariat, the accepted experts: always an attachment."""
    support_request = access_mission_request(request, pk, "report")
    current = _mission(support_request)
    if current is None or not current.report:
        raise Http404("No report yet.")
    try:
        handle = current.report.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The file is missing.") from exc
    extension = extension_of(current.report.name or "")
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{support_request.reference}-report.{extension}",
        content_type=TYPES.get(extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's focal points and coordinating authority: the evaluation, once, at
    "reported"; saving it moves the request to "evaluated"."""
    support_request = access_mission_request(request, pk, "evaluate")
    done = Evaluation.objects.filter(request=support_request).first()
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_submit(
                request=support_request, actor=actor(request), **form.cleaned_data
            )
        except ValidationError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Thank you: the evaluation was recorded."))
            return redirect(request_page(support_request))
    context = {
        "support_request": support_request,
        "form": form,
        "done": done,
        "open_now": done is None and support_request.stage == SupportRequest.Stage.REPORTED,
    }
    return _page(request, "support/mission_evaluation.html", context)


@require_http_methods(["GET", "POST"])
def appraisal(request: HttpRequest, pk: int, expert: int) -> HttpResponse:
    """The secretariat: its appraisal of one accepted expert, once per request and expert."""
    support_request = access_mission_request(request, pk, "appraise")
    the_expert = accepted_expert_or_404(support_request, expert)
    done = Appraisal.objects.filter(request=support_request, expert=the_expert).first()
    form = AppraisalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appraisal_write(
                request=support_request,
                expert=the_expert,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
                actor=actor(request),
            )
        except ValidationError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("The appraisal was recorded."))
            return redirect(request_page(support_request))
    context = {
        "support_request": support_request,
        "expert": the_expert,
        "form": form,
        "done": done,
        "open_now": done is None and support_request.stage in services.APPRAISABLE,
    }
    return _page(request, "support/mission_appraisal.html", context)
