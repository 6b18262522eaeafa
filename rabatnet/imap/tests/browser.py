"""What the i-Map's browser tests share: the data and one server per module, a browser per test.

The map reads the shipped statistics, and a test on ``live_server`` ends by flushing the
database (the statistics and the reference data with it). These tests never write, so they
are plain ``django_db`` tests (which also makes pytest-django create the test database when
they run alone) beside one module-scoped server thread that serves the test database with
the datasets imported once; the module removes what it imported when it is done (as
``statistics.tests.loaded`` does). Each test starts Chromium with one context, JavaScript
off or on (the ``visit`` fixture), and ends with no console error (a CSP violation is one)
and no request to another host.
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.statistics.tests.import_support import remove_created, run, snapshot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

TIMEOUT_MS = 30_000  # the machine may be busy: a first render builds the geometry
# A country-level indicator of a shipped dataset with several years (1990, 1995 ... 2024).
INDICATOR = "migrant_stock_total"
DATASETS = ("undesa-ims-2024-destination",)

browser_marks = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]


@dataclass
class Expected:
    """Figures read from the database before the browser starts (no ORM once it runs)."""

    stock_by_year: dict[int, int] = field(default_factory=dict)  # Senegal's migrant stock


@dataclass
class MapServer:
    url: str
    expected: Expected


@pytest.fixture(scope="module", name="map_server")
def map_server_fixture(django_db_setup, django_db_blocker) -> Iterator[MapServer]:
    """A live server on the test database with the map's datasets imported, for a module."""
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    from rabatnet.countries.models import Country
    from rabatnet.statistics.models import Observation

    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        if not Country.objects.filter(iso3="SEN").exists():  # flushed by a transactional test
            call_command("load_reference", stdout=io.StringIO())
        before = snapshot()
        for slug in DATASETS:
            run(slug)
        rows = Observation.objects.filter(
            dataset__slug=DATASETS[0], indicator__code=INDICATOR, geo__code="SEN", partner=None
        ).values_list("year", "value")
        expected = Expected(stock_by_year={year: int(value) for year, value in rows})
        cache.clear()
        server = LiveServer("localhost")
        try:
            yield MapServer(url=server.url, expected=expected)
        finally:
            server.stop()
            cache.clear()
            remove_created(before)


@pytest.fixture(name="browser")
def browser_fixture(map_server: MapServer) -> Iterator["Browser"]:
    """Headless Chromium (Debian's; Playwright's downloads are never used) for one test.

    Per test, not per module: Playwright's event loop must not be alive in this thread when
    pytest-django opens and rolls back the test's transaction (Django refuses that, and the
    connection it would use is not the one closed when the test database is dropped).
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Visit:
    """A page of a fresh browser context and what it saw go wrong."""

    page: "Page"
    base: str
    javascript: bool
    expected: Expected
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # requests to another host

    def open(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None
        assert response.status == 200, f"{path} answered {response.status}"
        landed = urlsplit(self.page.url).path
        assert landed == urlsplit(path).path, f"{path} went to {landed} (public page?)"

    def mark_document(self) -> None:
        """Tag the loaded document: ``same_document`` then tells a swap from a new page."""
        self.page.evaluate("() => { window.rabatnetMapMark = 'kept'; }")

    def same_document(self) -> bool:
        return self.page.evaluate("() => window.rabatnetMapMark === 'kept'")


def _keep_error(message: "ConsoleMessage", errors: list[str]) -> None:
    if message.type == "error":
        errors.append(f"{message.text} (at {message.location.get('url') or 'unknown'})")


def open_visit(browser: "Browser", server: MapServer, *, javascript: bool) -> Iterator[Visit]:
    context = browser.new_context(
        java_script_enabled=javascript, locale="en-GB", viewport={"width": 1280, "height": 1000}
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    visit = Visit(page=page, base=server.url, javascript=javascript, expected=server.expected)
    host = urlsplit(server.url).netloc
    page.on("console", lambda message: _keep_error(message, visit.errors))
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.on(
        "request",
        lambda request: (
            None
            if urlsplit(request.url).netloc in (host, "")
            else visit.foreign.append(request.url)
        ),
    )
    try:
        yield visit
    finally:
        context.close()
    assert visit.errors == [], f"console errors: {visit.errors}"
    assert visit.foreign == [], f"requests to other hosts: {visit.foreign}"


@pytest.fixture(params=[False, True], ids=["js-off", "js-on"], name="visit")
def visit_fixture(request: pytest.FixtureRequest, browser: "Browser", map_server: MapServer):
    """A fresh context with JavaScript off, then on; no console error, no other host."""
    yield from open_visit(browser, map_server, javascript=request.param)


@pytest.fixture(name="visit_with_javascript")
def visit_with_javascript_fixture(browser: "Browser", map_server: MapServer) -> Iterator[Visit]:
    yield from open_visit(browser, map_server, javascript=True)


@pytest.fixture(name="visit_without_javascript")
def visit_without_javascript_fixture(browser: "Browser", map_server: MapServer) -> Iterator[Visit]:
    yield from open_visit(browser, map_server, javascript=False)
