"""The respondent's page, reached through their personal link (no account): the questions
asked, "Save and continue later", "Submit", repeat rows added and removed by buttons that
save and come back (no JavaScript); after submitting, the answers read-only.

The link is the only key (``invitations.invitation_from_token``); every answer of this page
is kept out of caches and never sent as a Referer to another site.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rabatnet.core.responses import kept_private

from . import answer_services as services
from .answer_forms import AnswerForm, parse_action, posted_counts
from .answer_layout import Layout, Values, layout_of, relevant_keys, row_counts, translated
from .answer_read import read_rows
from .invitation_services import invitation_opened
from .invitations import LinkRefused, invitation_from_token
from .models import Invitation, Response


def _title(invitation: Invitation) -> str:
    return translated(invitation.questionnaire, "title", invitation.language)


def _form(
    request: HttpRequest,
    invitation: Invitation,
    layout: Layout,
    values: Values,
    counts: dict[str, int],
    version: int,
    data: object = None,
) -> AnswerForm:
    return AnswerForm(
        data,
        layout=layout,
        language=invitation.language,
        counts=counts,
        asked=relevant_keys(layout, values, counts),
        values=values,
        version=version,
    )


def _page(
    request: HttpRequest, invitation: Invitation, form: AnswerForm | None, **extra: object
) -> HttpResponse:
    context = {
        "invitation": invitation,
        "title": _title(invitation),
        "form": form,
        "blocks": form.blocks() if form is not None else [],
        **extra,
    }
    return kept_private(render(request, "questionnaires/answer_form.html", context))


@login_not_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = invitation_from_token(token)
    except LinkRefused as refused:
        page = render(
            request,
            "questionnaires/answer_refused.html",
            {"message": refused.message},
            status=refused.status,
        )
        return kept_private(page)
    invitation_opened(invitation=invitation)
    layout = layout_of(invitation.questionnaire)
    response = services.current_response(invitation)
    saved = services.saved_values(response)
    if response is not None and response.status == Response.Status.SUBMITTED:
        if request.method == "POST":  # an old tab: say that nothing it sent was kept
            messages.error(request, services.SUBMITTED)
        return kept_private(
            render(
                request,
                "questionnaires/answer_done.html",
                {
                    "invitation": invitation,
                    "title": _title(invitation),
                    "response": response,
                    "rows": read_rows(layout, saved, invitation.language),
                },
            )
        )
    version = response.version if response is not None else 0
    counts = row_counts(layout, saved)
    if request.method == "GET":
        counts = {
            name: max(count, counts[name])
            for name, count in posted_counts(request.GET, layout, counts).items()
        }
        return _page(
            request, invitation, _form(request, invitation, layout, saved, counts, version)
        )
    counts = posted_counts(request.POST, layout, counts)
    form = _form(request, invitation, layout, saved, counts, version, request.POST)
    if not form.is_valid():
        messages.error(request, _("Some answers are not in the expected form: see below."))
        return _page(request, invitation, form)
    verb, repeat, row = parse_action(request.POST.get("action"), layout, counts)
    values = form.values()
    if verb == "remove":
        values = services.remove_row(layout, values, repeat, row)
        counts[repeat] = max(counts[repeat] - 1, 1)
    elif verb == "add":
        counts[repeat] = min(counts[repeat] + 1, 50)
    asked = relevant_keys(layout, values, counts)
    if verb == "submit":
        values = {key: value for key, value in values.items() if key in asked}
        errors = services.submission_errors(layout, values, asked, invitation.language)
        if errors:
            rejected = _form(request, invitation, layout, values, counts, version, request.POST)
            rejected.is_valid()
            for name, message in errors.items():
                if name in rejected.fields:
                    rejected.add_error(name, message)
            messages.error(request, _("The answers were not submitted: see the messages below."))
            return _page(request, invitation, rejected)
    try:
        services.response_save(
            invitation=invitation,
            layout=layout,
            values=values,
            version=form.cleaned_data["version"],
            submit=verb == "submit",
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return _page(request, invitation, form, stale=True)
    if verb == "submit":
        messages.success(request, _("Your answers were submitted. Thank you."))
    else:
        messages.success(request, _("Your answers were saved. You can come back later."))
    url = reverse("answers:answer", kwargs={"token": token})
    query = urlencode({f"rows-{name}": count for name, count in counts.items()})
    anchor = f"#repeat-{repeat}" if repeat else ""
    return kept_private(HttpResponseRedirect(f"{url}?{query}{anchor}" if query else url))
