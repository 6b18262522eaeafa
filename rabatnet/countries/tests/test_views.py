"""The public country pages, in English and in French."""

import re

import pytest

from rabatnet.core.tests.narrowing import present

GROUP_TITLES = ["European partners", "African partners", "Observers", "Former partners"]


def _sections(html: str) -> dict[str, tuple[int, set[str]]]:
    """Each group section of the list page: its title -> (shown count, linked ISO codes)."""
    sections = {}
    for block in re.findall(r"<section>(.*?)</section>", html, flags=re.S):
        heading = re.search(r'<h2>(.*?) <span class="badge">(\d+)</span></h2>', block)
        title, count = present(heading).groups()
        codes = set(re.findall(r'href="/\w\w/countries/([A-Z]{3})/"', block))
        sections[title] = (int(count), codes)
    return sections


@pytest.mark.django_db
def test_country_list_shows_each_group_with_its_count(client):
    response = client.get("/en/countries/")

    assert response.status_code == 200
    sections = _sections(response.content.decode())
    assert list(sections) == GROUP_TITLES
    assert {title: count for title, (count, _) in sections.items()} == {
        "European partners": 29,
        "African partners": 26,
        "Observers": 2,
        "Former partners": 3,
    }
    # The count badge matches the countries actually listed.
    assert all(count == len(codes) for count, codes in sections.values())


@pytest.mark.django_db
def test_country_list_keeps_former_partners_apart(client):
    sections = _sections(client.get("/en/countries/").content.decode())

    assert sections["Former partners"][1] == {"GBR", "ISL", "EGY"}
    assert sections["Observers"][1] == {"DZA", "LBY"}
    assert "GBR" not in sections["European partners"][1]
    assert "EGY" not in sections["African partners"][1]
    assert "SEN" in sections["African partners"][1]


@pytest.mark.django_db
def test_country_list_in_french_shows_french_names(client):
    response = client.get("/fr/countries/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert '<a href="/fr/countries/SEN/">Sénégal</a>' in html
    assert '<a href="/fr/countries/DEU/">Allemagne</a>' in html
    assert ">Senegal<" not in html
    assert ">Germany<" not in html


@pytest.mark.django_db
def test_country_list_in_english_shows_english_names(client):
    html = client.get("/en/countries/").content.decode()

    assert '<html lang="en">' in html
    assert '<a href="/en/countries/SEN/">Senegal</a>' in html
    assert ">Sénégal<" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "other"),
    [("/en/countries/", "/fr/countries/"), ("/fr/countries/", "/en/countries/")],
)
def test_country_list_links_to_itself_in_the_other_language(client, url, other):
    html = client.get(url).content.decode()

    assert f'href="{other}"' in html


@pytest.mark.django_db
def test_country_list_query_count_does_not_grow_with_the_countries(
    client, django_assert_max_num_queries
):
    # 60 countries are listed: a query per country (N+1) would blow far past this.
    with django_assert_max_num_queries(4):
        response = client.get("/en/countries/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_country_detail_shows_names_in_three_languages(client):
    response = client.get("/en/countries/GMB/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<dd lang="en">Gambia</dd>' in html
    assert '<dd lang="fr">Gambie <span class="muted">(UN form: Gambie (la))</span></dd>' in html
    assert '<dd lang="pt">Gâmbia</dd>' in html


@pytest.mark.django_db
def test_country_detail_shows_region_codes_and_membership(client):
    response = client.get("/en/countries/SEN/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Senegal</h1>" in html
    assert '<dd lang="fr">Sénégal <span class="muted">(UN form: Sénégal (le))</span></dd>' in html
    assert '<dd lang="pt">Senegal</dd>' in html
    assert "<dd>SEN · SN · 686</dd>" in html
    assert "<dd>Africa — Sub-Saharan Africa — Western Africa</dd>" in html
    assert '<span class="badge partner">Partner</span> · African · African state' in html


@pytest.mark.django_db
def test_country_detail_lists_every_membership_period(client):
    html = client.get("/en/countries/LBY/").content.decode()

    rows = re.findall(r"<tr><td>(.*?)</tr>", html, flags=re.S)
    cells = [re.findall(r"<td>(.*?)</td>", "<td>" + row, flags=re.S) for row in rows]
    periods = [[re.sub(r"<[^>]+>", "", cell).strip() for cell in row] for row in cells]

    assert periods == [
        ["Partner", "not recorded", "2014", ""],
        ["Observer", "2014", "today", "dialogue partner until 2014, observer since"],
    ]
    assert '<span class="badge observer">Observer</span> · African' in html


@pytest.mark.django_db
def test_country_detail_in_french(client):
    response = client.get("/fr/countries/SEN/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "<h1>Sénégal</h1>" in html
    assert 'href="/en/countries/SEN/"' in html


@pytest.mark.django_db
def test_country_detail_lowercase_code_redirects_to_the_canonical_address(client):
    response = client.get("/en/countries/sen/")

    assert response.status_code == 301
    assert response["Location"] == "/en/countries/SEN/"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["XXX", "ZZ", "SENE"])
def test_country_detail_unknown_code_is_404(client, code):
    assert client.get(f"/en/countries/{code}/").status_code == 404


@pytest.mark.django_db
def test_country_detail_of_a_non_member_says_so(client):
    response = client.get("/en/countries/BRA/")

    assert response.status_code == 200
    assert b"Not a member of the dialogue." in response.content


@pytest.mark.django_db
def test_country_pages_refuse_post(client):
    assert client.post("/en/countries/").status_code == 405
