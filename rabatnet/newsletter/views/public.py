"""Anybody: the archive, an issue (HTML and PDF), subscribing and unsubscribing."""

import hmac

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import selectors, services
from ..forms import BounceForm, SubscribeForm
from ..models import Subscriber
from ..permissions import access_issue, access_subscriber
from ..rendering import issue_pdf, issue_view


@login_not_required
@require_GET
def archive(request: HttpRequest) -> HttpResponse:
    """Anybody: the issues sent, newest first, titled in the page's language."""
    language = translation.get_language() or "en"
    issues = [issue_view(issue, [], language) for issue in selectors.sent_issues()]
    return render(request, "newsletter/archive.html", {"issues": issues})


def _issue_context(request: HttpRequest, year: int, quarter: int) -> dict[str, object]:
    issue = access_issue(request, year, quarter, "view")
    language = translation.get_language() or "en"
    return {"v": issue_view(issue, selectors.issue_items(issue), language), "issue": issue}


@login_not_required
@require_GET
def issue_detail(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    """Anybody: a sent issue in the page's language; the secretariat previews drafts."""
    return render(request, "newsletter/issue_detail.html", _issue_context(request, year, quarter))


@login_not_required
@require_GET
def issue_pdf_view(request: HttpRequest, year: int, quarter: int) -> HttpResponseBase:
    """As ``issue_detail``, as PDF (built once per content, kept on disk)."""
    issue = access_issue(request, year, quarter, "view")
    view = issue_view(issue, selectors.issue_items(issue), translation.get_language() or "en")
    path = issue_pdf(view)
    name = f"rabat-review-{year}-q{quarter}-{view.language}.pdf"
    return FileResponse(path.open("rb"), content_type="application/pdf", filename=name)


@login_not_required
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """Anybody: ``email`` and ``language``; a confirmation mail follows (double opt-in).

    The answer is the same whether the address was known or not.
    """
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            services.subscription_request(
                email=form.cleaned_data["email"], language=form.cleaned_data["language"]
            )
            return render(request, "newsletter/subscribe_sent.html", {})
    else:
        form = SubscribeForm(initial={"language": translation.get_language()})
    return render(request, "newsletter/subscribe.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners fetch links); only the POST confirms."""
    subscriber = access_subscriber(token)
    if request.method == "POST":
        services.subscription_confirm(subscriber=subscriber)
        return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt
@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058: a POST (``List-Unsubscribe=One-Click`` from the mail client, or the page's
    button) unsubscribes at once, without cookie, sign-in or CSRF token; GET shows the
    button. The token names one subscriber: any other is 404 and changes nothing."""
    subscriber = access_subscriber(token)
    if request.method == "POST":
        subscriber = services.subscription_cancel(subscriber=subscriber)
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    done = subscriber.status == Subscriber.Status.UNSUBSCRIBED
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "done": done})


@csrf_exempt
@login_not_required
@require_POST
def bounce(request: HttpRequest) -> HttpResponse:
    """A mail relay reports a bounce, with the secret ``NEWSLETTER_BOUNCE_TOKEN`` in the
    ``X-Bounce-Token`` header. Without a configured secret the endpoint does not exist."""
    secret = settings.NEWSLETTER_BOUNCE_TOKEN
    if not secret:
        raise Http404("No bounce endpoint.")
    given = request.headers.get("X-Bounce-Token", "")
    if not hmac.compare_digest(given.encode(), str(secret).encode()):
        return HttpResponse("Forbidden\n", status=403, content_type="text/plain")
    form = BounceForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text() + "\n", status=400, content_type="text/plain")
    recorded = services.bounce_record(
        email=form.cleaned_data["email"],
        hard=form.cleaned_data["kind"] == "hard",
        detail=form.cleaned_data["detail"],
    )
    return HttpResponse(
        "recorded\n" if recorded else "unknown address\n",
        status=200 if recorded else 404,
        content_type="text/plain",
    )
