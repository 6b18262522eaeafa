"""The steps of a guide's life: start, preparation steps, submission, endorsement, publication.

Who may take a step is the table in ``lifecycle.py``; a step that no longer applies (somebody
else took another one meanwhile) is refused by its service with a message.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from rabatnet.core.access import actor, grant

from .. import lifecycle, selectors, services
from ..forms import DecisionForm, StartForm
from ..models import Guide, Stage
from ..permissions import access_edition, access_guide, access_guide_start, can_view_timeline


def workspace_url(iso3: str, language: str) -> str:
    return f"{reverse('guides:workspace', kwargs={'iso3': iso3})}?lang={language}"


def back_to_workspace(guide: Guide, anchor: str = "") -> HttpResponseRedirect:
    url = workspace_url(guide.country.iso3, guide.language)
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)


def _allow(request: HttpRequest, guide: Guide, action: str) -> None:
    """The login page or 403 unless the table gives this visitor ``action`` on the guide."""
    grant(request, lifecycle.may_take(request.user, guide, action))


@require_POST
def guide_start(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors of the country (and the secretariat) record its expression of interest."""
    country = access_guide_start(request, iso3)
    form = StartForm(request.POST, taken={g.language for g in selectors.country_guides(country)})
    if not form.is_valid():
        messages.error(request, _("Choose a language the country has no guide in yet."))
        return redirect("guides:workspace", iso3=country.iso3)
    guide = services.guide_start(
        country=country, language=form.cleaned_data["language"], actor=actor(request)
    )
    messages.success(request, _("The guide is started: expression of interest recorded."))
    return back_to_workspace(guide)


@require_POST
def guide_step(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors: a preparation step, the submission for endorsement, or the follow-up."""
    guide = access_guide(request, iso3, "view")
    step = request.POST.get("step", "")
    _allow(request, guide, step)
    try:
        if step == lifecycle.SUBMIT:
            services.guide_submit(guide=guide, actor=actor(request))
            messages.success(
                request, _("The draft was submitted to the national coordinating authority.")
            )
        elif step == lifecycle.FOLLOW_UP:
            services.guide_follow_up(guide=guide, actor=actor(request))
        else:
            comment = request.POST.get("comment", "")
            services.guide_advance(guide=guide, stage=step, actor=actor(request), comment=comment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return back_to_workspace(guide)


@require_POST
def edition_decide(request: HttpRequest, iso3: str, number: int) -> HttpResponse:
    """The country's coordinating authority (or the secretariat) endorses or sends back."""
    edition = access_edition(request, iso3, number, "view")
    _allow(request, edition.guide, lifecycle.ENDORSE)  # sending back has the same rule
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose to endorse or to send back."))
        comment = form.cleaned_data["comment"]
        if form.cleaned_data["decision"] == "endorse":
            services.edition_endorse(edition=edition, actor=actor(request), comment=comment)
            messages.success(request, _("Edition %(n)s is endorsed.") % {"n": edition.number})
        else:
            services.edition_return(edition=edition, actor=actor(request), comment=comment)
            messages.success(
                request,
                _("Edition %(n)s was sent back with your comments.") % {"n": edition.number},
            )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return back_to_workspace(edition.guide)


@require_POST
def edition_publish(request: HttpRequest, iso3: str, number: int) -> HttpResponse:
    """The secretariat publishes an endorsed edition."""
    edition = access_edition(request, iso3, number, "view")
    _allow(request, edition.guide, lifecycle.PUBLISH)
    try:
        services.edition_publish(edition=edition, actor=actor(request))
        messages.success(request, _("Edition %(n)s is published.") % {"n": edition.number})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return back_to_workspace(edition.guide)


@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    """The secretariat: every country's guide and the stage it has reached."""
    grant(request, can_view_timeline(request.user))
    return render(request, "guides/timeline.html", {"rows": selectors.timeline(), "stages": Stage})
