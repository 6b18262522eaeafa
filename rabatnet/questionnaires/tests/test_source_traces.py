"""Part I records made from a candidate show their trace on the country's source mapping."""

import pytest
from django.urls import reverse
from django.utils import timezone

from rabatnet.network.tests import factories as f
from rabatnet.sources.models import Source

from ..models import Candidate
from .compilation_fixtures import ansd, pending_candidate

pytestmark = pytest.mark.django_db


def test_an_accepted_source_shows_its_trace_on_the_mapping(client) -> None:
    candidate = pending_candidate(kind="source")
    source = Source.objects.create(
        country=candidate.guide.country,
        entity=ansd(),
        name="RGPHE 2023",
        kind=Source.Kind.CENSUS,
        periodicity=Source.Periodicity.MULTI_YEAR,
        access=Source.Access.PUBLIC,
    )
    Source.objects.create(
        country=candidate.guide.country,
        entity=ansd(),
        name="Typed by hand",
        kind=Source.Kind.OTHER,
        periodicity=Source.Periodicity.AD_HOC,
        access=Source.Access.PUBLIC,
    )
    Candidate.objects.filter(pk=candidate.pk).update(
        status=Candidate.Status.ACCEPTED, record_id=source.pk, decided_at=timezone.now()
    )
    client.force_login(f.workgroup_member("SEN"))
    page = client.get(reverse("sources:list", kwargs={"iso3": "SEN"})).content.decode()
    assert page.count("From questionnaire “Information sources (test)” (test_compile)") == 1
    assert "respondent Awa Ndiaye" in page
    french = client.get("/fr" + reverse("sources:list", kwargs={"iso3": "SEN"})[3:])
    assert "(test_compile)" in french.content.decode()
