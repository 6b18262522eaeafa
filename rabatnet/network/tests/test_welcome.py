"""The welcome pack: the person's private page (and the secretariat's view of anybody's)."""

import pytest
from django.urls import reverse

from rabatnet.core.tests.narrowing import present
from rabatnet.guides.models import Stage
from rabatnet.guides.tests.factories import drafted_guide, published_guide
from rabatnet.network import registries
from rabatnet.network.models import Role
from rabatnet.network.registries import WelcomeItem, WelcomeSection
from rabatnet.network.tests import factories as f
from rabatnet.network.welcome import welcome_sections

from .lifecycle import half_signed_in_status, status

pytestmark = pytest.mark.django_db

URL = reverse("network:welcome")


def test_welcome_triad(client):
    person = f.AppointmentFactory.create().person
    other = f.focal_point("SEN")
    own = f"{URL}?person={person.pk}"
    assert status(client, None, URL) == 302
    assert "/accounts/login/" in client.get(URL)["Location"]
    code, where = half_signed_in_status(client, present(person.user), URL)
    assert code == 302 and "two-factor" in where
    assert status(client, other, own) == 403  # another member: not theirs
    assert status(client, person.user, URL) == 200
    assert status(client, person.user, own) == 200
    assert status(client, f.secretariat(), own) == 200
    assert status(client, f.secretariat(), f"{URL}?person=abc") == 404
    assert status(client, f.no_role(), URL) == 404  # an account with no person record


def test_the_page_shows_the_country_contacts_by_consent(client):
    newcomer = f.AppointmentFactory.create(person__full_name="New Comer").person
    listed = f.AppointmentFactory.create(
        person__full_name="Listed Colleague", person__share_email=True, person__phone="+221 1"
    ).person
    f.AppointmentFactory.create(
        person__full_name="Hidden Colleague", person__directory_consent=False
    )
    f.AppointmentFactory.create(
        person__full_name="Malian Colleague", country_id=None, role=Role.EXPERT
    )
    f.AppointmentFactory.create(
        role=Role.SECRETARIAT, country=None, person__full_name="Secretariat Desk"
    )
    client.force_login(newcomer.user)
    page = client.get(URL).content.decode()
    assert "Your contacts for Senegal" in page
    assert "Listed Colleague" in page and listed.email in page
    assert "+221 1" not in page  # the telephone is not shared
    assert "Hidden Colleague" not in page and "Malian Colleague" not in page
    assert "Secretariat Desk" in page
    assert reverse("network:directory") in page and reverse("forums:forums") in page
    assert reverse("imap:map") in page


def test_the_guides_section_tells_the_stage_the_next_step_and_the_key_documents(client):
    guide = published_guide("SEN", "fr")
    newcomer = f.AppointmentFactory.create().person
    client.force_login(newcomer.user)
    page = client.get(URL).content.decode()
    assert "Your country&#x27;s user&#x27;s guide" in page
    assert "stage “published”" in page
    assert "follow up the published guide — taken by the focal point" in page
    assert reverse("guides:edition_pdf", kwargs={"iso3": "SEN", "number": 1}) + "?lang=fr" in page
    assert reverse("statistics:profile", kwargs={"iso3": "SEN"}) in page
    guide.stage = Stage.SUBMITTED
    guide.save()
    page = client.get(URL).content.decode()
    assert (
        "endorse the submitted edition or send it back — taken by the national coordinating" in page
    )


def test_a_drafting_guide_waits_for_submission():
    drafted_guide("SEN", "fr")
    person = f.AppointmentFactory.create().person
    guides = next(s for s in welcome_sections(person) if "guide" in str(s.title))
    assert any("submit the draft for endorsement" in i.text for i in guides.items)


def test_a_post_without_a_country_gets_no_guide_section():
    person = f.AppointmentFactory.create(role=Role.SECRETARIAT, country=None).person
    titles = [str(s.title) for s in welcome_sections(person)]
    assert titles == ["Your contacts", "How the platform works"]


def test_sections_other_apps_register_are_shown(client, monkeypatch):
    monkeypatch.setitem(
        registries.WELCOME_SECTIONS,
        "forums",
        lambda person, country: WelcomeSection(
            "Your forums", [WelcomeItem(f"Senegal workgroup for {country.iso3}", "/forum/")]
        ),
    )
    person = f.AppointmentFactory.create().person
    client.force_login(person.user)
    page = client.get(URL).content.decode()
    assert "Your forums" in page and "Senegal workgroup for SEN" in page


def test_the_data_link_is_the_readers_own_or_the_persons_for_the_secretariat(client):
    person = f.AppointmentFactory.create().person
    client.force_login(present(person.user))
    assert reverse("network:my_data") in client.get(URL).content.decode()
    client.force_login(f.secretariat())
    page = client.get(f"{URL}?person={person.pk}").content.decode()
    assert reverse("network:person_data", kwargs={"pk": person.pk}) in page
    assert reverse("network:my_data") not in page
