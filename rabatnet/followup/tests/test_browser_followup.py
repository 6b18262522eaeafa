"""A real browser takes a focal point's work to the public matrix.

A focal point of Senegal registers a delegation for an open meeting and enters an
initiative for objective 10; the secretariat confirms the delegation and verifies the
initiative; an anonymous visitor finds it in the countries × objectives matrix (EN and FR)
and on the public initiative pages. Everyone signs in through the login form; every step
is a click or a form fill, and the database is checked after each.

Drives Debian's headless Chromium through Playwright against ``live_server``.
No network access is needed: Playwright's own browser downloads are never used.
"""

import io
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.network.tests import factories

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

TIMEOUT_MS = 10_000
TITLE = "Training of border officers in Kédougou"
SOURCE = "Project document"
SOURCE_URL = "https://example.org/kedougou-project.pdf"
DELEGATE = "Awa Diop"
OBJECTIVE = 10
CYCLE_EN = "Data collection 2025"
CYCLE_FR = "Collecte de données 2025"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]

T = TypeVar("T")


def _load_reference() -> None:
    call_command("load_reference", stdout=io.StringIO())


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Put the reference data back once this module's transactional test has flushed it."""
    yield
    with django_db_blocker.unblock():
        _load_reference()


def _in_db(query: Callable[[], T]) -> T:
    """Run ``query`` in a thread of its own: Django refuses synchronous queries in the
    thread where Playwright runs its event loop. The test database is committed to
    (a transactional test), so that thread's connection reads what the server wrote."""

    def run() -> T:
        try:
            return query()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def _keep_error(message: "ConsoleMessage", errors: list[str]) -> None:
    """Record a console error (a CSP violation or a missing file is one) and its origin."""
    if message.type != "error":
        return
    url = message.location.get("url", "")
    errors.append(f"{message.text} (at {url or 'unknown'})")


def _new_page(browser: "Browser", errors: list[str]) -> "Page":
    """A page in a context of its own (its own cookies: one person per context)."""
    page = browser.new_context().new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("console", lambda message: _keep_error(message, errors))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page


