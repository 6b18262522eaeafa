"""The secretariat: create and edit a meeting, its programme, documents; cancel it."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rabatnet.core.access import actor
from rabatnet.core.forms import stale_message
from rabatnet.core.services import StaleEditError

from . import services
from .documents import max_bytes
from .forms import (
    AgendaItemForm,
    CancelForm,
    ConclusionForm,
    DocumentForm,
    MeetingForm,
    ParticipationForm,
    SessionForm,
)
from .models import Meeting
from .permissions import access_meeting, access_new_meeting

M2M = ("co_chairs", "objectives")
PAIRS = [("_en", "en"), ("_fr", "fr")]


def _detail(meeting: Meeting) -> str:
    return reverse("meetings:detail", kwargs={"slug": meeting.slug})


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    access_new_meeting(request)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        services.meeting_create(
            meeting=meeting,
            co_chairs=form.cleaned_data["co_chairs"],
            objectives=form.cleaned_data["objectives"],
            actor=actor(request),
        )
        messages.success(request, _("Meeting created."))
        return redirect(_detail(meeting))
    return render(request, "meetings/edit.html", {"form": form, "meeting": None, "pairs": PAIRS})


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request, slug, "edit")
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        fields = [f for f in MeetingForm.Meta.fields if f in form.fields and f not in M2M]
        data = form.cleaned_data
        write = lambda: services.meeting_update(  # noqa: E731
            meeting=form.instance,
            expected_version=data["version"],
            fields=fields,
            co_chairs=data["co_chairs"],
            objectives=data["objectives"],
            actor=actor(request),
        )
        if form.save_through(write):
            messages.success(request, _("Meeting saved."))
            return redirect(_detail(meeting))
    return render(request, "meetings/edit.html", {"form": form, "meeting": meeting, "pairs": PAIRS})


@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, slug: str) -> HttpResponse:
    """GET asks to confirm; POST marks the meeting cancelled."""
    meeting = access_meeting(request, slug, "edit")
    form = CancelForm(request.POST or None, initial={"version": meeting.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(
                meeting=meeting,
                expected_version=form.cleaned_data["version"],
                actor=actor(request),
            )
        except StaleEditError:
            form.add_error(None, stale_message())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The meeting is marked cancelled."))
            return redirect(_detail(meeting))
    return render(request, "meetings/cancel.html", {"form": form, "meeting": meeting})


PROGRAMME_FORMS: dict[str, Any] = {
    "session": SessionForm,
    "item": AgendaItemForm,
    "conclusion": ConclusionForm,
    "participation": ParticipationForm,
}


def _programme_forms(meeting: Meeting, data: Any = None, which: str = "") -> dict[str, Any]:
    built = {}
    for name, form_class in PROGRAMME_FORMS.items():
        kwargs: dict[str, Any] = {"prefix": name}
        if form_class is AgendaItemForm:
            kwargs["meeting"] = meeting
        built[name] = form_class(data if name == which else None, **kwargs)
    return built


def _programme_write(meeting: Meeting, which: str, form: Any) -> None:
    obj = form.save(commit=False)
    if which == "session":
        services.session_add(meeting=meeting, session=obj)
    elif which == "item":
        services.agenda_item_add(meeting=meeting, item=obj)
    elif which == "conclusion":
        services.conclusion_add(meeting=meeting, conclusion=obj)
    else:
        services.participation_set(meeting=meeting, participation=obj)


@require_http_methods(["GET", "POST"])
def meeting_programme(request: HttpRequest, slug: str) -> HttpResponse:
    """Sessions, agenda items, numbered conclusions and participation counts: one form per
    kind, ``form`` names the one posted."""
    meeting = access_meeting(request, slug, "edit")
    which = request.POST.get("form", "") if request.method == "POST" else ""
    if request.method == "POST" and which not in PROGRAMME_FORMS:
        messages.error(request, _("Nothing was saved: the form sent is not one of this page's."))
        which = ""
    forms = _programme_forms(meeting, request.POST, which)
    if which and forms[which].is_valid():
        try:
            _programme_write(meeting, which, forms[which])
        except ValidationError as exc:
            forms[which].add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(reverse("meetings:programme", kwargs={"slug": meeting.slug}))
    context = {
        "meeting": meeting,
        "forms": forms,
        "sessions": meeting.sessions.prefetch_related("items"),
        "conclusions": meeting.conclusions.all(),
        "participations": meeting.participations.select_related("country", "organisation"),
    }
    return render(request, "meetings/programme.html", context)


@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request, slug, "edit")
    form = DocumentForm(request.POST or None, request.FILES or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        files = {
            lang: (data[f"file_{lang}"], data[f"type_{lang}"])
            for lang in ("en", "fr")
            if data.get(f"file_{lang}")
        }
        try:
            services.document_add(
                meeting=meeting,
                titles={"en": data["title_en"], "fr": data["title_fr"]},
                kind=data["kind"],
                restricted=data["restricted"],
                agenda_item=data["agenda_item"],
                files=files,
                actor=actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Document added."))
            return redirect(_detail(meeting) + "#documents")
    return render(
        request,
        "meetings/document_upload.html",
        {"form": form, "meeting": meeting, "limit": max_bytes()},
    )
