"""The guide's making end to end in a real browser, phone-sized (the issue's browser test).

A respondent of a Senegalese department answers a questionnaire through their personal link,
in French, with no account and no JavaScript: a challenge in a repeat row, saved and then
submitted. A workgroup member of Senegal then proposes the country's submitted responses as
candidate records, accepts the challenge into the French guide, and finds it in the draft
with its trace: from questionnaire X, respondent Y, answered on D. The guide's stage
followed the work: questionnaires, then drafting.

Drives Debian's headless Chromium through Playwright against ``live_server``.
"""

import io

import pytest
from django.core.management import call_command

from rabatnet.core.tests.chromium import CHROMIUM, CHROMIUM_ARGS
from rabatnet.followup.tests.test_browser_followup import _in_db, _load_reference
from rabatnet.questionnaires.models import Questionnaire

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


def _questionnaire_with_challenges() -> Questionnaire:
    """The factories' questionnaire plus a repeat of challenges that feeds part III."""
    from rabatnet.questionnaires.models import Question

    from .factories import make_questionnaire

    questionnaire = make_questionnaire("making_e2e")
    row = Question.objects.create(
        questionnaire=questionnaire,
        name="challenge_row",
        type=Question.Type.REPEAT,
        position=500,
        label_en="One row per challenge",
        label_fr="Une ligne par défi",
    )
    for position, (name, feeds, en, fr) in enumerate(
        [
            ("challenge_title", "challenge.title", "The challenge", "Le défi"),
            ("challenge_how", "challenge.description", "How it shows", "Comment il se manifeste"),
        ],
        start=510,
    ):
        Question.objects.create(
            questionnaire=questionnaire,
            parent=row,
            name=name,
            type=Question.Type.TEXT,
            position=position,
            feeds=feeds,
            label_en=en,
            label_fr=fr,
        )
    return questionnaire


def _setup() -> tuple[str, str]:
    from rabatnet.network.tests import factories

    from ..invitation_services import invitation_create
    from .answer_fixtures import link
    from .factories import make_department, make_guide

    questionnaire = _questionnaire_with_challenges()
    guide = make_guide("SEN", "fr")
    member = factories.workgroup_member("SEN")
    invitation = invitation_create(
        questionnaire=questionnaire,
        country=guide.country,
        department=make_department("SEN"),
        respondent_name="Awa Ndiaye",
        respondent_email="awa.ndiaye@example.org",
        language="fr",
        by=member,
    )
    return link(invitation, "fr"), member.email


@pytest.mark.django_db(transaction=True)
def test_a_respondent_answers_and_the_workgroup_accepts_with_its_trace(live_server) -> None:
    from playwright.sync_api import expect, sync_playwright

    from rabatnet.countries.models import Country
    from rabatnet.guides.models import Challenge, Guide
    from rabatnet.network.tests.factories import PASSWORD

    if not _in_db(lambda: Country.objects.filter(iso3="SEN").exists()):
        _in_db(_load_reference)
    answer_path, member_email = _in_db(_setup)
    base = live_server.url
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # The respondent: a phone, no JavaScript, the French link.
            phone = browser.new_context(
                viewport={"width": WIDTH, "height": HEIGHT}, java_script_enabled=False
            ).new_page()
            phone.on("pageerror", lambda error: errors.append(str(error)))
            phone.goto(base + answer_path)
            assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
            phone.get_by_label("Votre service").fill("Direction de la statistique")
            phone.get_by_label("Non", exact=True).check()
            phone.locator("[name=q-challenge_title-1]").fill(
                "Les registres d'état civil ne sont pas numérisés"
            )
            phone.get_by_role("button", name="Enregistrer et continuer plus tard").click()
            phone.goto(base + answer_path)  # later, the same link: the row is still there
            expect(phone.locator("[name=q-challenge_title-1]")).to_have_value(
                "Les registres d'état civil ne sont pas numérisés"
            )
            phone.locator("[name=q-challenge_how-1]").fill("Les naissances échappent au compte.")
            phone.get_by_role("button", name="Envoyer mes réponses").click()
            expect(phone.get_by_role("status").first).to_contain_text("Vos réponses ont été")

            # The workgroup member: a phone too, signed in.
            page = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}).new_page()
            page.set_default_timeout(10_000)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base}/en/accounts/login/")
            page.locator("[name=username]").fill(member_email)
            page.locator("[name=password]").fill(PASSWORD)
            page.locator("form:has([name=password]) [type=submit]").click()
            page.wait_for_url(f"{base}/en/private/")
            page.goto(f"{base}/en/private/compilation/SEN/?lang=fr")
            page.get_by_role(
                "button", name="Propose from the country's submitted responses"
            ).click()
            review = page.get_by_role("link", name="Review: accept, edit or reject")
            expect(review.first).to_be_visible()
            page.locator("section", has_text="Les registres d'état civil").get_by_role(
                "link", name="Review: accept, edit or reject"
            ).first.click()
            page.get_by_role("button", name="Accept into the draft").click()
            expect(page.locator(".messages")).to_contain_text("the record is in the draft")
            page.goto(f"{base}/en/countries/SEN/guide/edit/?lang=fr")
            challenges = page.locator("#challenges")
            expect(challenges).to_contain_text("Les registres d'état civil ne sont pas numérisés")
            expect(challenges).to_contain_text(
                "From questionnaire “Information sources (test)” (making_e2e), "
                "respondent Awa Ndiaye"
            )
        finally:
            browser.close()
    assert not errors, errors
    challenge = _in_db(lambda: Challenge.objects.values_list("title", "description").get())
    assert challenge == (
        "Les registres d'état civil ne sont pas numérisés",
        "Les naissances échappent au compte.",
    )
    stages = _in_db(lambda: list(Guide.objects.get().events.values_list("stage", flat=True)))
    assert stages == ["drafting", "questionnaires", "expression_of_interest"]
