"""The statistics pages read the database through ``selectors`` only, at a fixed cost."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .loaded import PROFILE_DATASETS, shipped_datasets

APP = Path(__file__).resolve().parents[1]
SHAPERS = ["catalogue.py", "profile.py", "downloads.py", "charts.py", "views"]
shipped = shipped_datasets(*PROFILE_DATASETS)

# Queries per page once its coverage and charts are cached, as measured before the
# selectors were split out: the move must not add one. The profile reads the derivations of
# the derived figures it shows in one more query (issue 8).
PAGES = {
    "/en/data/": 6,
    "/en/data/worldbank-wdi/": 2,
    "/en/countries/SEN/profile/": 8,
    "/en/data/download/?indicator=migrant_stock_bilateral&country=SEN&format=csv": 5,
    "/en/data/download/?indicator=population&country=SEN&format=xlsx": 5,
    "/api/v1/datasets": 2,
    "/api/v1/indicators": 3,
    "/api/v1/observations?indicator=population&country=SEN": 4,
}


def _orm_uses(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return re.findall(r"\.objects\b|\bfrom django\.db\.models import\b", text)


def test_the_modules_that_shape_the_pages_never_query_the_database():
    files = [p for name in SHAPERS for p in sorted((APP / name).glob("*.py")) or [APP / name]]

    found = {str(p.relative_to(APP)): _orm_uses(p) for p in files if _orm_uses(p)}

    assert found == {}


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "ceiling"), PAGES.items())
def test_each_page_costs_no_more_queries_than_before(client, url, ceiling):
    first = client.get(url)  # coverage and charts computed and cached
    if first.streaming:
        b"".join(first.streaming_content)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)

    assert response.status_code == 200
    assert len(queries) <= ceiling, [q["sql"][:120] for q in queries.captured_queries]
