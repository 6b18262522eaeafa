"""The map page: every layer's address in both languages, its parts, htmx, bad input."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from rabatnet.imap.types import LAYERS

from .map_fixtures import Calls, fake_map

pytestmark = pytest.mark.django_db
__all__ = ["fake_map"]


def url(language: str = "en", query: str = "") -> str:
    with override(language):
        return reverse("imap:map") + query


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("layer", LAYERS)
def test_every_layer_renders_in_both_languages(client, fake_map: Calls, language, layer) -> None:
    response = client.get(url(language, f"?layer={layer}"))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"Test layer {layer}" in html
    assert 'data-test-picture="1"' in html  # the picture inline
    assert fake_map.states[-1].layer == layer


def test_the_page_has_legend_table_sources_and_downloads(client, fake_map: Calls) -> None:
    response = client.get(url(query="?layer=indicator&indicator=pop&year=2020"))

    html = response.content.decode()
    assert (
        '<span class="legend-swatch c4 symbol-fill" aria-hidden="true"></span> 1,000 and more'
        in html
    )
    assert '<span class="count">(1)</span>' in html
    assert "Classes: quantiles (5)" in html
    assert "<caption>Test layer indicator</caption>" in html
    assert '<th scope="col">Value</th>' in html
    assert '<th scope="row">Senegal<sup class="mark" title="derived">†</sup></th>' in html
    assert '<td class="derived" data-derived>1,234</td>' in html and "† derived:" in html
    assert '<span class="nodata">no data</span>' in html
    assert "partial year" in html
    assert 'href="/en/statistics/datasets/un-desa-stock/"' in html or "un-desa-stock" in html
    assert "UN DESA" in html and "2024-11" in html and "1990–2024" in html
    query = "?layer=indicator&amp;indicator=pop&amp;year=2020"
    for name in ("map.svg", "map.png", "map.csv"):
        assert f'href="/en/map/{name}{query}"' in html
    assert "&lt;iframe src=&quot;http://testserver/en/map/embed/?layer=indicator" in html


def test_the_dataset_is_linked_from_the_sources(client, fake_map: Calls) -> None:
    html = client.get(url(query="?layer=bilateral&country=SEN")).content.decode()

    assert f'href="{reverse("statistics:dataset", kwargs={"slug": "un-desa-stock"})}"' in html


def test_layer_links_keep_the_country_and_mark_the_current_one(client, fake_map: Calls) -> None:
    html = client.get(url(query="?layer=guides&country=SEN")).content.decode()

    assert (
        'href="/en/map/?layer=membership&amp;country=SEN" hx-get="/en/map/?layer=membership&amp;'
        'country=SEN" hx-target="#map-state" hx-swap="outerHTML" hx-push-url="true">'
    ) in html
    assert 'hx-push-url="true" aria-current="page">Country guides</a>' in html


def test_year_links_for_every_year_the_current_one_marked(client, fake_map: Calls) -> None:
    html = client.get(url(query="?layer=routes&year=2020")).content.decode()

    assert 'href="/en/map/?layer=routes&amp;year=2024"' in html
    assert 'hx-push-url="true" aria-current="page">2020</a>' in html
    assert 'aria-current="page">2024</a>' not in html


def test_membership_has_no_year_links(client, fake_map: Calls) -> None:
    html = client.get(url(query="?layer=membership")).content.decode()

    assert 'class="map-years"' not in html


def test_bilateral_has_direction_links(client, fake_map: Calls) -> None:
    html = client.get(url(query="?layer=bilateral&country=SEN&direction=origins")).content.decode()

    assert 'href="/en/map/?layer=bilateral&amp;country=SEN&amp;direction=destinations"' in html
    assert 'aria-current="page">Where its migrants come from</a>' in html
    assert fake_map.states[-1].direction == "origins"


def test_indicator_picker_lists_the_indicators(client, fake_map: Calls) -> None:
    html = client.get(url(query="?layer=indicator&indicator=stock")).content.decode()

    assert '<select id="map-indicator" name="indicator">' in html
    assert '<option value="stock" selected>Stock</option>' in html
    assert '<option value="pop">Population</option>' in html


def test_the_selected_country_is_highlighted_with_its_panel(client, fake_map: Calls) -> None:
    html = client.get(url(query="?layer=membership&country=sen")).content.decode()

    assert fake_map.pictures[-1]["highlight"] == "SEN"
    assert fake_map.pictures[-1]["link_target"] == ""
    assert fake_map.panels == ["SEN"]
    assert 'class="map-panel"' in html
    assert '<tr data-key="SEN" class="selected" aria-current="true">' in html


def test_no_panel_without_a_country(client, fake_map: Calls) -> None:
    html = client.get(url()).content.decode()

    assert fake_map.panels == []
    assert 'class="map-panel"' not in html
    assert fake_map.pictures[-1]["highlight"] == ""


def test_table_rows_select_their_country(client, fake_map: Calls) -> None:
    html = client.get(url(query="?layer=membership")).content.decode()

    assert '<a href="/en/map/?layer=membership&amp;country=MLI"' in html
    assert '<span class="visually-hidden"> Mali</span>' in html


def test_htmx_gets_only_the_state_part(client, fake_map: Calls) -> None:
    response = client.get(url(query="?layer=routes"), headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="map-state"')
    assert "<html" not in html and "site-header" not in html
    assert "Test layer routes" in html


def test_htmx_history_restore_gets_the_whole_page(client, fake_map: Calls) -> None:
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    html = client.get(url(), headers=headers).content.decode()

    assert "<html" in html


def test_the_site_header_links_to_the_map(client, fake_map: Calls) -> None:
    home = client.get(reverse("core:home")).content.decode()
    with override("fr"):
        accueil = client.get(reverse("core:home")).content.decode()

    assert '<a href="/en/map/">Map</a>' in home
    assert '<a href="/fr/map/">' in accueil
