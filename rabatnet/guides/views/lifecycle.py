"""The steps of a guide's life: start, preparation steps, submission, endorsement, publication."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from rabatnet.countries.selectors import country_by_iso3
from rabatnet.network.permissions import access

from .. import selectors, services
from ..forms import DecisionForm, StartForm
from ..models import Stage
from ..permissions import can_edit_guide, can_endorse_guide, can_publish_guide, can_view_timeline
from .common import country_and_guide


def workspace_url(iso3: str, language: str) -> str:
    return f"{reverse('guides:workspace', kwargs={'iso3': iso3})}?lang={language}"


@require_POST
def guide_start(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors of the country (and the secretariat) record its expression of interest."""
    country = country_by_iso3(iso3)
    access(can_edit_guide(request.user, country))
    form = StartForm(request.POST, taken={g.language for g in selectors.country_guides(country)})
    if not form.is_valid():
        messages.error(request, _("Choose a language the country has no guide in yet."))
        return redirect("guides:workspace", iso3=country.iso3)
    guide = services.guide_start(
        country=country, language=form.cleaned_data["language"], actor=request.user
    )
    messages.success(request, _("The guide is started: expression of interest recorded."))
    return redirect(workspace_url(country.iso3, guide.language))


@require_POST
def guide_step(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors: a preparation step, the submission for endorsement, or the follow-up."""
    country, guide = country_and_guide(request, iso3)
    access(can_edit_guide(request.user, country))
    step = request.POST.get("step", "")
    try:
        if step == "submit":
            services.guide_submit(guide=guide, actor=request.user)
            messages.success(
                request, _("The draft was submitted to the national coordinating authority.")
            )
        elif step == Stage.FOLLOW_UP:
            services.guide_follow_up(guide=guide, actor=request.user)
        else:
            services.guide_advance(
                guide=guide, stage=step, actor=request.user, comment=request.POST.get("comment", "")
            )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(workspace_url(country.iso3, guide.language))


@require_POST
def edition_decide(request: HttpRequest, iso3: str, number: int) -> HttpResponse:
    """The country's coordinating authority (or the secretariat) endorses or sends back."""
    country, guide = country_and_guide(request, iso3)
    access(can_endorse_guide(request.user, country))
    edition = selectors.edition(guide, number)
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose to endorse or to send back."))
        comment = form.cleaned_data["comment"]
        if form.cleaned_data["decision"] == "endorse":
            services.edition_endorse(edition=edition, actor=request.user, comment=comment)
            messages.success(request, _("Edition %(n)s is endorsed.") % {"n": edition.number})
        else:
            services.edition_return(edition=edition, actor=request.user, comment=comment)
            messages.success(
                request,
                _("Edition %(n)s was sent back with your comments.") % {"n": edition.number},
            )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(workspace_url(country.iso3, guide.language))


@require_POST
def edition_publish(request: HttpRequest, iso3: str, number: int) -> HttpResponse:
    """The secretariat publishes an endorsed edition."""
    country, guide = country_and_guide(request, iso3)
    access(can_publish_guide(request.user))
    edition = selectors.edition(guide, number)
    try:
        services.edition_publish(edition=edition, actor=request.user)
        messages.success(request, _("Edition %(n)s is published.") % {"n": edition.number})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(workspace_url(country.iso3, guide.language))


@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    """The secretariat: every country's guide and the stage it has reached."""
    access(can_view_timeline(request.user))
    return render(request, "guides/timeline.html", {"rows": selectors.timeline(), "stages": Stage})
