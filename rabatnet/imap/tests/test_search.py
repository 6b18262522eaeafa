"""Finding a country by name (English or French, any case or accents, part of it) or code."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from rabatnet.imap.search import MAX_MATCHES, country_name, find_countries, fold

from .map_fixtures import Calls, fake_map

pytestmark = pytest.mark.django_db
__all__ = ["fake_map"]


def codes(query: str) -> list[str]:
    return [match.iso3 for match in find_countries(query)]


def test_fold_drops_case_accents_and_spaces() -> None:
    assert fold("  Sénégal ") == fold("SENEGAL") == "senegal"
    assert fold("Côte d’Ivoire") == "cote d'ivoire"


@pytest.mark.parametrize(
    "query", ["Senegal", "Sénégal", "senegal", "SÉNÉGAL", "sn", "SEN", "sen", " Sénégal (le) "]
)
def test_one_country_by_name_or_code(query: str) -> None:
    assert codes(query) == ["SEN"]


def test_a_french_name_in_french_or_english() -> None:
    assert codes("Allemagne") == ["DEU"]
    assert codes("allemagne") == ["DEU"]
    assert codes("Germany") == ["DEU"]


def test_a_whole_name_wins_over_longer_names() -> None:
    assert codes("Niger") == ["NER"]


def test_part_of_a_name_lists_every_match() -> None:
    found = codes("guin")

    assert {"GIN", "GNB", "GNQ"} <= set(found)
    assert len(found) <= MAX_MATCHES + 1


def test_names_are_in_the_active_language() -> None:
    with override("fr"):
        names = {m.iso3: m.name for m in find_countries("guin")}
    assert names["GNB"] == "Guinée-Bissau"


def test_nothing_matches() -> None:
    assert codes("Atlantis") == []
    assert codes("   ") == []


def test_country_name() -> None:
    assert country_name("SEN") == "Senegal"
    assert country_name("XXX") is None


def map_url(language: str, query: str) -> str:
    with override(language):
        return reverse("imap:map") + query


@pytest.mark.parametrize(
    ("language", "q"), [("en", "Senegal"), ("fr", "Sénégal"), ("fr", "senegal"), ("en", "SN")]
)
def test_the_search_goes_to_the_countrys_state_keeping_the_layer(
    client, fake_map: Calls, language, q
):
    response = client.get(map_url(language, f"?layer=guides&year=2020&q={q}"), follow=True)

    assert response.redirect_chain == [
        (f"/{language}/map/?layer=guides&year=2020&country=SEN", 302)
    ]
    assert response.status_code == 200
    state = fake_map.states[-1]
    assert (state.layer, state.country, state.q) == ("guides", "SEN", "")
    assert fake_map.pictures[-1]["highlight"] == "SEN"
    assert fake_map.panels == ["SEN"]


def test_the_search_by_htmx_swaps_the_state_and_pushes_its_address(client, fake_map: Calls):
    response = client.get(map_url("en", "?layer=routes&q=sen"), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["HX-Push-Url"] == "/en/map/?layer=routes&country=SEN"
    assert response.content.decode().lstrip().startswith('<div id="map-state"')
    assert fake_map.panels == ["SEN"]


def test_a_search_with_another_problem_stays_to_say_it(client, fake_map: Calls) -> None:
    response = client.get(map_url("en", "?year=1&q=Senegal"))

    assert response.status_code == 200
    assert "The map has no year before 1900." in response.content.decode()
    assert fake_map.states[-1].country == "SEN"


def test_several_matches_are_links(client, fake_map: Calls) -> None:
    html = client.get(map_url("en", "?layer=routes&year=2020&q=guin")).content.decode()

    assert "Countries that match “guin”:" in html
    assert 'href="/en/map/?layer=routes&amp;year=2020&amp;country=GNB"' in html
    assert fake_map.states[-1].country == ""


def test_no_match_says_so(client, fake_map: Calls) -> None:
    with override("fr"):
        html = client.get(map_url("en", "?q=Atlantis")).content.decode()

    assert "No country matches “Atlantis”." in html
    assert fake_map.states[-1].country == ""


def test_an_unknown_code_is_dropped_with_a_message(client, fake_map: Calls) -> None:
    response = client.get(map_url("en", "?country=XXX"))

    assert response.status_code == 200
    assert "No country has the code XXX." in response.content.decode()
    assert fake_map.states[-1].country == ""
    assert fake_map.panels == []


def test_the_search_form_is_a_plain_get_form_keeping_the_state(client, fake_map: Calls) -> None:
    html = client.get(map_url("en", "?layer=indicator&indicator=pop&country=MLI")).content.decode()

    assert '<form method="get" action="/en/map/" class="map-search" role="search"' in html
    assert '<input type="hidden" name="layer" value="indicator">' in html
    assert '<input type="hidden" name="indicator" value="pop">' in html
    assert 'name="country"' not in html.split('class="map-search"')[1].split("</form>")[0]
    assert 'type="search" name="q"' in html
