"""Layer ``guides``: stage per member, published guides linked, sources of the published edition."""

import pytest

from rabatnet.countries.models import Country
from rabatnet.guides.tests.factories import drafted_guide, published_guide
from rabatnet.imap.layers import build_layer
from rabatnet.imap.types import MapState
from rabatnet.sources.models import Source

pytestmark = pytest.mark.django_db


def test_stages_links_and_published_sources() -> None:
    published_guide("SEN")
    drafted_guide("MLI")
    layer = build_layer(MapState(layer="guides"))
    assert layer.fills["SEN"] == "g-published"
    assert layer.fills["MLI"] == "g-drafting"
    assert layer.fills["FRA"] == "g-none"
    assert "USA" not in layer.fills
    rows = {row.key: row for row in layer.rows}
    assert rows["SEN"].url == "/en/countries/SEN/guide/?lang=fr"
    assert rows["SEN"].cells[2] == "2" and rows["SEN"].value == 2
    assert rows["MLI"].url == "" and rows["MLI"].value is None
    assert rows["FRA"].cells[0] == "no guide"
    counts = {entry.key: entry.count for entry in layer.legend}
    assert counts["g-published"] == 1 and counts["g-drafting"] == 1
    assert counts["g-none"] == len(layer.fills) - 2
    assert any(source.url == rows["SEN"].url for source in layer.sources)


def test_a_source_added_after_publication_is_not_counted() -> None:
    guide = published_guide("SEN")
    Source.objects.create(
        country=Country.objects.get(iso3="SEN"),
        entity=guide.country.sources.get(name__startswith="Recensement").entity,
        name="A new survey, still in the draft",
        kind=Source.Kind.HOUSEHOLD_SURVEY,
        periodicity=Source.Periodicity.AD_HOC,
        access=Source.Access.PUBLIC,
    )
    assert guide.country.sources.count() == 3  # the live records, which the draft shows
    rows = {row.key: row for row in build_layer(MapState(layer="guides")).rows}
    assert rows["SEN"].cells[2] == "2"
