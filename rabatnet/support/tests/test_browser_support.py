"""A real browser takes a country's request for technical support to the public clock.

A focal point of Senegal files a request; the secretariat acknowledges it and writes the
terms of reference, which the focal point agrees; the secretariat scopes it, proposes an
expert from the roster and asks them by e-mail; the expert accepts through the private link
in that mail, without signing in; the secretariat matches, approves and deploys the request
with the mission's dates; the public page at /support/ (EN and FR) now counts Senegal's
request and its deployment. Every step is a click or a form fill; the database is checked
along the way.

Drives Debian's headless Chromium through Playwright against ``live_server``.
"""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.followup.tests.test_browser_followup import (
    _in_db,
    _load_reference,
    _new_page,
    _sign_in,
)
from rabatnet.network.tests import factories

TITLE = "Training of statisticians on migration data"
TERMS = "Three days of training for twenty statisticians of the ANSD, in French."

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing: run `make chromium`"),
]


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker):
    """Put the reference data back once this module's transactional test has flushed it."""
    yield
    with django_db_blocker.unblock():
        call_command("load_reference", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_request_goes_from_the_country_to_a_deployed_expert_and_the_public_clock(
    live_server,
) -> None:
    from playwright.sync_api import expect, sync_playwright

    from rabatnet.countries.models import Country
    from rabatnet.followup.initiative_selectors import current_objectives
    from rabatnet.support.models import Proposal, Stage, SupportRequest

    from .factories import make_expert

    if not Country.objects.filter(iso3="SEN").exists():
        _load_reference()
    today = timezone.localdate()
    start, end = today + timedelta(days=30), today + timedelta(days=32)
    objective = current_objectives().first()
    assert objective is not None
    focal_point = factories.focal_point("SEN")
    secretariat = factories.secretariat()
    expert = make_expert(available=[(today, today + timedelta(days=200))], languages=["fr"])
    expert_name = expert.person.full_name

    def state() -> tuple[str, list[str]]:
        found = SupportRequest.objects.get(title=TITLE)
        return found.stage, list(found.proposals.values_list("status", flat=True))

    base = live_server.url
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            # 0. Nothing is counted for Senegal yet.
            page = _new_page(browser, errors)
            page.goto(f"{base}/en/support/")
            expect(page.locator("[data-count='country:SEN']")).to_have_count(0)
            page.context.close()

            # 1. The focal point files the request.
            country = _new_page(browser, errors)
            _sign_in(country, base, focal_point.email)
            country.goto(f"{base}/en/private/support/")
            country.get_by_role("link", name="File a request for Senegal").click()
            form = country.locator("main form")
            form.locator("[name=title]").fill(TITLE)
            form.locator(f"[name=objectives][value='{objective.pk}']").check()
            form.locator("[name=kind]").select_option("training_workshop")
            form.locator("[name=needs]").fill("Training on the collection of migration data.")
            form.locator("[name=beneficiary_institution]").fill("ANSD")
            form.locator("[name=preferred_start]").fill(start.isoformat())
            form.locator("[name=preferred_end]").fill(end.isoformat())
            form.locator("[name=languages][value=fr]").check()
            form.locator("[name=duration_days]").fill("3")
            form.locator("[name=participants]").fill("20")
            form.get_by_role("button", name="File the request").click()
            expect(country.locator("h1")).to_contain_text(TITLE)
            expect(country.locator("main")).to_contain_text("received")
            request_url = country.url
            assert _in_db(state) == (Stage.RECEIVED, [])

            # 2. The secretariat acknowledges it and writes the terms of reference.
            staff = _new_page(browser, errors)
            _sign_in(staff, base, secretariat.email)
            staff.goto(f"{base}/en/private/support/")
            staff.get_by_role("link", name=re.compile(r"^TS-\d{4}-\d{4}$")).first.click()
            expect(staff.locator("h1")).to_contain_text(TITLE)
            staff.get_by_role("button", name="Acknowledge", exact=True).click()
            expect(staff.locator("main")).to_contain_text("acknowledged")
            staff.get_by_role("link", name="Write the terms of reference").click()
            staff.locator("main form [name=text]").fill(TERMS)
            staff.get_by_role("button", name="Save as a new version").click()
            expect(staff.locator(".messages")).to_contain_text("Version 1 saved")

            # 3. The focal point agrees version 1.
            country.goto(request_url)
            country.get_by_role("button", name="Agree version 1").click()
            expect(country.locator("main")).to_contain_text("Agreed by the country on")

            # 4. The secretariat scopes it, proposes the expert and asks them.
            staff.goto(request_url)
            staff.get_by_role("button", name="Mark as scoped", exact=True).click()
            expect(staff.locator("main")).to_contain_text("scoped")
            staff.goto(f"{request_url}matching/")
            staff.get_by_label(expert_name).check()
            staff.get_by_role("button", name="Propose the ticked experts").click()
            staff.get_by_role("button", name="Ask by e-mail").click()
            expect(staff.locator("main")).to_contain_text("asked")
            assert _in_db(state) == (Stage.SCOPED, [Proposal.Status.ASKED])

            # 5. The expert answers through the link in the mail, without signing in.
            [asked] = [m for m in mail.outbox if m.to == [expert.person.email]]
            link = re.search(r"https?://\S+/support/answer/[\w-]+/", str(asked.body))
            assert link is not None, asked.body
            path = link.group(0).split("/", 3)[3]
            answer = _new_page(browser, errors)
            answer.goto(f"{base}/{path}")
            expect(answer.locator("h1")).to_contain_text("Would you support request")
            expect(answer.locator("main")).not_to_contain_text(focal_point.get_full_name())
            answer.get_by_label("I accept").check()
            answer.get_by_role("button", name="Send my answer").click()
            expect(answer.locator("main")).to_contain_text("accept")
            answer.context.close()
            assert _in_db(state) == (Stage.SCOPED, [Proposal.Status.ACCEPTED])

            # 6. The secretariat matches, approves and deploys with the mission's dates.
            staff.goto(request_url)
            staff.get_by_role("button", name="Mark as matched", exact=True).click()
            expect(staff.locator("main")).to_contain_text("matched")
            staff.get_by_role("button", name="Approve", exact=True).click()
            expect(staff.locator("main")).to_contain_text("approved")
            staff.goto(f"{request_url}mission/")
            staff.locator("main form [name=starts_on]").fill(start.isoformat())
            staff.locator("main form [name=ends_on]").fill(end.isoformat())
            staff.locator("main form [name=place]").fill("Dakar")
            staff.get_by_role("button", name="Save and deploy").click()
            expect(staff.locator(".messages")).to_contain_text("deployed")
            assert _in_db(state) == (Stage.DEPLOYED, [Proposal.Status.ACCEPTED])
            staff.context.close()
            country.context.close()

            # 7. The public clock counts Senegal's request and its deployment, in EN and FR.
            page = _new_page(browser, errors)
            page.goto(f"{base}/en/support/")
            expect(page.locator("[data-count='country:SEN']")).to_have_text("1")
            expect(page.locator("[data-target='deployed:met']")).to_have_text("1")
            expect(page.locator("main")).not_to_contain_text(TITLE)
            page.goto(f"{base}/fr/support/")
            assert page.locator("html").get_attribute("lang") == "fr"
            expect(page.locator("[data-count='country:SEN']")).to_have_text("1")
            page.context.close()
        finally:
            browser.close()

    assert errors == []
