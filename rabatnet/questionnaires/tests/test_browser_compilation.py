"""A real browser, phone-sized: a workgroup member of Senegal follows the workspace's link to
the candidates a response proposed, edits one and accepts it, and finds it in the draft
with its trace ("From questionnaire …, respondent …, answered on …").

Drives Debian's headless Chromium through Playwright against ``live_server``.
"""

from collections.abc import Iterator

import pytest

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.followup.tests.test_browser_followup import _in_db
from rabatnet.guides.models import ActorRole
from rabatnet.guides.tests.test_browser import _reference_and_seeds
from rabatnet.network.tests import factories

from ..models import Candidate
from .compilation_fixtures import pending_candidate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker) -> Iterator[None]:
    yield
    with django_db_blocker.unblock():
        _reference_and_seeds()


@pytest.mark.django_db(transaction=True)
def test_a_workgroup_member_accepts_a_candidate_and_sees_its_trace(live_server) -> None:
    from playwright.sync_api import expect, sync_playwright

    _reference_and_seeds()
    candidate = pending_candidate(kind="actor")
    member = factories.workgroup_member("SEN")
    base = live_server.url
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            page.set_default_timeout(10_000)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base}/en/accounts/login/")
            page.locator("[name=username]").fill(member.email)
            page.locator("[name=password]").fill(factories.PASSWORD)
            page.locator("form:has([name=password]) [type=submit]").click()
            page.wait_for_url(f"{base}/en/private/")
            page.goto(f"{base}/en/countries/SEN/guide/edit/?lang=fr")
            page.locator("#actors").get_by_role("link", name="2 candidate records").click()
            section = page.locator("#actors")
            expect(section).to_contain_text("respondent Awa Ndiaye")
            section.get_by_role("link", name="Review: accept, edit or reject").first.click()
            page.wait_for_url(f"{base}/en/private/compilation/candidates/{candidate.pk}/")
            page.locator("[name=stage]").select_option("implementation")
            page.locator("[name=description]").fill("Met en œuvre les décisions.")
            page.get_by_role("button", name="Accept into the draft").click()
            expect(page.locator(".messages")).to_contain_text("the record is in the draft")
            page.goto(f"{base}/en/countries/SEN/guide/edit/?lang=fr")
            expect(page.locator("#actors")).to_contain_text(
                "From questionnaire “Information sources (test)” (test_compile), "
                "respondent Awa Ndiaye"
            )
        finally:
            browser.close()
    assert not errors, errors
    record = _in_db(lambda: ActorRole.objects.values_list("stage", "description").get())
    assert record == ("implementation", "Met en œuvre les décisions.")
    status = _in_db(lambda: Candidate.objects.get(pk=candidate.pk).status)
    assert status == Candidate.Status.ACCEPTED
