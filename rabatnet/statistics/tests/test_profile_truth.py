"""The profile tells published from derived figures, partial years from whole ones, says
what Serbia's figures hold, and shows each indicator's unit (factory data)."""

import pytest

from ..models import Indicator
from .profile_support import (
    MARK,
    cells,
    dataset,
    derivation,
    flat,
    observe,
    section,
    source_lines,
)

pytestmark = pytest.mark.django_db
URL = "/en/countries/SEN/profile/"
# The shipped slugs: the page finds these factory rows on main too, so each test fails there
# for what it checks, not for the slug.
WDI, EUROSTAT, UNHCR = "worldbank-wdi", "eurostat-asylum-applicants", "unhcr-population"
DESA = "undesa-ims-2024-destination"


def page(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def remittances():
    """US$ as published, % of GDP derived by rabatnet (as the World Bank rows will be)."""
    wdi = dataset(WDI)
    for year, usd, pct in (("2021", "2000000", "7.5"), ("2022", "2500000", "8.25")):
        observe(wdi, "remittances_received_usd", "SEN", year, usd, unit=Indicator.Unit.USD)
        observe(
            wdi,
            "remittances_received_pct_gdp",
            "SEN",
            year,
            pct,
            derived=True,
            unit=Indicator.Unit.PERCENT,
        )
    derivation(
        wdi,
        "remittances_received_pct_gdp",
        "remittances_received_usd / gdp_usd × 100",
        "remittances_received_usd / gdp_usd × 100 (en %)",
        "rabatnet",
    )
    return wdi


# --- Published and derived ---------------------------------------------------------------------


def test_derived_figures_are_marked_and_their_formula_given(client, remittances):
    html = section(page(client), "remittances")

    by_year = {
        (c["text"].replace(MARK, ""), "data-derived" in c["attributes"]) for c in cells(html)
    }
    assert by_year == {("2,000,000", False), ("2,500,000", False), ("7.5", True), ("8.25", True)}
    assert html.count(MARK) == 3  # the two % cells, and the % in the sentence
    assert f"8.25{MARK}% of its gross domestic product" in html
    [line] = source_lines(html)
    text = flat(line["text"])
    assert "† derived by rabatnet: remittances_received_usd / gdp_usd × 100" in text
    assert "the figures without † are as published" in text


def test_the_french_page_gives_the_formula_in_french(client, remittances):
    html = section(page(client, "/fr/countries/SEN/profile/"), "remittances")

    assert "remittances_received_usd / gdp_usd × 100 (en %)" in html


def test_only_published_figures_are_called_as_published(client, remittances):
    html = page(client)

    assert "exactly as published" not in html
    [line] = source_lines(section(html, "remittances"))
    assert "figures as published" not in flat(line["text"])  # some are derived


def test_sums_made_by_the_page_are_derived_by_rabatnet(client):
    eurostat = dataset(EUROSTAT)
    for state, text in (("ESP", "100"), ("FRA", "50")):
        observe(eurostat, "asylum_applicants", state, "2023", text, partner="SEN")

    html = section(page(client), "asylum-europe")

    table = html[html.index("Table: asylum applicants in Europe by year") :]
    total = cells(table)[0]
    assert total["text"] == "150" + MARK and "data-derived" in total["attributes"]
    assert cells(table)[1]["text"] == "2" + MARK  # states reporting: counted here
    text = flat(source_lines(html)[0]["text"])
    assert "derived by rabatnet: sum of the figures of the receiving states" in text
    assert "figures as published" not in text


# --- Partial years -----------------------------------------------------------------------------


@pytest.fixture
def partial_europe():
    frontex_like = dataset(EUROSTAT)
    wdi = dataset(WDI)
    for period, covers, spain, france in (
        ("2023", "", "100", "50"),
        ("2024", "2024-01/2024-04", "30", "10"),
    ):
        for state, text in (("ESP", spain), ("FRA", france)):
            observe(
                frontex_like, "asylum_applicants", state, period, text, partner="SEN", covers=covers
            )
    observe(wdi, "population", "SEN", "2023", "18000000")
    observe(wdi, "population", "SEN", "2024", "6000000", covers="2024-01/2024-04")
    return frontex_like


def test_a_partial_year_is_marked_and_never_the_latest(client, partial_europe):
    html = page(client)
    europe = section(html, "asylum-europe")

    assert "In 2023, 150 † citizens of Senegal applied for asylum" in flat(europe)
    assert '<th scope="row">2024 (Jan–Apr)</th>' in europe
    partial = [c for c in cells(europe) if "data-covers" in c["attributes"]]
    assert [c["text"].replace(MARK, "") for c in partial] == ["40", "2"]
    assert "partial year: 2024 (Jan–Apr)" in flat(source_lines(europe)[0]["text"])
    people = section(html, "population")
    assert "In 2023, Senegal had 18,000,000 inhabitants." in flat(people)


def test_rankings_compare_whole_years_only(client, partial_europe):
    europe = section(page(client), "asylum-europe")

    ranking = europe[europe.index("Table: asylum applicants by receiving state") :]
    assert {c["attributes"].split('"')[1] for c in cells(ranking)} == {"2023"}
    assert "Spain received the most: 100." in flat(europe)


def test_whole_and_partial_figures_of_a_year_are_never_added(client):
    mixed = dataset(EUROSTAT)
    observe(mixed, "asylum_applicants", "ESP", "2024", "100", partner="SEN")
    observe(mixed, "asylum_applicants", "FRA", "2024", "7", partner="SEN", covers="2024-01/2024-02")
    observe(mixed, "asylum_applicants", "ESP", "2023", "90", partner="SEN")

    europe = section(page(client), "asylum-europe")

    assert "107" not in europe
    assert "In 2023, 90 † citizens of Senegal" in flat(europe)


def test_a_chart_marks_its_partial_year(client, partial_europe):
    svg = client.get("/en/countries/SEN/profile/chart/asylum-europe.svg").content.decode()

    assert "2024: Jan–Apr only (partial year)" in svg
    assert "Derived (rabatnet)" in svg


# --- Kosovo ------------------------------------------------------------------------------------


@pytest.fixture
def serbia():
    desa = dataset(DESA, kosovo_in_serbia=True)
    observe(desa, "migrant_stock_total", "SRB", "2024", "800000")
    wdi = dataset(WDI)
    observe(wdi, "population", "SRB", "2023", "6600000")


def test_serbia_says_which_figures_include_kosovo(client, serbia):
    html = page(client, "/en/countries/SRB/profile/")

    stock = flat(source_lines(section(html, "stock"))[0]["text"])
    assert "Serbia's figures include Kosovo (UNSCR 1244)." in stock
    people = flat(source_lines(section(html, "population"))[0]["text"])
    assert "Kosovo (UNSCR 1244) is counted apart: Serbia's figures do not include it." in people


def test_other_profiles_say_nothing_of_kosovo(client, serbia):
    desa = dataset(DESA)
    observe(desa, "migrant_stock_total", "SEN", "2024", "280000")

    assert "Kosovo" not in page(client)


# --- Units -------------------------------------------------------------------------------------


def test_each_source_line_names_the_unit_of_its_figures(client, remittances):
    unhcr = dataset(UNHCR)
    observe(unhcr, "refugees_hosted", "SEN", "2024", "14000", unit=Indicator.Unit.CASES)

    html = page(client)

    money = flat(source_lines(section(html, "remittances"))[0]["text"])
    assert "unit: current US dollars, percent" in money
    refugees = flat(source_lines(section(html, "displacement"))[0]["text"])
    assert "unit: cases (one case may cover several persons)" in refugees
    assert "unit: persons" not in refugees


# --- Source lines cover their figures ----------------------------------------------------------


def test_a_source_line_states_the_years_of_every_series_beside_it(client):
    unhcr = dataset(UNHCR)
    observe(unhcr, "refugees_originating", "SEN", "1969", "10")
    observe(unhcr, "refugees_originating", "SEN", "1991", "12")
    observe(unhcr, "refugees_hosted", "SEN", "1992", "5")
    observe(unhcr, "refugees_hosted", "SEN", "2025", "6")

    [line] = source_lines(section(page(client), "displacement"))

    assert line["years"] == "1969–2025"
    assert '<span class="year">1969–2025</span>' in line["text"]


def test_a_source_line_has_years_when_only_its_second_series_has_figures(client):
    wdi = dataset(WDI)
    observe(wdi, "remittances_received_pct_gdp", "SEN", "2019", "3.1", unit="percent")

    [line] = source_lines(section(page(client), "remittances"))

    assert line["years"] == "2019"


def test_a_chart_of_cases_says_cases_on_its_axis(client):
    unhcr = dataset(UNHCR)
    observe(unhcr, "refugees_hosted", "SEN", "2023", "13000", unit=Indicator.Unit.CASES)
    observe(unhcr, "refugees_hosted", "SEN", "2024", "14000", unit=Indicator.Unit.CASES)

    svg = client.get("/en/countries/SEN/profile/chart/displacement.svg").content.decode()

    assert "cases (one case may cover several persons)" in svg
    assert "persons, end of year" not in svg
