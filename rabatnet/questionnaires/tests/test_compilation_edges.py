"""Compilation pages, probed: a decision whose reviewer's account is gone."""

import pytest
from django.urls import reverse

from rabatnet.network.tests import factories as f

from .. import compilation_services as services
from ..models import Candidate
from .compilation_fixtures import pending_candidate

pytestmark = pytest.mark.django_db


def test_a_decision_whose_reviewer_was_deleted_names_nobody(client):
    """It read "on 2 December 2026 by None"."""
    candidate = pending_candidate()
    reviewer = f.workgroup_member("SEN")
    services.candidate_reject(
        candidate=candidate, expected_version=candidate.version, reason="Doublon", actor=reviewer
    )
    Candidate.objects.filter(pk=candidate.pk).update(decided_by=None)  # the account erased
    client.force_login(f.secretariat())
    for url in (
        reverse("compilation:review", kwargs={"iso3": "SEN"}),
        reverse("compilation:candidate", kwargs={"pk": candidate.pk}),
    ):
        page = client.get(url).content.decode()
        assert "Doublon" in page or "Rejected" in page, url
        assert "by None" not in page, url
