"""Who may do what with the Rabat Review.

The public reads sent issues; the secretariat (the network's rule) writes them and reads
drafts. Views reach an issue through ``access_issue`` and a subscriber's link through
``access_subscriber`` (``rabatnet.core.access``).
"""

from django.http import Http404, HttpRequest

from rabatnet.core.access import AnyUser, Rule, check
from rabatnet.network.permissions import is_secretariat

from .models import Issue, Subscriber


def can_manage_newsletter(user: AnyUser, obj: object = None) -> bool:
    """The secretariat starts, edits, previews and sends issues."""
    return bool(is_secretariat(user))


def can_view_issue(user: AnyUser, issue: Issue) -> bool:
    """A sent issue is public; a draft (or one being sent) is the secretariat's preview."""
    return issue.status == Issue.Status.SENT or can_manage_newsletter(user)


ISSUE_RULES: dict[str, Rule[Issue]] = {"view": can_view_issue, "manage": can_manage_newsletter}


def access_issue(request: HttpRequest, year: int, quarter: int, verb: str) -> Issue:
    """The issue of ``year`` Q``quarter`` if the visitor may ``verb`` it.

    For the public a draft does not exist (404), so an unsent issue's title stays unknown.
    """
    if not (1 <= quarter <= 4 and 1900 <= year <= 9999):
        raise Http404("No such quarter.")
    issue = Issue.objects.filter(year=year, quarter=quarter).first()
    if issue is None:
        raise Http404("No such issue.")
    if verb == "view" and not can_view_issue(request.user, issue):
        raise Http404("No such issue.")
    return check(request, ISSUE_RULES, verb, issue)


def access_newsletter(request: HttpRequest) -> None:
    """The secretariat's pages that name no issue (the list, starting one)."""
    check(request, {"manage": can_manage_newsletter}, "manage", None)


def access_subscriber(token: str) -> Subscriber:
    """The subscriber this link's token names: the token is the only key (404 otherwise)."""
    if not token or len(token) > 64:
        raise Http404("No such subscription.")
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        raise Http404("No such subscription.")
    return subscriber
