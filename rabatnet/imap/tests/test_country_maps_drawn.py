"""The real country map, registered by ``ImapConfig.ready``: on the country page (inline, the
country selected, coloured by the linked stylesheet) and in the guide PDF (standalone, in the
guide's language)."""

import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from rabatnet.core import country_maps
from rabatnet.guides.models.guide import content_hash
from rabatnet.guides.rendering import render_guide_pdf, render_guide_print
from rabatnet.guides.snapshot import guide_snapshot
from rabatnet.guides.tests.factories import drafted_guide

pytest.importorskip("rabatnet.imap.layers.membership", reason="the map's layers are not merged yet")

pytestmark = pytest.mark.django_db

SELECTED_SENEGAL = re.compile(r'data-iso3="SEN"[^>]*>\s*<path class="[^"]*\bselected\b')


def test_the_app_registers_its_renderer_at_start_up():
    from rabatnet.imap import picture

    assert country_maps._registered[0].renderer is picture.country_map_svg
    assert country_maps.country_map_page_url("SEN") == "/en/map/?country=SEN"


def test_the_country_page_shows_the_map_with_the_country_selected(client):
    html = client.get("/en/countries/SEN/").content.decode()

    figure = html[html.index('<figure class="country-map">') : html.index("</figure>")]
    assert "<svg" in figure and SELECTED_SENEGAL.search(figure)
    assert len(SELECTED_SENEGAL.findall(figure)) == 1
    assert 'href="/en/map/?country=SEN"' in figure
    assert "<style" not in figure and "style=" not in figure  # the page's CSP: no inline CSS
    assert re.search(r'<link rel="stylesheet" href="/static/imap/map[^"]*\.css"', html)


def test_the_french_country_page_names_the_countries_in_french(client):
    html = client.get("/fr/countries/SEN/").content.decode()

    figure = html[html.index('<figure class="country-map">') : html.index("</figure>")]
    assert "Mauritanie" in figure and "Mauritania" not in figure
    assert 'href="/fr/map/?country=SEN"' in figure


def test_the_french_guide_pdf_holds_the_locator_map_on_its_title_page():
    guide = drafted_guide("SEN", "fr")
    content = guide_snapshot(guide)
    sha256 = content_hash(content)

    html = render_guide_print(content, sha256)
    title_page = html[html.index('<section class="title-page">') : html.index("</section>")]
    assert SELECTED_SENEGAL.search(title_page) and "<style><![CDATA[" in title_page
    # A locator map: no name read from the reference table (they are live), the shipped
    # geometry's source line in the guide's language.
    assert 'class="labels"' not in title_page and "Mauritanie" not in title_page
    assert "Source : Admin 0 – Countries 1:50m, Natural Earth, 4.1.0" in title_page
    with translation.override("en"):  # whatever the language of the request that builds it
        first_page = PdfReader(io.BytesIO(render_guide_pdf(content, sha256))).pages[0]
    text = first_page.extract_text()
    assert sha256 in text.replace("\n", "")  # still the title page
    assert "Natural Earth" in text


def test_the_locator_map_reads_nothing_live(django_assert_num_queries):
    from rabatnet.imap.picture import locator_svg

    locator_svg("SEN")  # the geometry prepared (and cached) first
    with django_assert_num_queries(0):
        svg = locator_svg("SEN")
    assert SELECTED_SENEGAL.search(svg)
