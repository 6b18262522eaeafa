"""The downloads read the query with the map page's own parser: its messages, as a 400 page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["map.svg", "map.png", "map.csv"])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("layer=chorizo", "There is no map layer called “chorizo”."),
        ("layer=indicator&indicator=population&year=19x", "A year is written with four digits"),
        ("layer=bilateral&country=S3N", "A country is given by its three-letter ISO code"),
        ("layer=bilateral&country=SEN&direction=sideways", "The direction is “origins”"),
    ],
)
def test_a_bad_query_answers_400_with_the_parsers_message(client, path, query, message):
    response = client.get(f"/en/map/{path}?{query}")

    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_french_message_on_the_french_site(client):
    response = client.get("/fr/map/map.csv?layer=chorizo")
    assert response.status_code == 400
    assert "chorizo" in response.content.decode()
