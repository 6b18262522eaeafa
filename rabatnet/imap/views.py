"""The map page and its embed: one state per URL, the same data as picture, legend and table."""

from dataclasses import replace
from typing import Any

from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from . import layers, picture
from .forms import MapStateForm
from .panel import build_panel
from .search import MAX_MATCHES, Match, country_name, find_countries
from .state import parse_state, state_url
from .types import DIRECTIONS, LAYERS, Layer, MapState


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails  # set by django_htmx's middleware


# Any site may frame the embed (and only the embed): its answer carries no secret.
EMBED_FRAME_ANCESTORS = {"frame-ancestors": ["*"]}


def layer_labels() -> dict[str, str]:
    return {
        "membership": _("Membership"),
        "guides": _("Country guides"),
        "indicator": _("Indicators"),
        "bilateral": _("Migrant stock between countries"),
        "routes": _("Routes and incidents"),
    }


def direction_labels() -> dict[str, str]:
    return {
        "origins": _("Where its migrants come from"),
        "destinations": _("Where its emigrants live"),
    }


def _select_country(
    state: MapState, messages: list[str]
) -> tuple[MapState, list[dict[str, str]], bool]:
    """The state with the country the search names (or with an unknown code dropped), the
    links to choose among several matches, and whether the search found one country."""
    choices: list[dict[str, str]] = []
    if state.q:
        matches = find_countries(state.q)
        if len(matches) == 1:
            return replace(state, country=matches[0].iso3, q=""), choices, True
        if not matches:
            messages.append(_("No country matches “%(q)s”.") % {"q": state.q})
        else:
            if len(matches) > MAX_MATCHES:
                messages.append(_("Many countries match: type more letters to narrow the list."))
            choices = [_choice(state, match) for match in matches[:MAX_MATCHES]]
    if state.country and country_name(state.country) is None:
        messages.append(_("No country has the code %(code)s.") % {"code": state.country})
        state = replace(state, country="")
    return state, choices, False


def _choice(state: MapState, match: Match) -> dict[str, str]:
    return {"iso3": match.iso3, "name": match.name, "url": state_url(state, country=match.iso3)}


def _links(state: MapState, layer: Layer) -> dict[str, Any]:
    """The plain links to the other states: layers, directions, years."""
    shown = layer.state if layer.state.layer == state.layer else state
    return {
        "layer_links": [
            {
                "label": label,
                "url": state_url(state, layer=name, year=None),
                "current": name == shown.layer,
            }
            for name, label in layer_labels().items()
            if name in LAYERS
        ],
        "direction_links": [
            {
                "label": label,
                "url": state_url(state, direction=name),
                "current": name == shown.direction,
            }
            for name, label in direction_labels().items()
            if name in DIRECTIONS and state.layer == "bilateral"
        ],
        "year_links": [
            {"label": str(year), "url": state_url(state, year=year), "current": year == layer.year}
            for year in layer.years
        ],
    }


def map_context(
    request: HttpRequest,
    state: MapState,
    *,
    messages: list[str],
    choices: list[dict[str, str]],
    embed: bool,
) -> dict[str, Any]:
    """Everything the page (or the embed) prints for ``state``."""
    layer = layers.build_layer(state)
    if layer.message:
        messages.append(layer.message)
    svg = picture.map_svg(
        state,
        highlight=state.country,
        links=True,
        standalone=False,
        link_target="_top" if embed else "",
        layer=layer,
    )
    embed_url = request.build_absolute_uri(state_url(state, "imap:embed"))
    snippet = '<iframe src="%s" title="%s" width="100%%" height="640" loading="lazy"></iframe>'
    context: dict[str, Any] = {
        "embed": embed,
        "state": state,
        "layer": layer,
        "messages_of_state": messages,
        "choices": choices,
        "map_svg": mark_safe(svg),  # noqa: S308 - the renderer escapes every text it draws
        "full_map_url": request.build_absolute_uri(state_url(state)),
        "embed_url": embed_url,
        "embed_snippet": snippet % (escape(embed_url), escape(layer.title)),
        "table_rows": [(row, state_url(state, country=row.key)) for row in layer.rows],
        "has_derived": any(row.derived for row in layer.rows),
        "has_partial": any(row.partial for row in layer.rows),
        "downloads": {
            "svg": state_url(state, "imap:svg"),
            "png": state_url(state, "imap:png"),
            "csv": state_url(state, "imap:csv"),
        },
        "search_form": MapStateForm(initial={"q": state.q}),
        "search_hidden": state.query(country=None),
        "select_rows": state.layer != "routes",
        **_links(state, layer),
    }
    if state.layer == "indicator":
        context["indicator_choices"] = [(c.code, c.name) for c in layers.indicator_choices()]
    if state.country and not embed:
        context["panel"] = build_panel(request.user, state.country, layer)
    return context


@require_GET
@login_not_required
def map_page(request: HtmxHttpRequest) -> HttpResponse:
    """Public: the map of one state (``?layer=…``), its legend, table, sources, downloads and
    the selected country's panel; htmx asks for the state's part only. A search that finds
    one country goes to that state's own address."""
    state, messages = parse_state(request.GET)
    state, choices, found = _select_country(state, messages)
    if found and not messages and not request.htmx:
        return redirect(state_url(state))
    context = map_context(request, state, messages=messages, choices=choices, embed=False)
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    template = "imap/map_page.html#map_state" if partial else "imap/map_page.html"
    response = render(request, template, context)
    if found and partial:
        push_url(response, state_url(state))
    if request.user.is_authenticated:
        # The panel may list contacts for members: never in a shared or back-button cache.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
@login_not_required
@xframe_options_exempt
@csp_replace(EMBED_FRAME_ANCESTORS)
def map_embed(request: HttpRequest) -> HttpResponse:
    """Public, and the one address other sites may frame: the map, its legend and sources,
    and a link to the full map (every link opens in the top window)."""
    state, messages = parse_state(request.GET)
    state, choices, _found = _select_country(state, messages)
    context = map_context(request, state, messages=messages, choices=choices, embed=True)
    return render(request, "imap/map_embed.html", context)
