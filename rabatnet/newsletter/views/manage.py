"""The secretariat: issues, drafting, editing side by side, previews, test and real sends."""

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.core.access import actor, parse_number
from rabatnet.core.markdown import markdown_paragraphs

from .. import selectors, services
from ..composition import ItemDraft
from ..forms import HighlightForm, IssueStartForm, IssueTextForm, ItemForm, SendForm, TestSendForm
from ..mail import issue_mail
from ..models import Issue, Item
from ..permissions import access_issue, access_newsletter

LANGUAGE_CODES = ("en", "fr")


def _edit_url(issue: Issue) -> str:
    return reverse("newsletter:edit", kwargs={"year": issue.year, "quarter": issue.quarter})


def _item(issue: Issue, pk: int) -> Item:
    item = issue.items.filter(pk=parse_number(pk)).first()
    if item is None:
        raise Http404("No such item.")
    return item


@require_GET
def issue_list(request: HttpRequest) -> HttpResponse:
    """Every issue, drafts included, and the form to start one."""
    access_newsletter(request)
    context = {
        "issues": selectors.all_issues(),
        "form": IssueStartForm(),
        "subscribers": selectors.active_subscriber_count(),
    }
    return render(request, "newsletter/manage/issue_list.html", context)


@require_http_methods(["GET", "POST"])
def issue_start(request: HttpRequest) -> HttpResponse:
    """Start the issue of a quarter: a draft composed from its recorded activity."""
    access_newsletter(request)
    form = IssueStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.issue_start(
                year=form.cleaned_data["year"],
                quarter=form.cleaned_data["quarter"],
                actor=actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The draft is ready: check it, complete it, translate it."))
            return redirect(_edit_url(issue))
    return render(request, "newsletter/manage/issue_start.html", {"form": form})


def _item_form(item: Item, data: object = None) -> ItemForm:
    """An item's form: its fields keep their names (each item is its own <form>), its
    HTML ids are the item's own."""
    return ItemForm(data, instance=item, auto_id=f"item{item.pk}_%s")


def _editor_context(
    issue: Issue, text_form: IssueTextForm | None = None, forms: dict | None = None
) -> dict:
    items = selectors.issue_items(issue)
    forms = forms or {}
    text_form = text_form or IssueTextForm(instance=issue)
    return {
        "issue": issue,
        "text_form": text_form,
        # The form that was posted (its errors, its stale changes): the item's or the text's.
        "form": next(iter(forms.values()), text_form),
        "item_forms": [(item, forms.get(item.pk) or _item_form(item)) for item in items],
        "missing": services.missing_translations(issue, items),
        "progress": selectors.delivery_progress(issue),
        "subscribers": selectors.active_subscriber_count(),
        "test_form": TestSendForm(initial={"language": "en"}),
        "send_form": SendForm(),
        "languages": LANGUAGE_CODES,
        "pairs": [("_en", "en"), ("_fr", "fr")],
    }


@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    """The editor: title and editorial, every item in EN and FR, gaps, progress, sending."""
    issue = access_issue(request, year, quarter, "manage")
    text_form = None
    if request.method == "POST":
        text_form = IssueTextForm(request.POST, instance=issue)
        if text_form.is_valid():
            fields = list(IssueTextForm.Meta.fields)
            form = text_form
            write = lambda: services.issue_update(  # noqa: E731
                issue=form.instance, expected_version=form.cleaned_data["version"], fields=fields
            )
            if form.save_through(write):
                messages.success(request, _("Saved."))
                return redirect(_edit_url(issue))
        issue.refresh_from_db()
    return render(request, "newsletter/manage/issue_edit.html", _editor_context(issue, text_form))


@require_POST
def item_edit(request: HttpRequest, year: int, quarter: int, pk: int) -> HttpResponse:
    issue = access_issue(request, year, quarter, "manage")
    item = _item(issue, pk)
    form = _item_form(item, request.POST)
    if form.is_valid():
        write = lambda: services.item_update(  # noqa: E731
            item=form.instance,
            expected_version=form.cleaned_data["version"],
            fields=list(ItemForm.Meta.fields),
        )
        if form.save_through(write):
            messages.success(request, _("Item saved."))
            return redirect(_edit_url(issue) + f"#item-{item.pk}")
    issue.refresh_from_db()
    context = _editor_context(issue, forms={item.pk: form})
    return render(request, "newsletter/manage/issue_edit.html", context)


@require_http_methods(["GET", "POST"])
def item_add(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    """A free item, written by the secretariat."""
    issue = access_issue(request, year, quarter, "manage")
    form = ItemForm(request.POST or None, initial={"kind": Item.Kind.OTHER})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.item_add(
            issue=issue,
            draft=ItemDraft(
                kind=data["kind"],
                source="",
                title_en=data["title_en"],
                title_fr=data["title_fr"],
                body_en=data["body_en"],
                body_fr=data["body_fr"],
                link=data["link"],
            ),
        )
        messages.success(request, _("Item added."))
        return redirect(_edit_url(issue))
    return render(request, "newsletter/manage/item_add.html", {"issue": issue, "form": form})


@require_POST
def item_delete(request: HttpRequest, year: int, quarter: int, pk: int) -> HttpResponse:
    issue = access_issue(request, year, quarter, "manage")
    services.item_delete(item=_item(issue, pk))
    messages.success(request, _("Item deleted."))
    return redirect(_edit_url(issue))


@require_POST
def item_move(request: HttpRequest, year: int, quarter: int, pk: int) -> HttpResponse:
    issue = access_issue(request, year, quarter, "manage")
    item = _item(issue, pk)
    services.item_move(item=item, up=request.POST.get("direction") != "down")
    return redirect(_edit_url(issue) + f"#item-{item.pk}")


@require_http_methods(["GET", "POST"])
def highlights(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    """Pick posts of the quarter's thematic forums; each becomes an item to edit."""
    issue = access_issue(request, year, quarter, "manage")
    if request.method == "POST":
        form = HighlightForm(request.POST)
        post = (
            selectors.highlight_candidate(issue, form.cleaned_data["post"])
            if form.is_valid()
            else None
        )
        if post is None:
            messages.error(request, _("This post cannot be picked: choose one from the list."))
            return redirect(
                reverse("newsletter:highlights", kwargs={"year": year, "quarter": quarter})
            )
        excerpt = "\n\n".join(markdown_paragraphs(post.body)[:2])[:1200]
        item = services.item_add(
            issue=issue,
            draft=ItemDraft(
                kind=Item.Kind.FORUM,
                source=f"forums.Post:{post.pk}",
                title_en=post.thread.title,
                title_fr="",
                body_en=excerpt,
                body_fr="",
            ),
        )
        messages.success(request, _("Picked: edit the excerpt and translate it."))
        return redirect(_edit_url(issue) + f"#item-{item.pk}")
    context = {"issue": issue, "posts": selectors.highlight_candidates(issue)}
    return render(request, "newsletter/manage/highlights.html", context)


@require_GET
def mail_preview(
    request: HttpRequest, year: int, quarter: int, language: str, fmt: str
) -> HttpResponse:
    """The mail as a subscriber in ``language`` gets it, as text or HTML."""
    issue = access_issue(request, year, quarter, "manage")
    if language not in LANGUAGE_CODES or fmt not in ("text", "html"):
        raise Http404("No such preview.")
    mail = issue_mail(issue, selectors.issue_items(issue), language)
    if fmt == "text":
        body = f"Subject: {mail.subject}\n\n{mail.text}"
        return HttpResponse(body, content_type="text/plain; charset=utf-8")
    return HttpResponse(mail.html, content_type="text/html; charset=utf-8")


@require_POST
def test_send(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    issue = access_issue(request, year, quarter, "manage")
    form = TestSendForm(request.POST)
    if form.is_valid():
        try:
            services.issue_test_send(
                issue=issue,
                language=form.cleaned_data["language"],
                address=form.cleaned_data["address"],
            )
        except ImproperlyConfigured as exc:  # SITE_URL is not HTTPS: say it
            messages.error(request, str(exc))
        else:
            messages.success(request, _("A test was sent to %(address)s.") % form.cleaned_data)
    else:
        messages.error(request, _("Give a valid address for the test."))
    return redirect(_edit_url(issue))


@require_POST
def send(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    """Send to every active subscriber; missing translations need a confirmation."""
    issue = access_issue(request, year, quarter, "manage")
    form = SendForm(request.POST)
    form.is_valid()
    missing = services.missing_translations(issue, selectors.issue_items(issue))
    if missing and not form.cleaned_data.get("confirm_missing"):
        messages.error(
            request,
            _("Translations are missing: tick the box to send anyway (English is shown instead)."),
        )
        return redirect(_edit_url(issue))
    try:
        services.issue_send(issue=issue)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Sending: the worker sends the issue in batches."))
    return redirect(_edit_url(issue))
