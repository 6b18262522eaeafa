"""The country migration profile: figures equal the source files, sources named, charts served.

The shipped datasets the page reads are imported once for the module (the test database
holds only reference data) and removed afterwards, so other modules see an empty table.
"""

import csv
import gzip
import io
import re
from collections import defaultdict
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from rabatnet.core.tests.narrowing import present
from rabatnet.network.models import Organisation
from rabatnet.statistics import charts
from rabatnet.statistics.models import Dataset, Geo, Indicator, Observation

from .loaded import PROFILE_DATASETS

DATA = Path(settings.DATA_DIR) / "statistics"
SLUGS = PROFILE_DATASETS
URL = "/en/countries/SEN/profile/"
MARK = '<sup class="mark">†</sup>'  # a derived figure
YEARS_DESA = ["1990", "2005", "2024"]
YEARS_WDI = ["1990", "2010", "2023"]
YEARS_UNHCR = ["2000", "2015", "2024"]
YEARS_EUROSTAT = ["2011", "2019", "2024"]


@pytest.fixture(scope="module", autouse=True)
def shipped_statistics(django_db_setup, django_db_blocker):
    """Import the datasets the page reads; delete every row they created afterwards."""
    models = (Geo, Indicator, Organisation)
    with django_db_blocker.unblock():
        before = {model: set(model.objects.values_list("pk", flat=True)) for model in models}
        for slug in SLUGS:
            call_command("import_dataset", slug, "--no-progress", stdout=io.StringIO())
    cache.clear()
    yield
    cache.clear()
    with django_db_blocker.unblock():
        Observation.objects.filter(dataset__slug__in=SLUGS).delete()
        Dataset.objects.filter(slug__in=SLUGS).delete()
        Geo.objects.exclude(pk__in=before[Geo]).delete()
        Indicator.objects.exclude(pk__in=before[Indicator]).delete()
        publishers = Organisation.objects.exclude(pk__in=before[Organisation])
        ids = list(publishers.values_list("pk", flat=True))
        publishers.delete()
        Organisation.history.filter(id__in=ids).delete()


