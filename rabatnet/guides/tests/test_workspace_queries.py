"""The workspace's queries do not grow with the number of records (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rabatnet.guides.demo import DEMO_DIR, load_demo_guides
from rabatnet.guides.models import Guide, Recommendation
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db

# Measured on the demo guide of Senegal (rabatnet/guides/demo.py); see test_url_walk for the
# ceilings of every page.
WORKSPACE_QUERIES = 30


def _workspace_queries(client, guide: Guide) -> int:  # type: ignore[no-untyped-def]
    url = reverse("guides:workspace", kwargs={"iso3": guide.country.iso3})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{url}?lang={guide.language}")
    assert response.status_code == 200
    return len(queries)


def test_workspace_queries_do_not_grow_with_the_records(client):
    load_demo_guides([DEMO_DIR / "senegal.json"])
    guide = Guide.objects.get(country__iso3="SEN")
    client.force_login(f.secretariat())
    before = _workspace_queries(client, guide)
    for record in list(Recommendation.objects.filter(guide=guide))[:3]:
        record.pk = None
        record.save()
    after = _workspace_queries(client, guide)
    print(f"workspace queries on the demo guide: {before}")
    assert after == before
    assert before <= WORKSPACE_QUERIES