def _sign_in(page: "Page", base: str, email: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.locator("[name=username]").fill(email)
    page.locator("[name=password]").fill(factories.PASSWORD)
    page.locator("form:has([name=password]) [type=submit]").click()
    page.wait_for_url(f"{base}/en/private/")


@pytest.mark.django_db(transaction=True)
def test_delegation_and_initiative_reach_the_matrix(live_server) -> None:
    from playwright.sync_api import expect, sync_playwright

    from rabatnet.countries.models import Country
    from rabatnet.followup.initiative_selectors import current_objectives
    from rabatnet.followup.models import Initiative, ReviewState
    from rabatnet.followup.tests.progress_samples import assess, make_cycle
    from rabatnet.meetings.models import Registration
    from rabatnet.meetings.tests.registration_samples import open_meeting

    # Any earlier transactional test has flushed the database: reload if needed.
    # The setup is ORM work, done before Playwright starts its event loop in this thread.
    if not Country.objects.filter(iso3="SEN").exists():
        _load_reference()
    meeting = open_meeting()
    arrival = (meeting.starts_at - timedelta(days=1)).date()
    objective = current_objectives().get(number=OBJECTIVE)
    # The matrix shows the latest cycle with verified data: Senegal's objective 10 is one.
    cycle = make_cycle(title_en=CYCLE_EN, title_fr=CYCLE_FR)
    assess(cycle, "SEN", OBJECTIVE, "in_progress")
    focal_point = factories.focal_point("SEN")
    secretariat = factories.secretariat()

    def registration() -> dict[str, object]:
        """Senegal's registration as plain values (read in ``_in_db``'s thread)."""
        found = Registration.objects.get(meeting=meeting, country__iso3="SEN")
        return {
            "status": found.status,
            "submitted_by": found.submitted_by_id,
            "delegates": list(found.delegates.values_list("full_name", "function", "arrival_on")),
        }

    def initiative() -> dict[str, object]:
        """The entered initiative as plain values (read in ``_in_db``'s thread)."""
        found = Initiative.objects.get(title_en=TITLE)
        return {
            "state": found.review_state,
            "country": found.country.iso3,
            "budget": (found.budget, found.currency),
            "objectives": [o.number for o in found.objectives.all()],
            "sources": list(found.sources.values_list("title", "url")),
            "verified_by": found.verified_by_id,
        }

    base = live_server.url
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            # 1. The focal point registers a delegation of one and submits it.
            page = _new_page(browser, errors)
            _sign_in(page, base, focal_point.email)
            page.goto(f"{base}/en/private/meetings/registration/")
            card = page.locator("section.card", has_text=meeting.title_en)
            expect(card.locator("tr", has_text="Senegal")).to_contain_text("not registered")
            card.get_by_role("link", name="Senegal").click()
            page.wait_for_url(f"{base}/en/private/meetings/{meeting.slug}/registration/SEN/")
            first = page.locator("fieldset", has_text="Delegate 1")
            first.locator("[name=delegates-0-full_name]").fill(DELEGATE)
            first.locator("[name=delegates-0-function]").fill("Director of migration")
            first.locator("[name=delegates-0-arrival_on]").fill(arrival.isoformat())
            page.get_by_role("button", name="Save the delegation").click()
            expect(page.locator(".messages")).to_contain_text("The delegation was saved.")
            page.get_by_role("button", name="Submit to the secretariat").click()
            expect(page.locator(".messages")).to_contain_text(
                "The delegation was sent to the secretariat."
            )
            expect(page.locator("main .lead")).to_contain_text("Status: submitted")
            expect(page.locator("[name=delegates-0-full_name]")).to_have_value(DELEGATE)
            assert _in_db(registration) == {
                "status": Registration.Status.SUBMITTED,
                "submitted_by": focal_point.pk,
                "delegates": [(DELEGATE, "Director of migration", arrival)],
            }

            # 2. The same focal point enters an initiative and submits it for verification.
            page.goto(f"{base}/en/private/strategy/initiatives/")
            page.get_by_role("link", name="Senegal").click()
            page.wait_for_url(f"{base}/en/private/strategy/countries/SEN/initiatives/")
            page.get_by_role("link", name="Enter an initiative").click()
            form = page.locator("main form")
            form.locator("[name=kind]").select_option("project")
            form.locator("[name=title_en]").fill(TITLE)
            form.locator(f"[name=objectives][value='{objective.pk}']").check()
            form.locator("[name=budget]").fill("250000")
            form.locator("[name=currency]").fill("xof")
            form.locator("[name=status]").select_option("ongoing")
            form.locator("[name=sources-0-title]").fill(SOURCE)
            form.locator("[name=sources-0-url]").fill(SOURCE_URL)
            form.get_by_role("button", name="Save").click()
            expect(page.locator(".messages")).to_contain_text("saved as a draft")
            expect(page.locator("h1")).to_have_text(TITLE)
            page.get_by_role("button", name="Submit for verification").click()
            expect(page.locator(".messages")).to_contain_text("the secretariat will verify it")
            assert _in_db(initiative) == {
                "state": ReviewState.SUBMITTED,
                "country": "SEN",
                "budget": (Decimal("250000"), "XOF"),
                "objectives": [OBJECTIVE],
                "sources": [(SOURCE, SOURCE_URL)],
                "verified_by": None,
            }
            page.context.close()

            # 3. The secretariat confirms the delegation and verifies the initiative.
            page = _new_page(browser, errors)
            _sign_in(page, base, secretariat.email)
            page.goto(f"{base}/en/private/meetings/registration/")
            card = page.locator("section.card", has_text=meeting.title_en)
            card.get_by_role("link", name="1 registration: review and confirm").click()
            row = page.locator("tr", has_text="Senegal")
            expect(row).to_contain_text("submitted")
            row.get_by_role("button", name="Confirm").click()
            expect(page.locator(".messages")).to_contain_text("The delegation is confirmed")
            expect(page.locator("tr", has_text="Senegal")).to_contain_text("confirmed")
            assert _in_db(registration)["status"] == Registration.Status.CONFIRMED

            page.goto(f"{base}/en/private/strategy/initiatives/")
            page.get_by_role("link", name="Verification: 1 initiative waiting").click()
            page.locator("tr", has_text="Senegal").get_by_role("link", name=TITLE).click()
            page.get_by_role("button", name="Verify and publish").click()
            expect(page.locator(".messages")).to_contain_text("the initiative is published")
            verified = _in_db(initiative)
            assert (verified["state"], verified["verified_by"]) == (
                ReviewState.VERIFIED,
                secretariat.pk,
            )
            page.context.close()

            # 4. Anybody: the matrix counts it for Senegal × objective 10, in EN and FR.
            page = _new_page(browser, errors)
            page.goto(f"{base}/en/strategy/matrix/")
            expect(page.locator("h1")).to_have_text("Countries × objectives matrix")
            expect(page.locator("main")).to_contain_text(CYCLE_EN)
            rect = page.locator(f"rect[data-iso3=SEN][data-objective='{OBJECTIVE}']")
            expect(rect).to_have_attribute("data-status", "in_progress")
            expect(rect.locator("title")).to_contain_text("1 published initiative")
            table = page.locator("table.matrix")
            header = table.locator("thead th")
            expect(header.nth(OBJECTIVE)).to_have_text(str(OBJECTIVE))
            senegal = table.locator("tbody tr", has=page.get_by_role("rowheader", name="Senegal"))
            expect(senegal.locator("td").nth(OBJECTIVE - 1)).to_have_text("in progress (1)")

            page.goto(f"{base}/en/strategy/initiatives/")
            page.get_by_role("link", name=TITLE).click()
            expect(page.locator("h1")).to_have_text(TITLE)
            expect(page.locator("main")).to_contain_text("Senegal")
            expect(page.locator("main").get_by_role("link", name=SOURCE)).to_have_attribute(
                "href", SOURCE_URL
            )

            page.goto(f"{base}/fr/strategy/matrix/")
            assert page.locator("html").get_attribute("lang") == "fr"
            expect(page.locator("main")).to_contain_text(CYCLE_FR)
            expect(page.locator("h1")).to_contain_text("Matrice pays × objectifs")
            senegal = page.locator(
                "table.matrix tbody tr", has=page.get_by_role("rowheader", name="Sénégal")
            )
            expect(senegal.locator("td").nth(OBJECTIVE - 1)).to_contain_text("(1)")
            page.context.close()
        finally:
            browser.close()

    assert errors == []
    # The confirmation reached the focal point with the meeting's .ics attached.
    [confirmation] = [m for m in mail.outbox if m.to == [focal_point.email]]
    [ics] = [a for a in confirmation.attachments if not isinstance(a, tuple)]
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_filename() == f"{meeting.slug}.ics"
