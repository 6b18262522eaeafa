"""Pages of follow-up actions: the public list and CSV, a meeting's actions, and the
secretariat's and owners' forms. Every object comes through ``access_*``."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods

from rabatnet.core.access import actor, parse_number
from rabatnet.network.exports import BOM, safe_cell

from . import action_services as services
from .action_forms import ActionFilterForm, ActionForm, ProgressForm
from .action_permissions import (
    access_action,
    access_meeting_actions,
    can_create_action,
    can_edit_action,
    can_progress_action,
)
from .action_selectors import (
    filtered_actions,
    is_overdue,
    meeting_actions,
    open_actions_of_previous,
)
from .models import Conclusion, FollowUpAction, Meeting

PAGE_SIZE = 50


def _meeting_url(action: FollowUpAction) -> str:
    return reverse("actions:meeting", kwargs={"slug": action.meeting.slug})


@login_not_required
@require_GET
def action_list(request: HttpRequest) -> HttpResponse:
    """Public: the actions of published meetings, filtered by status, owner country,
    objective, overdue."""
    form = ActionFilterForm(request.GET or None)
    actions = filtered_actions(form.filters())
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    user = request.user
    context = {
        "form": form,
        "page": page,
        "actions": [(a, can_progress_action(user, a)) for a in page.object_list],
        "query": request.GET.urlencode(),
    }
    return render(request, "meetings/action_list.html", context)


@login_not_required
@require_GET
def action_csv(request: HttpRequest) -> HttpResponse:
    """The public list as CSV (same filters), UTF-8 with a BOM, formulas defused."""
    form = ActionFilterForm(request.GET or None)
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Meeting"),
            _("Meeting start (UTC date)"),
            _("Action"),
            _("Owner"),
            _("Deadline"),
            _("Objective"),
            _("Status"),
            _("Overdue (deadline passed, still open)"),
        ]
    )
    for a in filtered_actions(form.filters()):
        owner = a.owner_country.name if a.owner_country else a.owner_organisation
        writer.writerow(
            [
                safe_cell(a.meeting.title),
                a.meeting.starts_at.date().isoformat(),
                safe_cell(a.title),
                safe_cell(owner),
                a.deadline.isoformat() if a.deadline else "",
                safe_cell(a.objective or ""),
                a.get_status_display(),
                pgettext("a yes/no value", "yes" if is_overdue(a) else "no"),
            ]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="follow-up-actions.csv"'
    return response


@login_not_required
@require_GET
def meeting_action_list(request: HttpRequest, slug: str) -> HttpResponse:
    """A meeting's conclusions with their actions, and the open actions of the previous
    meeting of the same kind. Public for a published meeting."""
    meeting = access_meeting_actions(request, slug, "view")
    actions = list(meeting_actions(meeting))
    user = request.user
    by_conclusion: dict[int | None, list] = {}
    for a in actions:
        by_conclusion.setdefault(a.conclusion_id, []).append(
            (a, can_edit_action(user, a), can_progress_action(user, a))
        )
    conclusions = [(c, by_conclusion.get(c.pk, [])) for c in meeting.conclusions.all()]
    context = {
        "meeting": meeting,
        "conclusions": conclusions,
        "unlinked": by_conclusion.get(None, []),
        "previous": open_actions_of_previous(meeting),
        "can_create": can_create_action(user, meeting),
    }
    return render(request, "meetings/action_meeting.html", context)


def _conclusion_asked(meeting: Meeting, number: str | None) -> Conclusion | None:
    """The meeting's conclusion ``?conclusion=<number>`` names; None for anything else."""
    try:
        key = parse_number(number) if number else None
    except Http404:
        return None
    return meeting.conclusions.filter(number=key).first() if key else None


@require_http_methods(["GET", "POST"])
def action_create(request: HttpRequest, slug: str) -> HttpResponse:
    """The secretariat turns a conclusion (``?conclusion=<number>``) into an action."""
    meeting = access_meeting_actions(request, slug, "create")
    initial = {}
    conclusion = _conclusion_asked(meeting, request.GET.get("conclusion"))
    if conclusion is not None:
        initial = {"conclusion": conclusion}
    form = ActionForm(request.POST or None, meeting=meeting, initial=initial)

    def write() -> object:
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.action_create(meeting=meeting, actor=actor(request), **data)

    if request.method == "POST" and form.is_valid() and form.save_through(write):
        messages.success(request, _("The action was added."))
        return redirect("actions:meeting", slug=meeting.slug)
    return render(request, "meetings/action_form.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The secretariat edits an action; a stale edit is refused with the changes shown."""
    action = access_action(request, slug, pk, "edit")
    form = ActionForm(request.POST or None, instance=action, meeting=action.meeting)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.save_through(
            lambda: services.action_update(
                action=form.instance,
                expected_version=form.cleaned_data["version"],
                actor=actor(request),
            )
        )
    ):
        messages.success(request, _("Your changes were saved."))
        return redirect(_meeting_url(action))
    context = {"form": form, "meeting": action.meeting, "action": action}
    return render(request, "meetings/action_form.html", context)


@require_http_methods(["GET", "POST"])
def action_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The owner country's focal point (or the secretariat) updates status and note."""
    action = access_action(request, slug, pk, "progress")
    form = ProgressForm(request.POST or None, instance=action)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.save_through(
            lambda: services.action_progress(
                action=form.instance,
                expected_version=form.cleaned_data["version"],
                actor=actor(request),
            )
        )
    ):
        messages.success(request, _("The progress was saved."))
        return redirect(_meeting_url(action))
    return render(request, "meetings/action_progress.html", {"form": form, "action": action})
