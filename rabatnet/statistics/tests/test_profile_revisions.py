"""The profile follows the data, not file names: each indicator from its latest revision."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.core.cache import cache

from rabatnet.core.tests.narrowing import present

from .import_support import TIDY_HEADER, load_indicators, run, write_csv
from .profile_support import dataset, observe, section, source_lines

pytestmark = pytest.mark.django_db
URL = "/en/countries/SEN/profile/"


def population_section(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return section(response.content.decode(), "population")


def chart_address(client) -> str:
    html = client.get(URL).content.decode()
    return present(re.search(r'<img src="([^"]+/chart/population\.svg\?v=[0-9a-f]+)"', html))[1]


def import_population(path: Path, slug: str, released: str, value: str) -> None:
    write_csv(path, TIDY_HEADER, [["population", "SEN", "", "2023", value, "persons", ""]])
    run(
        str(path),
        *("--dataset", slug, "--title", f"Population {slug}", "--publisher", "Test Office"),
        *("--revision", slug, "--licence", "CC BY 4.0", "--retrieved", released),
        *("--released", released),
    )


def test_a_revision_imported_under_a_new_slug_replaces_the_figures(client, tmp_path):
    load_indicators()
    import_population(tmp_path / "first.csv", "population-2025", "2025-01-10", "18000000")
    before = population_section(client)
    chart_before = chart_address(client)

    import_population(tmp_path / "revised.csv", "population-2026", "2026-02-01", "18100000")
    cache.clear()  # the page cache of another helper may key by revision; here, the data
    after = population_section(client)

    assert "18,000,000" in before and "18,100,000" not in before
    assert "18,100,000" in after and "18,000,000" not in after
    assert [line["slug"] for line in source_lines(after)] == ["population-2026"]
    assert chart_address(client) != chart_before  # the chart is drawn again


def test_the_latest_release_wins_then_the_latest_import(client):
    older = dataset("wdi-old", released=date(2024, 7, 1))
    newer = dataset("wdi-new", released=date(2025, 7, 1))
    observe(older, "population", "SEN", "2022", "17000000")
    observe(newer, "population", "SEN", "2022", "17300000")
    observe(older, "net_migration", "SEN", "2022", "-10000")  # only the older holds it

    html = population_section(client)

    assert "17,300,000" in html and "17,000,000" not in html
    assert "-10,000" in html
    assert [line["slug"] for line in source_lines(html)] == ["wdi-new", "wdi-old"]


def test_a_revision_released_earlier_does_not_win_by_being_imported_later(client):
    newer = dataset("desa-2024", released=date(2025, 1, 15))
    older = dataset("desa-2020", released=date(2021, 1, 15))
    observe(newer, "migrant_stock_total", "SEN", "2024", "281032")
    observe(older, "migrant_stock_total", "SEN", "2020", "274929")

    html = client.get(URL).content.decode()

    assert "281,032" in html and "274,929" not in html
