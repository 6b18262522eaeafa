"""Compilation pages: candidate records beside the draft, and deciding each one.

Who: the guide's viewers (the country's people, the secretariat) read; its editors (the
country's focal points and workgroup, the secretariat) propose, accept and reject.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor
from rabatnet.core.services import StaleEditError
from rabatnet.guides.models import Guide
from rabatnet.guides.permissions import access_guide, can_edit_guide

from . import compilation_selectors as selectors
from . import compilation_services as services
from .compilation_forms import CandidateVersionForm, RejectForm, prefill
from .models import Candidate
from .permissions import access_candidate, access_workshop, can_review_candidate


def _review_url(guide: Guide) -> str:
    url = reverse("compilation:review", kwargs={"iso3": guide.country.iso3})
    return f"{url}?lang={guide.language}"


def _candidate_url(candidate: Candidate) -> str:
    return reverse("compilation:candidate", kwargs={"pk": candidate.pk})


def _record_url(candidate: Candidate) -> str:
    """Where the record an accepted candidate made is edited ("" if none)."""
    if candidate.record_id is None:
        return ""
    iso3 = candidate.guide.country.iso3
    part = selectors.PART_OF_KIND[candidate.kind]
    if part is None:
        return reverse("sources:edit", kwargs={"iso3": iso3, "pk": candidate.record_id})
    kwargs = {"iso3": iso3, "part": part, "pk": candidate.record_id}
    return reverse("guides:part_edit", kwargs=kwargs) + f"?lang={candidate.guide.language}"


def _stale_lines(error: StaleEditError) -> list[tuple[str, object]]:
    """What changed in the candidate since the page was read, as (label, value now)."""
    current = error.current
    assert isinstance(current, Candidate)
    names = error.changed_fields or ["status"]
    lines: list[tuple[str, object]] = []
    for name in names:
        label = str(getattr(Candidate._meta.get_field(name), "verbose_name", name))
        value = current.get_status_display() if name == "status" else getattr(current, name)
        lines.append((label, "" if value is None else value))
    return lines


@require_GET
def review(request: HttpRequest, iso3: str) -> HttpResponse:
    """The guide's candidates by kind, each beside the draft's records of that kind."""
    guide = access_guide(request, iso3, "view")
    context = {
        "country": guide.country,
        "guide": guide,
        "groups": selectors.review_groups(guide),
        "can_review": can_edit_guide(request.user, guide),
    }
    return render(request, "questionnaires/compilation_review.html", context)


@require_POST
def propose(request: HttpRequest, iso3: str) -> HttpResponse:
    """Editors: the country's submitted responses propose their candidates (again: none)."""
    guide = access_guide(request, iso3, "edit")
    made = services.propose_from_country(guide=guide, actor=actor(request))
    messages.success(
        request,
        _("New candidate records proposed by the submitted responses: %(count)d.")
        % {"count": made},
    )
    return HttpResponseRedirect(_review_url(guide))


@require_POST
def propose_workshop(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: a workshop's outcomes propose their candidates."""
    workshop = access_workshop(request, pk, "manage")
    try:
        made = services.propose_from_workshop(workshop=workshop, actor=actor(request))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("New candidate records proposed by the workshop's outcomes: %(count)d.")
            % {"count": made},
        )
    return HttpResponseRedirect(_review_url(workshop.guide))


@require_http_methods(["GET", "POST"])
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The record's form prefilled with the candidate's values: edit, then accept. Viewers
    read; editors decide (a decision carries the candidate's version)."""
    posted = request.method == "POST"
    candidate = access_candidate(request, pk, "review" if posted else "view")
    pending = candidate.status == Candidate.Status.PENDING
    if posted and not pending:
        messages.error(request, _("This candidate was already decided: nothing was changed."))
        return HttpResponseRedirect(_candidate_url(candidate))
    form = services.record_form(candidate, request.POST if posted else None, request.user)
    initial = {"candidate_version": candidate.version}
    version_form = CandidateVersionForm(request.POST if posted else None, initial=initial)
    stale: list[tuple[str, object]] = []
    if not posted:
        prefill(form, candidate)
    elif not version_form.is_valid():
        form.add_error(None, _("The page was incomplete: open the candidate again."))
        version_form = CandidateVersionForm(initial=initial)
    elif form.is_valid():
        try:
            services.candidate_accept(
                candidate=candidate,
                expected_version=version_form.cleaned_data["candidate_version"],
                data=request.POST,
                actor=actor(request),
            )
        except StaleEditError as exc:
            stale = _stale_lines(exc)
            version_form = CandidateVersionForm(initial={"candidate_version": exc.current.version})
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Accepted: the record is in the draft, with its trace."))
            return HttpResponseRedirect(_review_url(candidate.guide))
    rows = selectors.describe([candidate])
    context = {
        "candidate": candidate,
        "lines": rows[0].lines,
        "guide": candidate.guide,
        "country": candidate.guide.country,
        "form": form,
        "version_form": version_form,
        "reject_form": RejectForm(initial=initial),
        "stale": stale,
        "record_url": _record_url(candidate),
        "can_review": pending and can_review_candidate(request.user, candidate),
    }
    return render(request, "questionnaires/compilation_candidate.html", context)


@require_http_methods(["GET", "POST"])
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: reject a pending candidate, saying why."""
    candidate = access_candidate(request, pk, "review")
    if candidate.status != Candidate.Status.PENDING:
        messages.error(request, _("This candidate was already decided: nothing was changed."))
        return HttpResponseRedirect(_candidate_url(candidate))
    initial = {"candidate_version": candidate.version}
    form = RejectForm(request.POST or None, initial=initial)
    stale: list[tuple[str, object]] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_reject(
                candidate=candidate,
                expected_version=form.cleaned_data["candidate_version"],
                reason=form.cleaned_data["reason"],
                actor=actor(request),
            )
        except StaleEditError as exc:
            stale = _stale_lines(exc)
            data = {"reason": form.cleaned_data["reason"]}
            form = RejectForm(initial={**data, "candidate_version": exc.current.version})
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Rejected: the reason is kept with the candidate."))
            return HttpResponseRedirect(_review_url(candidate.guide))
    context = {
        "candidate": candidate,
        "guide": candidate.guide,
        "country": candidate.guide.country,
        "form": form,
        "stale": stale,
    }
    return render(request, "questionnaires/compilation_reject.html", context)
