"""The highlighted map of a country, reached through ``core.country_maps``: the country page
and the guide's print document show whatever renderer is registered, and nothing without one.

Here a hand-made renderer stands in: the real one (registered by ``ImapConfig.ready``) is
tested in ``test_country_maps_drawn.py``.
"""

import pytest

from rabatnet.core import country_maps
from rabatnet.guides.models.guide import content_hash
from rabatnet.guides.rendering import render_guide_print
from rabatnet.guides.snapshot import guide_snapshot
from rabatnet.guides.tests.factories import drafted_guide

pytestmark = pytest.mark.django_db


def hand_made(iso3: str, *, standalone: bool = False) -> str:
    from django.utils.translation import get_language

    kind = "standalone" if standalone else "inline"
    return f'<svg data-test="{kind}" lang="{get_language()}"><path data-iso3="{iso3}"/></svg>'


@pytest.fixture
def registry(monkeypatch) -> list:
    """An empty registry for the test (the app's renderer back afterwards)."""
    empty: list = []
    monkeypatch.setattr(country_maps, "_registered", empty)
    return empty


@pytest.fixture
def registered(registry) -> None:
    country_maps.register_country_map(
        hand_made, page_url=lambda iso3: f"/en/map/?country={iso3}", stylesheet="imap/map.css"
    )


@pytest.mark.usefixtures("registered")
def test_the_country_page_shows_the_registered_map_with_its_stylesheet_and_link(client):
    html = client.get("/en/countries/SEN/").content.decode()

    figure = html[html.index('<figure class="country-map">') :]
    assert figure.index('<svg data-test="inline"') < figure.index('data-iso3="SEN"')
    assert 'href="/en/map/?country=SEN"' in figure
    assert 'rel="stylesheet" href="/static/imap/map' in html
    assert "style=" not in figure.split("</figure>")[0]


@pytest.mark.usefixtures("registry")
def test_without_a_renderer_the_country_page_has_no_map(client):
    response = client.get("/en/countries/SEN/")

    assert response.status_code == 200
    assert "country-map" not in response.content.decode()
    assert country_maps.country_map("SEN") == ""
    assert country_maps.country_map_page_url("SEN") == ""


@pytest.mark.usefixtures("registered")
def test_the_guide_print_document_holds_the_standalone_map_in_the_guides_language():
    guide = drafted_guide("SEN", "fr")
    content = guide_snapshot(guide)

    html = render_guide_print(content, content_hash(content))

    title_page = html[html.index('<section class="title-page">') : html.index("</section>")]
    assert '<svg data-test="standalone" lang="fr"><path data-iso3="SEN"/>' in title_page


def test_a_later_registration_replaces_the_earlier(registry):
    country_maps.register_country_map(hand_made)
    country_maps.register_country_map(lambda iso3, *, standalone=False: "<svg>2</svg>")

    assert country_maps.country_map("SEN") == "<svg>2</svg>"
    assert len(registry) == 1
