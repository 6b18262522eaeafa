"""A real browser signs a focal point in and switches the private area to French.

Drives Debian's headless Chromium through Playwright against ``live_server``.
No network access is needed: Playwright's own browser downloads are never used.
"""

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.network.tests import factories

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage

TIMEOUT_MS = 10_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]


def _load_reference() -> None:
    call_command("load_reference", stdout=io.StringIO())


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Put the reference data back once this module's transactional tests are done.

    A transactional test (``live_server``) ends by flushing the database, which
    wipes the reference data the session fixture loaded once. ``serialized_rollback``
    does not help: Django serialises the database as soon as it is created, before
    ``django_db_setup`` loads the reference data. A module-scoped fixture is torn
    down after the per-test flush, so the tests that run next still find countries.
    """
    yield
    with django_db_blocker.unblock():
        _load_reference()


def _keep_error(message: "ConsoleMessage", errors: list[str]) -> None:
    """Record a console error (a CSP violation or a missing file is one) and its origin."""
    if message.type != "error":
        return
    url = message.location.get("url", "")
    errors.append(f"{message.text} (at {url or 'unknown'})")


@pytest.mark.django_db(transaction=True)
def test_focal_point_signs_in_and_switches_to_french(live_server, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    from rabatnet.countries.models import Country

    # Any earlier transactional test has flushed the database: reload if needed.
    if not Country.objects.filter(iso3="SEN").exists():
        _load_reference()
    # All ORM work happens here, before Playwright starts its event loop in this
    # thread (Django would then refuse synchronous queries).
    user = factories.focal_point("SEN")
    # Literal, not gettext: a missing French entry must fail here, not pass in English.
    french_heading = "Espace privé"

    console_errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.on("console", lambda message: _keep_error(message, console_errors))
            page.on("pageerror", lambda error: console_errors.append(str(error)))

            page.goto(f"{live_server.url}/en/accounts/login/")
            page.locator("[name=username]").fill(user.email)
            page.locator("[name=password]").fill(factories.PASSWORD)
            page.locator("form:has([name=password]) [type=submit]").click()

            page.wait_for_url(f"{live_server.url}/en/private/")
            expect(page.locator("h1")).to_have_text("Private area")
            countries = page.locator(
                "section", has=page.get_by_role("heading", name="Your countries")
            )
            expect(countries.get_by_role("link", name="Senegal")).to_be_visible()
            page.screenshot(path=tmp_path / "private-en.png", full_page=True)

            page.locator("header").get_by_role("link", name="Français").click()

            page.wait_for_url(f"{live_server.url}/fr/private/")
            assert page.locator("html").get_attribute("lang") == "fr"
            expect(page.locator("h1")).to_have_text(french_heading)
            expect(page).to_have_title(re.compile(re.escape(french_heading)))
            page.screenshot(path=tmp_path / "private-fr.png", full_page=True)
        finally:
            browser.close()

    assert (tmp_path / "private-en.png").stat().st_size > 0
    assert (tmp_path / "private-fr.png").stat().st_size > 0
    assert console_errors == []
