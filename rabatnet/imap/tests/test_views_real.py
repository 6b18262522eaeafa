"""The map page and its embed on the shipped datasets: every layer in both languages, the
picture, legend, table and sources of real values."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from rabatnet.imap import views
from rabatnet.imap.types import LAYERS
from rabatnet.statistics.tests.loaded import shipped_datasets

pytestmark = pytest.mark.django_db
# The layers and the renderer are the other helpers' work: these run once they are merged.
pytest.importorskip("rabatnet.imap.layers.membership")
pytest.importorskip("rabatnet.imap.picture")
shipped = shipped_datasets(
    "undesa-ims-2024-bilateral",
    "undesa-ims-2024-destination",
    "frontex-detections",
    "iom-missing-migrants",
)


@pytest.fixture(autouse=True)
def _no_panel(monkeypatch: pytest.MonkeyPatch) -> None:
    """The panel is another part's (tested there): here the page around it."""
    monkeypatch.setattr(views, "build_panel", lambda user, iso3, layer: None)


QUERIES = {
    "membership": "?layer=membership",
    "guides": "?layer=guides",
    "indicator": "?layer=indicator&indicator=migrant_stock_total",
    "bilateral": "?layer=bilateral&country=SEN&direction=destinations&year=2024",
    "routes": "?layer=routes&year=2024",
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("layer", LAYERS)
@pytest.mark.parametrize("name", ["imap:map", "imap:embed"])
def test_every_layer_on_the_shipped_data(client, name, layer, language) -> None:
    with override(language):
        url = reverse(name) + QUERIES[layer]

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "<svg" in html and 'data-iso3="SEN"' in html
    assert 'class="legend-swatch ' in html
    assert 'class="message warning"' not in html  # no complaint on these states


def test_senegals_emigrants_in_the_table_with_their_source(client) -> None:
    html = client.get(reverse("imap:map") + QUERIES["bilateral"]).content.decode()

    table = html.split('class="map-table"')[1].split("</table>")[0]
    for partner in ("France", "Gambia", "Italy"):
        assert f'<th scope="row">{partner}<' in table or f">{partner}</a>" in table
    assert "176,632" in table
    assert 'aria-current="page">2024</a>' in html  # the year shown, marked among its links
    assert 'data-dataset="undesa-ims-2024-bilateral"' in html
    assert "† derived" in html and 'France<sup class="mark"' in table


def test_the_indicators_years_are_links_and_the_picker_lists_it(client) -> None:
    html = client.get(reverse("imap:map") + QUERIES["indicator"]).content.decode()

    assert '<option value="migrant_stock_total" selected>' in html
    assert 'href="/en/map/?layer=indicator&amp;indicator=migrant_stock_total&amp;year=1990"' in html
    assert '<span class="nodata">' in html or "nodata" in html
