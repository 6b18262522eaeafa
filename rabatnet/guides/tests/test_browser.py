"""A real browser takes a country's guide from a new source to a published PDF.

A focal point of Senegal adds a source, finds it in part I of the draft and submits
the draft; the coordinating authority endorses it; the secretariat publishes it; an
anonymous visitor downloads the PDF. Everyone signs in through the login form.

Drives Debian's headless Chromium through Playwright against ``live_server``.
No network access is needed: Playwright's own browser downloads are never used.
"""

import importlib
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.network.tests import factories

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page

TIMEOUT_MS = 10_000
SOURCE_NAME = "Enquête nationale sur la migration 2025"
ANSD = "Agence nationale de la statistique et de la démographie (ANSD)"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]

# Data migrations seed these rows; a transactional test's flush removes them.
SEEDS = [
    ("rabatnet.sources.migrations.0002_seed_areas", [("sources", "Area")]),
    (
        "rabatnet.guides.migrations.0002_seed_contents_and_challenges",
        [("guides", "ContentItem"), ("guides", "ChallengeType")],
    ),
]


def _reference_and_seeds() -> None:
    """The reference data and the seeded rows, each put back only if missing."""
    from rabatnet.countries.models import Country

    if not Country.objects.filter(iso3="SEN").exists():
        call_command("load_reference", stdout=io.StringIO())
    for module, models in SEEDS:
        if not all(apps.get_model(*model).objects.exists() for model in models):
            importlib.import_module(module).create(apps, None)


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Put the reference data and the seeded rows back once this module's tests are done.

    A transactional test (``live_server``) ends by flushing the database: the reference
    data and the rows the data migrations seeded (areas, profile contents, challenge
    types) go with it. A module-scoped fixture is torn down after the per-test flush,
    so the tests that run next still find them.
    """
    yield
    with django_db_blocker.unblock():
        _reference_and_seeds()


@pytest.fixture
def _published_editions_flushable(transactional_db) -> Iterator[None]:
    """Let the flush that ends the test remove the published edition.

    On SQLite a trigger refuses to delete a published edition, and the flush runs
    ``DELETE`` (PostgreSQL's ``TRUNCATE`` fires no row trigger). Torn down before the
    flush: delete the published editions with the trigger dropped, then put it back.
    """
    yield
    if connection.vendor != "sqlite":
        return
    frozen = importlib.import_module("rabatnet.guides.migrations.0003_edition_published_is_frozen")
    (create_trigger,) = (s for s in frozen.SQLITE_UP if "edition_published_not_deleted" in s)
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS edition_published_not_deleted")
        try:
            # What refers to the editions goes first (the flush would remove it anyway).
            cursor.execute("DELETE FROM guides_pdfbuild")
            cursor.execute("DELETE FROM guides_editionredaction")
            cursor.execute("DELETE FROM guides_edition WHERE status = 'published'")
        finally:
            cursor.execute(create_trigger)


def _keep_error(message: "ConsoleMessage", errors: list[str]) -> None:
    """Record a console error (a CSP violation or a missing file is one) and its origin."""
    if message.type != "error":
        return
    url = message.location.get("url", "")
    errors.append(f"{message.text} (at {url or 'unknown'})")


def _watch(page: "Page", errors: list[str]) -> None:
    page.set_default_timeout(TIMEOUT_MS)
    page.on("console", lambda message: _keep_error(message, errors))
    page.on("pageerror", lambda error: errors.append(str(error)))


def _sign_in(page: "Page", base: str, email: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.locator("[name=username]").fill(email)
    page.locator("[name=password]").fill(factories.PASSWORD)
    page.locator("form:has([name=password]) [type=submit]").click()
    page.wait_for_url(f"{base}/en/private/")


def _sign_out(page: "Page", base: str) -> None:
    page.locator("header").get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{base}/en/")
    from playwright.sync_api import expect

    expect(page.locator("header").get_by_role("link", name="Sign in")).to_be_visible()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_published_editions_flushable")
def test_source_to_published_pdf(live_server) -> None:
    from playwright.sync_api import expect, sync_playwright

    # Any earlier transactional test has flushed the database: reload what is missing.
    # All ORM work happens here, before Playwright starts its event loop in this thread
    # (Django would then refuse synchronous queries).
    _reference_and_seeds()
    drafted_guide("SEN", "fr")
    focal_point = factories.focal_point("SEN")
    authority = factories.coordinating_authority("SEN")
    secretariat = factories.secretariat()

    base = live_server.url
    workspace = f"{base}/en/countries/SEN/guide/edit/?lang=fr"
    console_errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            _watch(page, console_errors)

            # 1. The focal point adds a source, sees it in part I, submits the draft.
            _sign_in(page, base, focal_point.email)
            page.goto(f"{base}/en/countries/SEN/sources/")
            page.get_by_role("link", name="Add a source").click()
            page.wait_for_url(f"{base}/en/countries/SEN/sources/new/")
            form = page.locator("main form")
            form.locator("[name=entity]").select_option(label=ANSD)
            form.locator("[name=name]").fill(SOURCE_NAME)
            form.locator("[name=kind]").select_option("household_survey")
            form.get_by_label("Trends", exact=True).check()
            form.get_by_label("Border management", exact=True).check()
            form.locator("[name=periodicity]").select_option("multi_year")
            form.locator("[name=last_release]").fill("2025")
            form.locator("[name=access]").select_option("on_request")
            form.get_by_role("button", name="Save").click()

            page.wait_for_url(f"{base}/en/countries/SEN/sources/")
            expect(page.locator(".messages")).to_contain_text(SOURCE_NAME)
            governmental = page.locator(
                "section", has=page.get_by_role("heading", name="Governmental entities")
            )
            row = governmental.locator("tr", has=page.get_by_role("rowheader", name=ANSD))
            expect(row.get_by_text(SOURCE_NAME, exact=True)).to_be_visible()

            page.goto(f"{base}/en/countries/SEN/guide/edit/preview/?lang=fr")
            expect(page.locator(".message")).to_contain_text("Draft preview")
            part1 = page.locator("section#part1")
            expect(part1.get_by_role("heading", level=2)).to_contain_text("I.")
            expect(part1.locator("li", has_text=SOURCE_NAME)).to_contain_text("2025")

            page.get_by_role("link", name="Back to the workspace").click()
            page.wait_for_url(workspace)
            page.get_by_role("button", name="Submit for endorsement").click()
            page.wait_for_url(workspace)
            expect(page.locator(".messages")).to_contain_text(
                "submitted to the national coordinating authority"
            )
            expect(page.locator("main")).to_contain_text("Edition 1: submitted for endorsement.")
            _sign_out(page, base)

            # 2. The coordinating authority endorses the submitted edition.
            _sign_in(page, base, authority.email)
            page.goto(workspace)
            page.get_by_label("Endorse", exact=True).check()
            page.locator("[name=comment]").fill("Validé par l'autorité nationale.")
            page.get_by_role("button", name="Record the decision").click()
            page.wait_for_url(workspace)
            expect(page.locator(".messages")).to_contain_text("Edition 1 is endorsed.")
            _sign_out(page, base)

            # 3. The secretariat publishes it; the PDF is built once the publication commits.
            _sign_in(page, base, secretariat.email)
            page.goto(workspace)
            page.get_by_role("button", name="Publish this edition").click()
            page.wait_for_url(workspace)
            expect(page.locator(".messages")).to_contain_text("Edition 1 is published.")
            _sign_out(page, base)

            # 4. An anonymous visitor, in a fresh context, reads the guide and gets the PDF.
            visitor = browser.new_context()
            public = visitor.new_page()
            _watch(public, console_errors)
            public.goto(f"{base}/en/countries/SEN/guide/")
            expect(public.locator("header")).to_contain_text("Sign in")
            expect(public.locator("section#part1")).to_contain_text(SOURCE_NAME)
            expect(public.locator("main > p.hash")).to_contain_text("PDF SHA-256:")

            pdf_link = public.locator(".downloads").get_by_role("link", name="PDF", exact=True)
            response = public.request.get(f"{base}{pdf_link.get_attribute('href')}")
            assert response.status == 200
            assert response.headers["content-type"] == "application/pdf"
            assert response.body().startswith(b"%PDF")

            response = public.request.get(f"{base}/en/countries/SEN/guide.pdf")
            assert response.status == 200
            assert response.headers["content-type"] == "application/pdf"
            assert response.body().startswith(b"%PDF")
            visitor.close()
        finally:
            browser.close()

    assert console_errors == []
