"""A real browser: the secretariat starts an issue, writes it in EN and FR, previews it,
sends it, and the public archive shows it. Tasks run inline (ImmediateBackend).

Drives Debian's headless Chromium through Playwright against ``live_server``.
"""

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.network.tests import factories

TIMEOUT_MS = 15_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]


def _load_reference() -> None:
    call_command("load_reference", stdout=io.StringIO())


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Put the reference data back once the transactional test has flushed it."""
    yield
    with django_db_blocker.unblock():
        _load_reference()


@pytest.mark.django_db(transaction=True)
def test_secretariat_composes_previews_and_sends_an_issue(live_server, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    from rabatnet.countries.models import Country
    from rabatnet.newsletter.models import Issue, Subscriber

    if not Country.objects.filter(iso3="SEN").exists():
        _load_reference()
    user = factories.secretariat()
    Subscriber.objects.create(email="lecteur@example.org", language="fr", status="active")
    base = live_server.url
    errors: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base}/en/accounts/login/")
            page.locator("[name=username]").fill(user.email)
            page.locator("[name=password]").fill(factories.PASSWORD)
            page.locator("form:has([name=password]) [type=submit]").click()
            page.wait_for_url(f"{base}/en/private/")

            page.goto(f"{base}/en/newsletter/manage/")
            page.locator("[name=year]").fill("2026")
            page.locator("[name=quarter]").select_option("1")
            page.get_by_role("button", name="Start the issue of this quarter").click()
            page.wait_for_url(f"{base}/en/newsletter/manage/2026/q1/")

            text = page.locator("form:has([name=editorial_en])")
            text.locator("[name=title_en]").fill("Spring at the border")
            text.locator("[name=title_fr]").fill("Le printemps à la frontière")
            text.locator("[name=editorial_en]").fill("A quarter of **exchanges**.")
            text.locator("[name=editorial_fr]").fill("Un trimestre d'**échanges**.")
            text.get_by_role("button", name="Save", exact=True).click()
            expect(page.locator("#missing")).to_contain_text("None")

            page.get_by_role("link", name="Add an item").click()
            page.locator("[name=kind]").select_option("other")
            page.locator("[name=title_en]").fill("A new forum")
            page.locator("[name=title_fr]").fill("Un nouveau forum")
            page.locator("[name=body_en]").fill("Open to every member.")
            page.get_by_role("button", name="Add").click()
            page.wait_for_url(f"{base}/en/newsletter/manage/2026/q1/")
            expect(page.locator("#missing")).to_contain_text("A new forum: text (FR)")

            item = page.locator("article.card", has_text="A new forum")
            item.locator("textarea[name$=body_fr]").fill("Ouvert à chaque membre.")
            item.get_by_role("button", name="Save the item").click()
            expect(page.locator("#missing")).to_contain_text("None")

            page.get_by_role("link", name="page FR").click()
            expect(page.locator("h1")).to_have_text("Le printemps à la frontière")
            expect(page.locator("main")).to_contain_text("Ouvert à chaque membre.")
            page.screenshot(path=tmp_path / "preview-fr.png", full_page=True)
            page.goto(f"{base}/en/newsletter/manage/2026/q1/mail/fr/html/")
            expect(page.locator("h1")).to_have_text("Le printemps à la frontière")

            page.goto(f"{base}/en/newsletter/manage/2026/q1/")
            page.get_by_role("button", name="Send the issue").click()
            expect(page.locator("#progress")).to_contain_text("1 of 1 sent")

            page.goto(f"{base}/fr/newsletter/")
            expect(page.locator("main")).to_contain_text("Le printemps à la frontière")
            page.goto(f"{base}/en/newsletter/")
            page.get_by_role("link", name="Spring at the border").click()
            expect(page.locator("main")).to_contain_text("Open to every member.")
        finally:
            browser.close()

    assert errors == []
    assert Issue.objects.get().status == Issue.Status.SENT
    [sent] = mail.outbox
    assert sent.to == ["lecteur@example.org"]
    assert sent.subject == "Le printemps à la frontière"
