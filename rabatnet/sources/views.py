"""A country's information source mapping (part I of its guide), in the private area."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor
from rabatnet.network.services import organisation_create

from . import selectors, services
from .forms import EntityForm, SourceForm
from .list_hooks import source_notes_context
from .models import Source
from .permissions import access_source, access_sources, can_add_source


@require_GET
def source_list(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's members and the secretariat: the mapping, grouped as the seed's table."""
    country = access_sources(request, iso3, "view")
    context = {
        "country": country,
        "table": selectors.source_table(country),
        "can_edit": can_add_source(request.user, country),
        **source_notes_context(country),  # e.g. each source's trace (questionnaires)
    }
    return render(request, "sources/source_list.html", context)


@require_http_methods(["GET", "POST"])
def source_edit(request: HttpRequest, iso3: str, pk: int | None = None) -> HttpResponse:
    """Focal points and workgroup members of the country, and the secretariat."""
    source = access_source(request, iso3, pk) if pk is not None else None
    country = source.country if source else access_sources(request, iso3, "add")
    form = SourceForm(request.POST or None, instance=source, country=country, editor=request.user)

    def write() -> Source:
        data = form.cleaned_data
        if source is None:
            fields = {k: v for k, v in data.items() if k not in ("areas", "version")}
            return services.source_create(
                country=country, areas=data["areas"], actor=actor(request), **fields
            )
        return services.source_update(
            source=form.instance,
            areas=data["areas"],
            indicators=data["indicators"],
            expected_version=data["version"],
            actor=actor(request),
        )

    if request.method == "POST" and form.is_valid() and form.save_through(write):
        name = form.cleaned_data["name"]
        messages.success(request, _("The source “%(name)s” was saved.") % {"name": name})
        return redirect("sources:list", iso3=country.iso3)
    context = {"country": country, "form": form, "source": source}
    return render(request, "sources/source_form.html", context)


@require_POST
def source_delete(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    """Editors of the country remove a source; the history keeps it."""
    source = access_source(request, iso3, pk)
    services.source_delete(source=source, actor=actor(request))
    messages.success(request, _("The source “%(name)s” was removed.") % {"name": source.name})
    return redirect("sources:list", iso3=source.country.iso3)


@require_http_methods(["GET", "POST"])
def entity_create(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors of the country add a data-collection entity."""
    country = access_sources(request, iso3, "add")
    form = EntityForm(request.POST or None, country=country)
    if request.method == "POST" and form.is_valid():
        entity = organisation_create(actor=actor(request), country=country, **form.cleaned_data)
        messages.success(request, _("“%(name)s” was added.") % {"name": entity.name})
        return redirect("sources:create", iso3=country.iso3)
    return render(request, "sources/entity_form.html", {"country": country, "form": form})
