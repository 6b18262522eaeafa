"""What a dataset's page says of its values, in English and French: which indicators are
published as released and which derived (by whom, with what formula and inputs), which periods
are partial, whether Kosovo is counted inside Serbia, and how the file was read. The catalogue
says "as published" only of published values."""

import html
import re
from decimal import Decimal

import pytest
from django.core.cache import cache

from ..models import Dataset, Derivation, Geo, Indicator, Observation
from ..services import geo_countries_sync
from .factories import DatasetFactory
from .import_support import load_indicators

pytestmark = pytest.mark.django_db


def observe(dataset: Dataset, indicator: str, geo: str, period: str, value: str, **extra) -> None:
    Observation.objects.create(
        dataset=dataset,
        indicator=Indicator.objects.get(code=indicator),
        geo=Geo.objects.get(code=geo),
        period=period,
        year=int(period[:4]),
        value=Decimal(value),
        value_text=value,
        **extra,
    )


@pytest.fixture
def dataset() -> Dataset:
    """Remittances published, their share of GDP derived; detections of 2025 partial."""
    cache.clear()
    load_indicators()
    geo_countries_sync()
    dataset = DatasetFactory.create(
        slug="mixed",
        title="Mixed dataset",
        kosovo_in_serbia=True,
        import_options={
            "format": "sdmx-csv",
            "indicator": "remittances_received_usd",
            "country_dim": "geo",
            "filter": ["unit=USD", "freq=A"],
            "exclude": ["geo=WLD"],
        },
    )
    observe(dataset, "remittances_received_usd", "SEN", "2024", "2700000000")
    observe(dataset, "remittances_received_pct_gdp", "SEN", "2024", "9.1", derived=True)
    observe(dataset, "remittances_received_pct_gdp", "SEN", "2023", "9.4", derived=True)
    observe(dataset, "dead_and_missing", "SEN", "2024", "12", derived=True)  # 1 of 2 derived
    observe(dataset, "dead_and_missing", "SEN", "2025", "5", covers="2025-01/2025-04")
    Derivation.objects.create(
        dataset=dataset,
        indicator=Indicator.objects.get(code="remittances_received_pct_gdp"),
        derived_by="rabatnet",
        formula_en="remittances received / GDP × 100",
        formula_fr="envois de fonds reçus / PIB × 100",
        inputs_en="BX.TRF.PWKR.CD.DT and NY.GDP.MKTP.CD, same year",
        inputs_fr="BX.TRF.PWKR.CD.DT et NY.GDP.MKTP.CD, même année",
    )
    return dataset


def page(client, language: str = "en", slug: str = "mixed") -> str:
    response = client.get(f"/{language}/data/{slug}/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def section(text: str, anchor: str, end: str = "<h2") -> str:
    """From the element of id ``anchor`` to the next ``end`` (the next heading)."""
    start = text.index(f'id="{anchor}"')
    stop = text.find(end, start)
    return text[start : stop if stop != -1 else None]


def cells(text: str, code: str) -> list[str]:
    row = text[text.index(f"<td><code>{code}</code></td>") :]
    row = row[: row.index("</tr>")]
    return [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def test_each_indicator_says_whether_its_values_are_published_or_derived(client, dataset):
    text = page(client)

    assert cells(text, "remittances_received_usd")[6] == "as published"
    assert cells(text, "remittances_received_pct_gdp")[6] == "derived"
    assert cells(text, "dead_and_missing")[6] == "1 of 2 derived"
    published = section(text, "published", "</p>")
    assert "<code>remittances_received_usd</code> (Personal remittances received)" in published
    assert "remittances_received_pct_gdp" not in published
    assert "dead_and_missing" not in published


def test_each_derivation_is_shown_with_who_how_and_from_what(client, dataset):
    derived = section(page(client), "derived")

    row = derived[derived.index('id="derivation-remittances_received_pct_gdp"') :]
    row = row[: row.index("</tr>")]
    for fact in (
        "Personal remittances received (% of GDP)",
        "rabatnet",
        "remittances received / GDP × 100",
        "BX.TRF.PWKR.CD.DT and NY.GDP.MKTP.CD, same year",
    ):
        assert fact in row


def test_partial_periods_say_which_part_they_cover(client, dataset):
    partial = section(page(client), "partial")

    assert "<td><code>dead_and_missing</code></td>" in partial
    assert "<td>2025</td>" in partial
    assert "January–April 2025" in partial
    assert "(2025-01/2025-04)" in partial
    assert "2024" not in partial


def test_kosovo_counted_inside_serbia_is_said(client, dataset):
    assert "Counted inside Serbia" in section(page(client), "kosovo", "</dd>")

    Dataset.objects.filter(pk=dataset.pk).update(kosovo_in_serbia=False)
    assert "Not counted inside Serbia" in section(page(client), "kosovo", "</dd>")


def test_the_import_options_are_shown(client, dataset):
    options = section(page(client), "import-options")

    assert re.search(r"<dt>Format</dt><dd><code>SDMX-CSV</code></dd>", options)
    assert "<dt>Dimension holding the country</dt><dd><code>geo</code></dd>" in options
    assert "<dd><code>unit=USD</code>, <code>freq=A</code></dd>" in options
    assert "<dt>Rows left out</dt><dd><code>geo=WLD</code></dd>" in options
    assert (
        "import_dataset FILE --format sdmx-csv --indicator remittances_received_usd "
        "--country-dim geo --filter unit=USD --filter freq=A --exclude geo=WLD"
    ) in options


def test_the_dataset_page_in_french(client, dataset):
    # The page's own words come from the catalogue (test_translations checks each is
    # translated); the derivation's words and the months are the French ones.
    text = page(client, "fr")

    derived = section(text, "derived")
    assert "Envois de fonds personnels reçus (% du PIB)" in derived
    assert "envois de fonds reçus / PIB × 100" in derived
    assert "BX.TRF.PWKR.CD.DT et NY.GDP.MKTP.CD, même année" in derived
    assert "remittances received / GDP" not in derived
    assert "janvier–avril 2025" in section(text, "partial")
    assert "<code>SDMX-CSV</code>" in section(text, "import-options")


def test_a_dataset_without_derived_values_or_options_says_so(client, dataset):
    plain = DatasetFactory.create(slug="plain")
    observe(plain, "population", "SEN", "2024", "18000000")

    text = page(client, slug="plain")

    assert "No value of this dataset is derived." in text
    assert 'id="partial"' not in text
    assert 'id="import-options"' not in text
    assert "Not counted inside Serbia" in text


def test_the_catalogue_marks_derived_values_and_says_as_published_only_of_published(
    client, dataset
):
    response = client.get("/en/data/")
    text = html.unescape(response.content.decode()).replace("\n", " ")

    row = next(r for r in re.findall(r"<tr>.*?</tr>", text) if 'href="/en/data/mixed/"' in r)
    assert "<code>remittances_received_pct_gdp</code> <span" in row
    assert "(derived values)" in row
    assert "<code>remittances_received_usd</code></small>" in row  # published: no mark
    assert "as their publishers released them:" not in text
    assert "Values are exactly as published." not in text
    assert "Published values are exactly as their publishers released them" in text


def test_a_dataset_without_countries_says_nothing_of_kosovo(client, dataset):
    routes = DatasetFactory.create(slug="routes")
    Geo.objects.create(code="route-test", kind=Geo.Kind.ROUTE, name="Test route")
    observe(routes, "dead_and_missing", "route-test", "2024", "3")

    assert 'id="kosovo"' not in page(client, slug="routes")
