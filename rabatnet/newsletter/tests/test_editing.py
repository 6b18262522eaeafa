"""The secretariat drafts an issue from the quarter, edits it side by side and sends it."""

from datetime import datetime

import pytest
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.forums.models import Forum, Post, PostStatus, Thread
from rabatnet.network.tests import factories as f
from rabatnet.newsletter import composition
from rabatnet.newsletter.models import Issue, Item
from rabatnet.statistics.tests.factories import DatasetFactory
from rabatnet.strategy.models import Theme

from .factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db

Q = "/en/newsletter/manage/2026/q1/"


@pytest.fixture
def secretariat(client):
    client.force_login(f.secretariat())
    return client


def _in_q1(month: int = 2) -> datetime:
    return datetime(2026, month, 10, 12, tzinfo=timezone.get_current_timezone())


def test_starting_a_quarter_drafts_its_datasets_and_refuses_a_second_start(secretariat):
    DatasetFactory.create(slug="in-q1", title="Stocks", retrieved_on=_in_q1().date())
    DatasetFactory.create(slug="in-q3", title="Flows", retrieved_on=_in_q1(8).date())

    response = secretariat.post("/en/newsletter/manage/start/", {"year": "2026", "quarter": "1"})

    assert response.status_code == 302
    issue = Issue.objects.get()
    assert issue.status == Issue.Status.DRAFT
    titles = list(issue.items.values_list("kind", "title_en"))
    assert titles == [("dataset", "Data updated: Stocks")]
    again = secretariat.post("/en/newsletter/manage/start/", {"year": "2026", "quarter": "1"})
    assert again.status_code == 200
    assert "already started" in again.content.decode()
    assert Issue.objects.count() == 1


def test_guides_endorsed_or_published_in_the_quarter_are_drafted():
    from rabatnet.guides.tests.factories import published_guide

    published_guide("SEN")
    now = timezone.localdate()
    quarter = (now.month - 1) // 3 + 1
    drafts = composition.compose(now.year, quarter)
    sources = {d.source.rsplit(":", 1)[1] for d in drafts if d.kind == Item.Kind.GUIDE}
    assert sources == {"endorsed", "published"}
    assert not [d for d in composition.compose(now.year - 3, quarter) if d.kind == "guide"]


def test_a_registered_source_adds_its_drafts(monkeypatch):
    monkeypatch.setattr(composition, "SOURCES", {})
    composition.register_source(
        "meeting",
        lambda year, quarter: [
            composition.ItemDraft(kind="meeting", source=f"m:{year}{quarter}", title_en="Met")
        ],
    )
    assert [d.source for d in composition.compose(2026, 1)] == ["m:20261"]


def _post(forum: Forum, body: str, **fields) -> Post:
    author = f.PersonFactory.create()
    thread = Thread.objects.create(forum=forum, title=f"About {body}", author=author)
    fields.setdefault("published_at", _in_q1())
    return Post.objects.create(thread=thread, author=author, body=body, **fields)


def test_the_picker_lists_visible_thematic_posts_of_the_quarter_only(secretariat):
    draft_issue()
    theme = Forum.objects.create(
        slug="border-management", name="Border management", theme=Theme.objects.first()
    )
    country = Forum.objects.create(
        slug="sen", name="Senegal", country=Country.objects.get(iso3="SEN")
    )
    shown = _post(theme, "Shared practice at the border")
    _post(country, "Country secret")
    _post(theme, "Hidden one", is_hidden=True)
    _post(theme, "Pending one", status=PostStatus.PENDING)
    _post(theme, "Last year", published_at=_in_q1().replace(year=2025))

    page = secretariat.get(Q + "highlights/").content.decode()

    assert "Shared practice" in page
    for absent in ("Country secret", "Hidden one", "Pending one", "Last year"):
        assert absent not in page
    secretariat.post(Q + "highlights/", {"post": shown.pk})
    item = Item.objects.get(kind=Item.Kind.FORUM)
    assert item.body_en == "Shared practice at the border"
    assert item.source == f"forums.Post:{shown.pk}"
    # A country forum's post cannot be picked by posting its number either.
    secret = Post.objects.get(body="Country secret")
    secretariat.post(Q + "highlights/", {"post": secret.pk})
    assert Item.objects.filter(kind=Item.Kind.FORUM).count() == 1


def test_both_languages_are_saved_and_a_stale_edit_is_refused(secretariat):
    issue = draft_issue()
    item = issue.items.get()
    prefix = ""
    data = {
        prefix + "kind": "guide",
        prefix + "title_en": "Senegal published",
        prefix + "title_fr": "Le Sénégal publie",
        prefix + "body_en": "",
        prefix + "body_fr": "",
        prefix + "link": "/countries/SEN/",
        prefix + "version": str(item.version),
    }
    assert secretariat.post(Q + f"items/{item.pk}/", data).status_code == 302
    item.refresh_from_db()
    assert (item.title_en, item.title_fr) == ("Senegal published", "Le Sénégal publie")

    stale = secretariat.post(Q + f"items/{item.pk}/", {**data, prefix + "title_fr": "Autre"})

    assert stale.status_code == 200
    assert "Someone else saved" in stale.content.decode()
    item.refresh_from_db()
    assert item.title_fr == "Le Sénégal publie"


def test_missing_translations_are_listed_and_sending_asks_to_confirm(
    secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    issue = draft_issue()
    Item.objects.filter(issue=issue).update(body_fr="")
    subscriber("reader@example.org", language="fr")

    page = secretariat.get(Q).content.decode()
    assert "Senegal: the guide published: text (FR)" in page

    secretariat.post(Q + "send/", {})
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT

    with django_capture_on_commit_callbacks(execute=True):
        secretariat.post(Q + "send/", {"confirm_missing": "on"})
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    [mail] = mailoutbox
    assert "Edition 1 is public." in mail.body  # the English text stands in


def test_items_are_reordered_added_and_deleted(secretariat):
    issue = draft_issue()
    first = issue.items.get()
    secretariat.post(Q + "items/add/", {"kind": "guide", "title_en": "Second", "title_fr": "2e"})
    second = issue.items.get(title_en="Second")
    assert [i.title_en for i in issue.items.order_by("position")][-1] == "Second"

    secretariat.post(Q + f"items/{second.pk}/move/", {"direction": "up"})
    assert list(issue.items.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    secretariat.post(Q + f"items/{first.pk}/delete/")
    assert list(issue.items.values_list("pk", flat=True)) == [second.pk]


def test_a_link_elsewhere_than_this_site_or_https_is_refused(secretariat):
    draft_issue()
    response = secretariat.post(
        Q + "items/add/", {"kind": "other", "title_en": "X", "link": "javascript:alert(1)"}
    )
    assert response.status_code == 200
    assert Item.objects.filter(title_en="X").count() == 0


def test_the_mail_preview_shows_each_language(secretariat):
    draft_issue()
    text = secretariat.get(Q + "mail/fr/text/").content.decode()
    html = secretariat.get(Q + "mail/en/html/").content.decode()
    assert text.startswith("Subject: Revue 2026 T1")
    assert "https://testserver/fr/countries/SEN/guide/" in text
    assert "Review 2026 Q1" in html
