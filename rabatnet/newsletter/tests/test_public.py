"""The public archive and issues: sent only, in the page's language, example marked."""

import pytest
from django.core.management import call_command

from rabatnet.core import revisions
from rabatnet.network.tests import factories as f
from rabatnet.newsletter import services
from rabatnet.newsletter.models import Issue, Subscriber

from .factories import draft_issue, sent_issue, subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_archive_lists_sent_issues_newest_first_in_the_page_language(client):
    sent_issue(2025, 4)
    sent_issue(2026, 1)
    draft_issue(2026, 2)

    english = client.get("/en/newsletter/").content.decode()
    french = client.get("/fr/newsletter/").content.decode()

    assert english.index("Review 2026 Q1") < english.index("Review 2025 Q4")
    assert "2026 Q2" not in english
    assert "Revue 2026 T1" in french and "Review 2026 Q1" not in french


def test_a_missing_french_text_falls_back_to_english_marked(client):
    issue = sent_issue(2026, 1)
    issue.items.update(body_fr="")

    page = client.get("/fr/newsletter/2026/q1/").content.decode()

    assert "Edition 1 is public." in page
    assert '<div lang="en">' in page


def test_example_content_is_marked_on_the_page_and_the_pdf(client):
    sent_issue(2026, 1, is_example=True)

    page = client.get("/en/newsletter/2026/q1/").content.decode()
    assert 'class="example-banner"' in page

    response = client.get("/fr/newsletter/2026/q1.pdf")
    pdf = b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/pdf"
    assert pdf.startswith(b"%PDF")
    assert 'filename="rabat-review-2026-q1-fr.pdf"' in response["Content-Disposition"]


def test_an_unknown_quarter_is_not_found(client):
    assert client.get("/en/newsletter/2026/q5/").status_code == 404
    assert client.get("/en/newsletter/1999/q1/").status_code == 404


def test_an_edit_after_sending_raises_the_newsletter_revision():
    issue = sent_issue(2026, 1)
    before = revisions.numbers(revisions.NEWSLETTER)[revisions.NEWSLETTER]
    services.issue_update(issue=issue, expected_version=issue.version, fields=["title_en"])
    assert revisions.numbers(revisions.NEWSLETTER)[revisions.NEWSLETTER] == before + 1


def test_the_public_pages_are_kept_per_revision(client, settings):
    from rabatnet.core.public_cache import PUBLIC_PAGES

    assert revisions.NEWSLETTER in PUBLIC_PAGES["newsletter:archive"].revisions
    assert revisions.NEWSLETTER in PUBLIC_PAGES["newsletter:issue"].revisions


def test_three_hard_bounces_stop_delivery_and_soft_ones_never_do(capsys):
    row = subscriber("bouncy@example.org")
    for _ in range(5):
        call_command("report_bounce", "bouncy@example.org", "--soft", "--detail", "mailbox full")
    row.refresh_from_db()
    assert row.status == Subscriber.Status.ACTIVE
    for _ in range(2):
        call_command("report_bounce", "BOUNCY@example.org", "--hard")
    row.refresh_from_db()
    assert row.status == Subscriber.Status.ACTIVE
    call_command("report_bounce", "bouncy@example.org", "--hard", "--detail", "550 no user")
    row.refresh_from_db()
    assert row.status == Subscriber.Status.BOUNCING
    assert row.bounces.count() == 8
    assert "status bouncing" in capsys.readouterr().out

    issue = draft_issue()
    services.issue_send(issue=issue)
    assert not issue.deliveries.exists()


def test_the_bounce_command_refuses_an_unknown_address():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No subscriber"):
        call_command("report_bounce", "nobody@example.org", "--hard")


def test_the_bounce_endpoint_is_off_without_a_secret_and_checks_it(client, settings):
    row = subscriber("b@example.org")
    data = {"email": "b@example.org", "kind": "hard", "detail": "550"}
    settings.NEWSLETTER_BOUNCE_TOKEN = ""
    assert client.post("/en/newsletter/bounces/", data).status_code == 404

    settings.NEWSLETTER_BOUNCE_TOKEN = "s3cret-bounce-token"
    assert client.post("/en/newsletter/bounces/", data).status_code == 403
    assert (
        client.post("/en/newsletter/bounces/", data, HTTP_X_BOUNCE_TOKEN="wrong").status_code == 403
    )
    assert not row.bounces.exists()
    bad = client.post(
        "/en/newsletter/bounces/", {"kind": "x"}, HTTP_X_BOUNCE_TOKEN="s3cret-bounce-token"
    )
    assert bad.status_code == 400
    for _ in range(3):
        ok = client.post("/en/newsletter/bounces/", data, HTTP_X_BOUNCE_TOKEN="s3cret-bounce-token")
        assert ok.status_code == 200
    row.refresh_from_db()
    assert row.status == Subscriber.Status.BOUNCING


def test_the_demo_issue_is_sent_marked_and_loaded_once(settings, mailoutbox):
    from rabatnet.guides.tests.factories import published_guide

    published_guide("SEN")
    settings.DEMO_DATA = True
    subscriber("real@example.org")
    call_command("load_demo_newsletter")
    call_command("load_demo_newsletter")

    issue = Issue.objects.get()
    assert issue.is_example and issue.status == Issue.Status.SENT
    assert issue.title_fr and issue.editorial_fr and issue.items.filter(kind="other").exists()
    assert not mailoutbox
    assert not issue.deliveries.exists()


def test_the_footer_links_to_the_newsletter(client):
    assert 'href="/en/newsletter/"' in client.get("/en/").content.decode()


def test_the_secretariat_list_shows_drafts(client):
    draft_issue(2026, 3)
    client.force_login(f.secretariat())
    assert "2026 Q3" in client.get("/en/newsletter/manage/").content.decode()
