"""A real browser on a phone-sized screen answers a questionnaire through a personal link:
no account, one column, save and come back, a repeat row added by a button (no script
needed), the answers submitted and then shown read-only.

Drives Debian's headless Chromium through Playwright against ``live_server``.
"""

import io

import pytest
from django.core.management import call_command

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.followup.tests.test_browser_followup import _in_db, _load_reference

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]
WIDTH, HEIGHT = 390, 844  # a phone, CSS pixels


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker):
    """Put the reference data back once this module's transactional test has flushed it."""
    yield
    with django_db_blocker.unblock():
        call_command("load_reference", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_respondent_answers_on_a_phone(live_server) -> None:
    from playwright.sync_api import expect, sync_playwright

    from rabatnet.countries.models import Country
    from rabatnet.questionnaires.models import Response

    from .answer_fixtures import invited, link

    if not Country.objects.filter(iso3="SEN").exists():
        _load_reference()
    invitation = invited(language="en")
    url = live_server.url + link(invitation, "en")
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(
            viewport={"width": WIDTH, "height": HEIGHT}, java_script_enabled=False
        ).new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        expect(page.locator("h1")).to_contain_text("Information sources (test)")
        # One column: no horizontal scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
        page.get_by_label("Your unit").fill("Direction de la statistique")
        page.get_by_label("Yes", exact=True).check()
        page.get_by_role("button", name="Save and continue later").click()
        page.goto(url)  # later, the same link
        expect(page.get_by_label("Your unit")).to_have_value("Direction de la statistique")
        page.locator("[name=q-source_name-1]").fill("Recensement 2013")
        page.get_by_role("button", name="Add a row").click()
        page.locator("[name=q-source_name-2]").fill("Registre d'état civil")
        # Enter in a field presses the form's default button: it saves (it removed row 1).
        page.locator("[name=q-source_name-2]").press("Enter")
        expect(page.locator("[name=q-source_name-1]")).to_have_value("Recensement 2013")
        expect(page.locator("[name=q-source_name-2]")).to_have_value("Registre d'état civil")
        page.get_by_role("button", name="Submit my answers").click()
        expect(page.get_by_role("status").first).to_contain_text("Your answers were submitted")
        expect(page.locator("table")).to_contain_text("Registre d'état civil")
        browser.close()
    assert not errors
    response = _in_db(lambda: Response.objects.get(invitation=invitation))
    assert response.status == Response.Status.SUBMITTED
    rows = _in_db(
        lambda: sorted(
            response.answers.filter(question__name="source_name").values_list("row", "value")
        )
    )
    assert rows == [(1, "Recensement 2013"), (2, "Registre d'état civil")]
