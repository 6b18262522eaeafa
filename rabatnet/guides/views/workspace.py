"""The editing workspace: the country's focal points and workgroup, and the secretariat."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.countries.selectors import country_by_iso3
from rabatnet.network.permissions import access

from .. import selectors, services
from ..forms import PARTS, DecisionForm, GuideTextForm, StartForm
from ..history import guide_changes
from ..models import ContentItem, Guide, Stage
from ..models.guide import content_hash
from ..permissions import can_edit_guide, can_endorse_guide, can_publish_guide, can_view_drafts
from ..rendering import render_guide_body
from ..snapshot import guide_snapshot
from .common import country_and_guide
from .lifecycle import workspace_url


def _back(guide: Guide) -> HttpResponseRedirect:
    return redirect(workspace_url(guide.country.iso3, guide.language))


@require_GET
def workspace(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's members and the secretariat; editors see edit links."""
    country = country_by_iso3(iso3)
    access(can_view_drafts(request.user, country))
    guides = selectors.country_guides(country)
    context = {
        "country": country,
        "guides": guides,
        "can_edit": can_edit_guide(request.user, country),
        "start_form": StartForm(taken={g.language for g in guides}),
    }
    if guides:
        _, guide = country_and_guide(request, iso3)
        context.update(
            {
                "guide": guide,
                "parts": [(part, part.records(guide)) for part in PARTS.values()],
                "contents": guide.profile_contents.all(),
                "pending": (pending := services.pending_edition(guide)),
                "can_submit": context["can_edit"]
                and not pending
                and guide.stage in services.SUBMITTABLE,
                "preparation": services.PREPARATION,
                "stages": Stage,
                "decision_form": DecisionForm(),
                "can_endorse": can_endorse_guide(request.user, country),
                "can_publish": can_publish_guide(request.user),
                "events": selectors.guide_events(guide)[:10],
            }
        )
    return render(request, "guides/workspace.html", context)


@require_http_methods(["GET", "POST"])
def text_edit(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors: the title and the context / foreword; a stale edit is refused."""
    country, guide = country_and_guide(request, iso3)
    access(can_edit_guide(request.user, country))
    form = GuideTextForm(request.POST or None, instance=guide)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.save_through(
            lambda: services.guide_update(
                guide=form.instance,
                expected_version=form.cleaned_data["version"],
                actor=request.user,
            )
        )
    ):
        messages.success(request, _("Your changes were saved."))
        return _back(guide)
    context = {"country": country, "guide": guide, "form": form, "title": _("Context and foreword")}
    return render(request, "guides/part_form.html", context)


@require_http_methods(["GET", "POST"])
def contents_edit(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors: tick the contents the migration profile covers."""
    country, guide = country_and_guide(request, iso3)
    access(can_edit_guide(request.user, country))
    items = ContentItem.objects.all()
    if request.method == "POST":
        chosen = [item for item in items if str(item.pk) in request.POST.getlist("contents")]
        services.guide_contents_set(guide=guide, items=chosen, actor=request.user)
        messages.success(request, _("Your changes were saved."))
        return _back(guide)
    covered = set(guide.profile_contents.values_list("pk", flat=True))
    context = {"country": country, "guide": guide, "items": items, "covered": covered}
    return render(request, "guides/contents_form.html", context)


@require_http_methods(["GET", "POST"])
def part_edit(request: HttpRequest, iso3: str, part: str, pk: int | None = None) -> HttpResponse:
    """Editors add or change a record of a part; a stale edit is refused."""
    country, guide = country_and_guide(request, iso3)
    access(can_edit_guide(request.user, country))
    spec = PARTS.get(part) or _not_found()
    instance = get_object_or_404(spec.records(guide), pk=pk) if pk else None
    form = spec.form(guide, request.POST or None, instance=instance, editor=request.user)

    def write() -> object:
        if instance is None:
            return services.part_create(instance=form.instance, actor=request.user)
        return services.part_update(
            instance=form.instance,
            fields=spec.fields,
            expected_version=form.cleaned_data["version"],
            actor=request.user,
        )

    if request.method == "POST" and form.is_valid() and form.save_through(write):
        messages.success(request, _("Your changes were saved."))
        return redirect(f"{_back(guide).url}#{spec.slug}")
    context = {"country": country, "guide": guide, "form": form, "title": spec.title, "part": spec}
    return render(request, "guides/part_form.html", context)


@require_POST
def part_delete(request: HttpRequest, iso3: str, part: str, pk: int) -> HttpResponse:
    """Editors remove a record; the history keeps it."""
    country, guide = country_and_guide(request, iso3)
    access(can_edit_guide(request.user, country))
    spec = PARTS.get(part) or _not_found()
    services.part_delete(instance=get_object_or_404(spec.records(guide), pk=pk), actor=request.user)
    messages.success(request, _("The record was removed."))
    return redirect(f"{_back(guide).url}#{spec.slug}")


@require_GET
def guide_preview(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's members and the secretariat: the draft as it would be published."""
    country, guide = country_and_guide(request, iso3)
    access(can_view_drafts(request.user, country))
    content = guide_snapshot(guide)
    sha256 = content_hash(content)
    context = {
        "country": country,
        "guide": guide,
        "body": render_guide_body(content, sha256),
        "draft": True,
    }
    return render(request, "guides/guide_detail.html", context)


@require_GET
def guide_history(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's members and the secretariat: every change to sources and guide parts."""
    country, guide = country_and_guide(request, iso3)
    access(can_view_drafts(request.user, country))
    context = {"country": country, "guide": guide, "changes": guide_changes(guide)}
    return render(request, "guides/guide_history.html", context)


def _not_found() -> None:
    raise Http404("No such part.")
