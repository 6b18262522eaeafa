"""The country panel: public facts for everyone, contacts for that country and the secretariat."""

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from rabatnet.guides.tests.factories import drafted_guide, published_guide
from rabatnet.imap.panel import build_panel
from rabatnet.statistics.tests.profile_support import dataset, observe

from .panel_support import LISTED, LISTED_EMAIL, UNLISTED, layer, senegal_contacts, viewer

pytestmark = pytest.mark.django_db
__all__ = ["senegal_contacts"]  # a fixture


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def panel_html(role: str, iso3: str = "SEN") -> str:
    panel = build_panel(viewer(role), iso3, layer(iso3))
    assert panel is not None
    return render_to_string("imap/_panel.html", {"panel": panel})


@pytest.mark.parametrize("code", ["XXX", "", "SE", "SENE", "12<"])
def test_a_code_that_is_no_country_has_no_panel(code: str):
    assert build_panel(viewer("anonymous"), code, layer()) is None


def test_the_panel_names_the_country_its_membership_and_profile():
    html = panel_html("anonymous")

    assert "Senegal" in html
    assert "Partner" in html and "African" in html
    assert 'href="/en/countries/SEN/profile/"' in html
    assert 'href="/en/countries/SEN/"' in html


def test_the_panel_is_in_french_on_the_french_map():
    with translation.override("fr"):
        html = panel_html("anonymous")
    assert "Sénégal" in html
    assert "Partenaire" in html or "partenaire" in html
    assert 'href="/fr/countries/SEN/profile/"' in html


def test_a_country_outside_the_dialogue_is_said_so():
    html = panel_html("anonymous", "USA")
    assert "Not a member of the dialogue." in html


def test_a_former_partner_shows_its_periods_with_the_years():
    html = panel_html("anonymous", "EGY")

    assert "Former partner" in html
    periods = html[html.index('<ul class="panel-periods">') :]
    assert periods.index("Partner: not recorded–2014") < periods.index("Former partner: 2014–today")


def test_the_guide_stage_and_the_published_guide_are_linked():
    published_guide("SEN", "fr")

    html = panel_html("anonymous")

    assert "Stage: published" in html
    assert 'href="/en/countries/SEN/guide/?lang=fr"' in html


def test_a_guide_not_yet_published_shows_its_stage_and_no_link():
    drafted_guide("SEN", "en")
    html = panel_html("anonymous")

    assert "Stage: drafting" in html
    assert "/guide/?lang=" not in html


def test_key_figures_carry_their_source_year_unit_and_derived_mark():
    wdi = dataset("test-wdi", title="World Development Indicators")
    observe(wdi, "population", "SEN", "2022", "17316449")
    observe(wdi, "population", "SEN", "2023", "17763163")
    unhcr = dataset("test-unhcr", released=date(2026, 2, 1), title="Refugee population")
    observe(unhcr, "refugees_hosted", "SEN", "2024", "14522", derived=True)

    html = panel_html("anonymous")

    assert "17,763,163" in html and "(2023)" in html and "17,316,449" not in html
    assert "persons" in html
    assert 'href="/en/data/test-wdi/"' in html and "World Development Indicators" in html
    assert wdi.publisher.name in html
    refugees = html[html.index("Refugees hosted") :]
    assert refugees.index("14,522") < refugees.index("†") < refugees.index("</dd>")
    population = html[html.index("Population") : html.index("Refugees hosted")]
    assert "†" not in population


def test_a_country_without_figures_says_so():
    assert "No figures for this country" in panel_html("anonymous")


@pytest.mark.usefixtures("senegal_contacts")
@pytest.mark.parametrize("role", ["anonymous", "half-signed-in", "no role", "wrong country"])
def test_contacts_are_not_shown_outside_the_country_and_the_secretariat(role: str):
    html = panel_html(role)

    assert LISTED not in html and LISTED_EMAIL not in html and UNLISTED not in html
    assert "Focal points and thematic contacts" not in html


@pytest.mark.usefixtures("senegal_contacts")
def test_a_member_of_the_country_sees_the_listed_contacts_only():
    html = panel_html("right country")

    assert LISTED in html and f"mailto:{LISTED_EMAIL}" in html
    assert "National Focal Point" in html
    assert UNLISTED not in html


@pytest.mark.usefixtures("senegal_contacts")
def test_the_secretariat_sees_every_contact_the_unlisted_marked():
    html = panel_html("secretariat")

    assert LISTED in html
    unlisted = html[html.index(UNLISTED) :]
    assert unlisted.index("not listed") < unlisted.index("</li>")
    assert "Thematic contact point" in html


@pytest.mark.usefixtures("senegal_contacts")
def test_a_member_of_another_country_sees_no_contacts_of_senegal_but_their_own():
    html = panel_html("wrong country", "MLI")
    assert "Focal points and thematic contacts" in html
    assert LISTED not in html


def test_an_ended_appointment_is_no_contact():
    from datetime import timedelta

    from django.utils import timezone

    from rabatnet.network.tests import factories as f

    today = timezone.localdate()
    f.AppointmentFactory.create(
        person=f.PersonFactory.create(full_name="Former Focal"),
        starts_on=today - timedelta(days=400),
        ends_on=today - timedelta(days=10),
    )

    assert "Former Focal" not in panel_html("secretariat")


@pytest.mark.usefixtures("senegal_contacts")
@pytest.mark.parametrize(("role", "ceiling"), [("anonymous", 8), ("secretariat", 10)])
def test_the_panel_reads_a_bounded_number_of_queries(role, ceiling, django_assert_max_num_queries):
    wdi = dataset("test-wdi")
    observe(wdi, "population", "SEN", "2023", "17763163", derived=True)
    published_guide("SEN", "fr")
    user = viewer(role)

    with django_assert_max_num_queries(ceiling):
        panel_html_of = build_panel(user, "SEN", layer())
        render_to_string("imap/_panel.html", {"panel": panel_html_of})


def test_key_figures_are_read_once_per_language_and_revision(django_assert_num_queries):
    from rabatnet.core import revisions
    from rabatnet.countries.models import Country
    from rabatnet.imap.panel import key_figures

    observe(dataset("test-wdi"), "population", "SEN", "2023", "17763163")
    senegal = Country.objects.get(iso3="SEN")
    first = key_figures(senegal)
    with django_assert_num_queries(1):  # the revision counters only
        assert key_figures(senegal) == first
    observe(dataset("test-wdi-2"), "population", "SEN", "2024", "18000000")
    revisions.bump(revisions.STATISTICS)  # as an import does
    assert [f.point.year for f in key_figures(senegal)] == [2024]