def rows(relative: str) -> list[dict[str, str]]:
    """A shipped source file, read with the standard library only."""
    with gzip.open(DATA / relative, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


STOCK = "undesa-international-migrant-stock-2024"


def senegal_by_year(relative: str) -> dict[str, dict[str, str]]:
    """The rows of a national file (``iso3`` column) for Senegal, by year."""
    return {r["year"]: r for r in rows(relative) if r["iso3"] == "SEN"}


def english(text: str) -> str:
    """The published digits with English thousands separators (the page's rule)."""
    whole, _dot, decimals = text.partition(".")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{decimals}" if decimals else grouped


class Tables(HTMLParser):
    """The page's tables, each under the text of the <summary> before it."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.summary = ""
        self.current: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.in_summary = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "summary":
            self.in_summary, self.summary = True, ""
        elif tag == "table":
            self.current = self.tables.setdefault(self.summary.strip(), [])
        elif tag == "tr" and self.current is not None:
            self.current.append([])
        elif tag in ("td", "th") and self.current is not None:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "summary":
            self.in_summary = False
        elif tag == "table":
            self.current = None
        elif tag in ("td", "th") and self.cell is not None and self.current is not None:
            self.current[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.in_summary:
            self.summary += data
        if self.cell is not None:
            self.cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    """Summary -> the cells of each body row (the header row left out)."""
    parser = Tables()
    parser.feed(html.replace(MARK, ""))  # the figures; which are derived is tested apart
    return {name: [r for r in body[1:] if r] for name, body in parser.tables.items()}


def by_year(table: list[list[str]]) -> dict[str, list[str]]:
    return {r[0]: r[1:] for r in table}


def ranked(table: list[list[str]]) -> list[list[str]]:
    """The ranked rows (a number in the first cell), without their rank."""
    return [r[1:] for r in table if r[0].isdigit()]


@pytest.fixture
def page(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


# --- The figures are the source files' -----------------------------------------------------


@pytest.mark.django_db
def test_migrant_stock_equals_the_undesa_files(page):
    table = by_year(tables(page)["Table: international migrants by year"])
    shares = by_year(tables(page)["Table: shares by year"])
    destination = senegal_by_year(f"{STOCK}/migrant_stock_by_destination.csv.gz")
    origin = senegal_by_year(f"{STOCK}/migrant_stock_by_origin.csv.gz")
    for year in YEARS_DESA:
        assert table[year] == [
            english(destination[year]["migrants_total"]),
            english(origin[year]["emigrants_total"]),
        ]
        assert shares[year] == [
            english(destination[year]["migrants_pct_of_population"]),
            english(destination[year]["female_pct_of_migrants"]),
        ]
    latest = destination["2024"]
    reading = (
        f"In 2024, {english(latest['migrants_total'])} international migrants lived in Senegal, "
        f"{english(latest['migrants_pct_of_population'])}% of its population; "
        f"{english(latest['female_pct_of_migrants'])}% of them were women."
    )
    assert reading in " ".join(page.split())


def _top(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(pairs, key=lambda p: (-Decimal(p[1]), p[0]))[:10]


@pytest.mark.django_db
def test_origins_and_destinations_rank_the_bilateral_file(page):
    bilateral = [
        r
        for r in rows(f"{STOCK}/migrant_stock_bilateral.csv.gz")
        if r["year"] == "2024" and "SEN" in (r["dest_iso3"], r["orig_iso3"])
    ]
    names = dict(Geo.objects.values_list("code", "name_en"))
    origins = [(r["orig_iso3"], r["total"]) for r in bilateral if r["dest_iso3"] == "SEN"]
    unknown = dict(p for p in origins if p[0] == "OOO")
    found = tables(page)["Table: international migrants by country of birth"]
    expected = _top([p for p in origins if p[0] != "OOO"])
    assert ranked(found) == [[names[code], english(value)] for code, value in expected]
    not_ranked = [r for r in found if r[1].startswith("Other / unknown")]
    assert not_ranked == [
        ["", "Other / unknown (not a country, not ranked)", english(unknown["OOO"])]
    ]
    # The bilateral totals are male + female (gdidata): derived, so marked.
    assert f"{english(unknown['OOO'])}{MARK} migrants have no country of birth in the data" in page

    destinations = [(r["dest_iso3"], r["total"]) for r in bilateral if r["orig_iso3"] == "SEN"]
    found = tables(page)["Table: emigrants by country of residence"]
    assert ranked(found) == [[names[code], english(value)] for code, value in _top(destinations)]


@pytest.mark.django_db
def test_remittances_population_and_net_migration_equal_the_world_bank_files(page):
    def series(name: str, column: str) -> dict[str, str]:
        return {
            year: row[column]
            for year, row in senegal_by_year(f"worldbank-wdi/{name}.csv.gz").items()
        }

    usd = series("remittances_received_usd", "remittances_received_usd")
    pct = series("remittances_received_pct_gdp", "remittances_pct_gdp")
    people = series("population", "population")
    net = series("net_migration", "net_migration")
    remittances = by_year(tables(page)["Table: remittances received by year"])
    population = by_year(tables(page)["Table: population and net migration by year"])
    for year in YEARS_WDI:
        assert remittances[year] == [english(usd[year]), english(pct[year])]
        assert population[year] == [english(people[year]), english(net[year])]


@pytest.mark.django_db
def test_refugees_equal_the_sums_of_the_unhcr_file(page):
    hosted: dict[str, int] = defaultdict(int)
    seekers: dict[str, int] = defaultdict(int)
    originating: dict[str, int] = defaultdict(int)
    for r in rows("unhcr-refugee-statistics/population.csv.gz"):
        if r["asylum_iso3"] == "SEN":
            hosted[r["year"]] += int(r["refugees"] or 0)
            seekers[r["year"]] += int(r["asylum_seekers"] or 0)
        if r["origin_iso3"] == "SEN":
            originating[r["year"]] += int(r["refugees"] or 0)
    table = by_year(tables(page)["Table: refugees and asylum seekers by year"])
    for year in YEARS_UNHCR:
        assert table[year] == [f"{hosted[year]:,}", f"{seekers[year]:,}", f"{originating[year]:,}"]


@pytest.mark.django_db
def test_asylum_in_europe_sums_the_eurostat_file_without_the_eu27_aggregate(page):
    source = [
        r
        for r in rows("eurostat-asylum-applicants/asylum_applicants_annual.csv.gz")
        if r["citizenship_iso3"] == "SEN"
    ]
    total: dict[str, int] = defaultdict(int)
    eu27: dict[str, str] = {}
    for r in source:
        if r["geo_iso3"] == "EU27":
            eu27[r["year"]] = r["applicants"]
        else:
            total[r["year"]] += int(r["applicants"])
    table = by_year(tables(page)["Table: asylum applicants in Europe by year"])
    for year in YEARS_EUROSTAT:
        assert table[year][0] == f"{total[year]:,}"
        assert table[year][2] == (english(eu27[year]) if year in eu27 else "—")
    latest = max(total)
    states = [
        (r["geo_iso3"], r["applicants"])
        for r in source
        if r["year"] == latest and r["geo_iso3"] != "EU27"
    ]
    names = dict(Geo.objects.values_list("code", "name_en"))
    found = tables(page)["Table: asylum applicants by receiving state"]
    assert ranked(found) == [[names[code], english(value)] for code, value in _top(states)]
    assert f"In {latest}, {total[latest]:,}{MARK} citizens of Senegal applied for asylum" in page


# --- Sources, languages, charts, queries ------------------------------------------------------


@pytest.mark.django_db
def test_every_figure_block_names_dataset_publisher_revision_year_and_licence(page):
    blocks = page.split('<div class="figure-block">')[1:]
    assert len(blocks) >= 8
    datasets = {d.slug: d for d in Dataset.objects.select_related("publisher")}
    try:
        link = reverse("statistics:dataset", args=["SLUG"])
    except NoReverseMatch:  # pragma: no cover - the catalogue names it
        link = None
    for block in blocks:
        line = r'<p class="source" data-dataset="([^"]+)" data-years="[^"]*">(.*?)</p>'
        sources = re.findall(line, block, re.S)
        assert sources, block[:300]
        for slug, text in sources:
            dataset = datasets[slug]
            href = link.replace("SLUG", slug) if link else dataset.source_url
            assert f'href="{href}"' in text
            assert dataset.title_en in text
            assert dataset.publisher.name in text
            revision = f'<span class="revision">{dataset.revision}</span>'
            assert revision in text.replace("&amp;", "&")
            assert re.search(r'<span class="year">\d{4}(–\d{4})?</span>', text)
            assert dataset.licence in text


@pytest.mark.django_db
def test_the_french_page_is_in_french(client):
    response = client.get("/fr/countries/SEN/profile/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Sénégal" in html
    assert "Guinée" in html  # the country names of the ranking
    assert "Stock de migrants internationaux 2024 : par destination" in html  # dataset titles
    # French separators: a no-break space between thousands, a decimal comma.
    latest = senegal_by_year(f"{STOCK}/migrant_stock_by_destination.csv.gz")["2024"]
    total, share = latest["migrants_total"], latest["migrants_pct_of_population"]
    assert f"{int(total):,}".replace(",", "\xa0") in html
    assert share.replace(".", ",") in html
    assert f"{int(total):,}" not in html
    assert "/fr/countries/SEN/profile/chart/" in html


@pytest.mark.django_db
def test_the_french_chart_is_drawn_in_french(client):
    response = client.get("/fr/countries/SEN/profile/chart/origins.svg")

    svg = response.content.decode()
    assert "Guinée" in svg
    assert "54\xa0779" in svg  # d3's French locale: a no-break space between thousands


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(charts.CHARTS))
def test_every_chart_is_an_svg_image(client, kind):
    response = client.get(f"/en/countries/SEN/profile/chart/{kind}.svg")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert svg.startswith("<svg")
    assert "<title" in svg and "<desc" in svg
    assert "<script" not in svg
    assert "max-age=600" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_page_addresses_charts_by_revision_and_browsers_keep_them(client, page):
    url = present(re.search(r'<img src="([^"]+/chart/population\.svg\?v=[0-9a-f]+)"', page))[1]

    response = client.get(url.replace("&amp;", "&"))

    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert "max-age=31536000" in response["Cache-Control"]


@pytest.mark.django_db
def test_unknown_charts_and_countries_are_not_found(client):
    assert client.get("/en/countries/SEN/profile/chart/nothing.svg").status_code == 404
    assert client.get("/en/countries/XXX/profile/chart/population.svg").status_code == 404
    assert client.get("/en/countries/XXX/profile/").status_code == 404


@pytest.mark.django_db
def test_a_chart_is_drawn_once_per_revision_and_language(client, monkeypatch):
    cache.clear()
    calls = []
    render = charts.vlc.vegalite_to_svg

    def counted_render(*args, **kwargs):
        calls.append(1)
        return render(*args, **kwargs)

    monkeypatch.setattr(charts.vlc, "vegalite_to_svg", counted_render)
    for _ in range(2):
        client.get("/en/countries/SEN/profile/chart/population.svg")
    client.get("/fr/countries/SEN/profile/chart/population.svg")

    assert len(calls) == 2


@pytest.mark.django_db
def test_the_page_stays_under_its_query_ceiling(client, django_assert_max_num_queries):
    for kind in charts.CHARTS:  # charts cached, as in the benchmark
        client.get(f"/en/countries/SEN/profile/chart/{kind}.svg")
    with django_assert_max_num_queries(15):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/en/countries/SEN/profile/chart/origins.svg").status_code == 200


@pytest.mark.django_db
def test_a_country_without_figures_says_so(client):
    response = client.get("/en/countries/ATA/profile/")

    assert response.status_code == 200
    assert response.content.decode().count("No figures for Antarctica in this dataset.") == 7
    assert client.get("/en/countries/ATA/profile/chart/population.svg").status_code == 404
