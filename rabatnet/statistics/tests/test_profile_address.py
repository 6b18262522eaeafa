"""Where the country migration profile lives, and how it is reached."""

import pytest

URL = "/en/countries/SEN/profile/"


@pytest.mark.django_db
def test_lowercase_codes_redirect_to_the_canonical_address(client):
    response = client.get("/en/countries/sen/profile/")

    assert response.status_code == 301
    assert response["Location"] == URL


@pytest.mark.django_db
def test_the_country_page_links_to_the_profile(client):
    response = client.get("/en/countries/SEN/")

    assert f'href="{URL}"' in response.content.decode()
