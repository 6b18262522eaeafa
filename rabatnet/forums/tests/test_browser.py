"""A real browser: a member signs in from the private home, writes a thread in their
country's forum, then replies quoting it (Playwright, Debian's headless Chromium)."""

import io
from collections.abc import Iterator

import pytest
from django.core.management import call_command

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.network.tests import factories

TIMEOUT_MS = 10_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]


def _load_reference() -> None:
    call_command("load_reference", stdout=io.StringIO())


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """A transactional test flushes the database: put the reference data back afterwards."""
    yield
    with django_db_blocker.unblock():
        _load_reference()


@pytest.mark.django_db(transaction=True)
def test_member_writes_a_thread_and_a_quoting_reply(live_server) -> None:
    from playwright.sync_api import expect, sync_playwright

    from rabatnet.countries.models import Country
    from rabatnet.forums.models import Forum, Post

    if not Country.objects.filter(iso3="SEN").exists():
        _load_reference()
    Forum.objects.create(
        slug="sen", name="Senegal workgroup", country=Country.objects.get(iso3="SEN")
    )
    user = factories.focal_point("SEN")

    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{live_server.url}/en/accounts/login/")
            page.locator("[name=username]").fill(user.email)
            page.locator("[name=password]").fill(factories.PASSWORD)
            page.locator("form:has([name=password]) [type=submit]").click()
            page.wait_for_url(f"{live_server.url}/en/private/")

            page.get_by_role("link", name="Forums").click()
            page.get_by_role("link", name="Senegal workgroup").click()
            page.get_by_role("link", name="New thread").click()
            page.locator("[name=title]").fill("Road map for the workgroup")
            page.locator("[name=body]").fill("First we **agree** on the calendar.")
            page.get_by_role("button", name="Start the thread").click()
            expect(page.locator("h1")).to_have_text("Road map for the workgroup")
            expect(page.locator(".post-body strong")).to_have_text("agree")

            page.get_by_role("link", name="Quote").first.click()
            expect(page.locator("blockquote")).to_contain_text("First we")
            page.locator("[name=body]").fill("Agreed: March then June.")
            page.get_by_role("button", name="Post the reply").click()
            expect(page.locator("article blockquote")).to_contain_text("calendar")
            expect(page.locator("article").last).to_contain_text("Agreed: March then June.")
        finally:
            browser.close()

    reply = Post.objects.get(body="Agreed: March then June.")
    assert reply.quotes is not None and reply.quotes.body.startswith("First we")
    assert errors == []
