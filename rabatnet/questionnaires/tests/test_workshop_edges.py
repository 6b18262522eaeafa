"""Workshop pages, probed: two people editing one outcome (outcomes keep no version: the
second save silently overwrote the first)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from rabatnet.network.tests import factories as f

from .. import workshop_services as services
from ..compilation_services import propose_from_workshop
from .workshop_fixtures import planned

pytestmark = pytest.mark.django_db


def test_a_stale_outcome_edit_is_refused_and_saving_again_wins(client):
    workshop = planned()
    outcome = services.outcome_add(workshop=workshop, kind="need", text="Formation", by=None)
    url = reverse("workshops:outcome_edit", args=[workshop.pk, outcome.pk])
    client.force_login(f.focal_point("SEN"))
    seen = client.get(url).context["form"]["seen"].value()
    first = client.post(url, {"kind": "need", "text": "Formation des agents", "seen": seen})
    assert first.status_code == 302
    stale = client.post(url, {"kind": "challenge", "text": "Autre chose", "seen": seen})
    assert stale.status_code == 200
    assert "Formation des agents" in str(stale.context["form"].non_field_errors())
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.text) == ("need", "Formation des agents")
    # The page now carries the outcome as it is: saving again is a decision, and wins.
    again = stale.context["form"]["seen"].value()
    assert again != seen
    assert (
        client.post(url, {"kind": "challenge", "text": "Autre chose", "seen": again}).status_code
        == 302
    )
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.text) == ("challenge", "Autre chose")
    # A page without the fingerprint (incomplete) changes nothing either.
    assert client.post(url, {"kind": "need", "text": "Sans empreinte"}).status_code == 200
    outcome.refresh_from_db()
    assert outcome.text == "Autre chose"


def test_a_second_click_adds_no_second_line(client):
    """The sign-in list, the experts and the outcomes took the same line twice (and two
    identical outcomes proposed two candidates)."""
    workshop = planned()
    client.force_login(f.focal_point("SEN"))
    posts = [
        ("workshops:participant_add", {"full_name": "Awa Secrète", "function": "Cheffe"}),
        ("workshops:expert_add", {"full_name": "Jean Expert", "scope": "local"}),
        ("workshops:outcome_add", {"kind": "need", "text": "Formation des agents"}),
    ]
    for name, data in posts:
        url = reverse(name, args=[workshop.pk])
        assert client.post(url, data).status_code == 302, name
        again = client.post(url, data)
        assert again.status_code == 200, name
        assert "already" in str(again.context["form"].non_field_errors()), name
    assert workshop.participants.count() == 1
    assert workshop.experts.count() == 1
    assert workshop.outcomes.count() == 1


def test_a_proposed_outcome_stays_as_proposed(client):
    """The candidate copies the outcome when proposed: editing the outcome afterwards made the
    workshop's report and the record the workgroup reviews say different things."""
    workshop = planned()
    proposed = services.outcome_add(workshop=workshop, kind="need", text="Formation", by=None)
    propose_from_workshop(workshop=workshop, actor=None)
    fresh = services.outcome_add(workshop=workshop, kind="need", text="Matériel", by=None)
    client.force_login(f.focal_point("SEN"))

    page = client.get(reverse("workshops:detail", args=[workshop.pk])).content.decode()
    assert "proposed for the guide" in page
    assert reverse("workshops:outcome_edit", args=[workshop.pk, proposed.pk]) not in page
    assert reverse("workshops:outcome_edit", args=[workshop.pk, fresh.pk]) in page
    url = reverse("workshops:outcome_edit", args=[workshop.pk, proposed.pk])
    assert client.get(url).status_code == 302
    refused = client.post(url, {"kind": "need", "text": "Autre", "seen": "x"}, follow=True)
    assert "it stays as proposed" in refused.content.decode()
    removed = reverse("workshops:outcome_remove", args=[workshop.pk, proposed.pk])
    assert "it stays as proposed" in client.post(removed, follow=True).content.decode()
    with pytest.raises(ValidationError, match="stays as proposed"):
        services.outcome_update(
            workshop=workshop, outcome=proposed, kind="need", text="Autre", by=f.secretariat()
        )
    proposed.refresh_from_db()
    assert (proposed.text, workshop.outcomes.count()) == ("Formation", 2)
