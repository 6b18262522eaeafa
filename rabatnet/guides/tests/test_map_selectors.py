"""``guides.map_selectors``: the guide the map shows per country, read from the published
edition's snapshot."""

import pytest
from pytest_django import DjangoAssertNumQueries

from rabatnet.guides.map_selectors import guides_on_map, sources_mapped
from rabatnet.guides.models import Edition

from .factories import drafted_guide, published_guide

pytestmark = pytest.mark.django_db


def test_sources_mapped_counts_distinct_sources_of_every_group() -> None:
    source = {"id": "sources.source:1", "name": "Census"}
    content = {
        "part1": {
            "groups": [
                {"entities": [{"sources": [source, {"id": "sources.source:2"}]}]},
                {"entities": [{"sources": [source]}, {"sources": []}]},
            ]
        }
    }
    assert sources_mapped(content) == 2
    assert sources_mapped({}) == 0


def test_the_published_guide_wins_over_a_draft_in_another_language(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    published_guide("SEN", "fr")
    drafted_guide("MLI", "fr")
    with django_assert_max_num_queries(2):
        found = guides_on_map("en")
    senegal = found["SEN"]
    edition = Edition.objects.get(guide__country__iso3="SEN")
    assert (senegal.stage, senegal.language, senegal.edition_number) == ("published", "fr", 1)
    assert senegal.sources == sources_mapped(edition.content) == 2
    assert senegal.url == "/en/countries/SEN/guide/?lang=fr"
    assert found["MLI"].stage == "drafting" and found["MLI"].url == ""
    assert found["MLI"].sources is None
    assert "FRA" not in found
