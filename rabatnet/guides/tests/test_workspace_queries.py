"""The workspace's queries do not grow with the number of records (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rabatnet.guides.demo import DEMO_DIR, load_demo_guides
from rabatnet.guides.models import ActorRole, Challenge, ChallengeType, Guide, WorkgroupMember
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db

# The demo guide of Senegal (rabatnet/guides/demo.py) took 100 queries before the parts'
# related rows were fetched with them (one query per actor, member and challenge); 17 since.
WORKSPACE_QUERIES = 19


def _workspace_queries(client, guide: Guide) -> int:
    url = reverse("guides:workspace", kwargs={"iso3": guide.country.iso3})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{url}?lang={guide.language}")
    assert response.status_code == 200
    return len(queries)


def _more_records(guide: Guide) -> None:
    """A record more in each part whose name shows a related row."""
    organisation = f.OrganisationFactory.create()
    ActorRole.objects.create(guide=guide, organisation=organisation, stage="decision")
    WorkgroupMember.objects.create(
        guide=guide, person=f.PersonFactory.create(organisation=organisation)
    )
    for challenge_type in ChallengeType.objects.all()[:3]:
        Challenge.objects.create(guide=guide, challenge_type=challenge_type)


def test_workspace_queries_do_not_grow_with_the_records(client):
    load_demo_guides([DEMO_DIR / "senegal.json"])
    guide = Guide.objects.get(country__iso3="SEN")
    client.force_login(f.secretariat())
    before = _workspace_queries(client, guide)
    _more_records(guide)
    assert _workspace_queries(client, guide) == before
    assert before <= WORKSPACE_QUERIES, f"{before} queries on the demo guide's workspace"
