"""The editing workspace: the country's focal points and workgroup, and the secretariat."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor, parse_number

from .. import lifecycle, selectors, services
from ..forms import PARTS, DecisionForm, GuideTextForm, Part, StartForm
from ..history import guide_changes
from ..models import ContentItem, Stage
from ..models.guide import content_hash
from ..permissions import access_country_guides, access_guide, can_edit_guide, can_start_guide
from ..rendering import render_guide_body
from ..snapshot import guide_snapshot
from ..workspace_hooks import records_list_context
from .lifecycle import back_to_workspace


def _part(slug: str) -> Part:
    if slug not in PARTS:
        raise Http404("No such part.")
    return PARTS[slug]


@require_GET
def workspace(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's members and the secretariat; editors see edit links, and each person
    the steps of the guide's life that are open to them."""
    country, guide = access_country_guides(request, iso3)
    guides = selectors.country_guides(country)
    context: dict[str, object] = {
        "country": country,
        "guides": guides,
        "can_start": can_start_guide(request.user, country),
        "start_form": StartForm(taken={g.language for g in guides}),
    }
    if guide is not None:
        actions = lifecycle.open_actions(request.user, guide)
        context.update(
            {
                "guide": guide,
                "can_edit": can_edit_guide(request.user, guide),
                "parts": selectors.workspace_parts(guide, PARTS.values()),
                "contents": guide.profile_contents.all(),
                "pending": services.pending_edition(guide),
                "actions": actions,
                "steps": [s for s in lifecycle.PREPARATION if s in actions],
                "stages": Stage,
                "decision_form": DecisionForm(),
                "events": selectors.guide_events(guide)[:10],
                **records_list_context(guide),  # e.g. each record's trace (questionnaires)
            }
        )
    return render(request, "guides/workspace.html", context)


@require_http_methods(["GET", "POST"])
def text_edit(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors: the title and the context / foreword; a stale edit is refused."""
    guide = access_guide(request, iso3, "edit")
    country = guide.country
    form = GuideTextForm(request.POST or None, instance=guide)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.save_through(
            lambda: services.guide_update(
                guide=form.instance,
                expected_version=form.cleaned_data["version"],
                actor=actor(request),
            )
        )
    ):
        messages.success(request, _("Your changes were saved."))
        return back_to_workspace(guide)
    context = {"country": country, "guide": guide, "form": form, "title": _("Context and foreword")}
    return render(request, "guides/part_form.html", context)


@require_http_methods(["GET", "POST"])
def contents_edit(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors: tick the contents the migration profile covers."""
    guide = access_guide(request, iso3, "edit")
    country = guide.country
    items = ContentItem.objects.all()
    if request.method == "POST":
        chosen = [item for item in items if str(item.pk) in request.POST.getlist("contents")]
        services.guide_contents_set(guide=guide, items=chosen, actor=actor(request))
        messages.success(request, _("Your changes were saved."))
        return back_to_workspace(guide)
    covered = set(guide.profile_contents.values_list("pk", flat=True))
    context = {"country": country, "guide": guide, "items": items, "covered": covered}
    return render(request, "guides/contents_form.html", context)


@require_http_methods(["GET", "POST"])
def part_edit(request: HttpRequest, iso3: str, part: str, pk: int | None = None) -> HttpResponse:
    """Editors add or change a record of a part; a stale edit is refused."""
    guide = access_guide(request, iso3, "edit")
    country = guide.country
    spec = _part(part)
    instance = get_object_or_404(spec.records(guide), pk=parse_number(pk)) if pk else None
    form = spec.form(guide, request.POST or None, instance=instance, editor=request.user)

    def write() -> object:
        if instance is None:
            return services.part_create(instance=form.instance, actor=actor(request))
        return services.part_update(
            instance=form.instance,
            fields=spec.fields,
            expected_version=form.cleaned_data["version"],
            actor=actor(request),
        )

    if request.method == "POST" and form.is_valid() and form.save_through(write):
        messages.success(request, _("Your changes were saved."))
        return back_to_workspace(guide, spec.slug)
    context = {"country": country, "guide": guide, "form": form, "title": spec.title, "part": spec}
    return render(request, "guides/part_form.html", context)


@require_POST
def part_delete(request: HttpRequest, iso3: str, part: str, pk: int) -> HttpResponse:
    """Editors remove a record; the history keeps it."""
    guide = access_guide(request, iso3, "edit")
    spec = _part(part)
    record = get_object_or_404(spec.records(guide), pk=parse_number(pk))
    services.part_delete(instance=record, actor=actor(request))
    messages.success(request, _("The record was removed."))
    return back_to_workspace(guide, spec.slug)


@require_GET
def guide_preview(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's members and the secretariat: the draft as it would be published."""
    guide = access_guide(request, iso3, "view")
    country = guide.country
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
    guide = access_guide(request, iso3, "view")
    country = guide.country
    context = {"country": country, "guide": guide, "changes": guide_changes(guide)}
    return render(request, "guides/guide_history.html", context)
