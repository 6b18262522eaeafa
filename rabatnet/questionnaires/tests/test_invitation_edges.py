"""Inviting respondents, probed: a second click does not invite twice (two mails, a
respondent counted twice in the response rate); the respondents' addresses are for those
who run the questionnaire, not every reader of the country."""

import pytest
from django.core import mail
from django.urls import reverse

from rabatnet.network.tests import factories as f
from rabatnet.questionnaires.models import Invitation

from .answer_fixtures import invited

pytestmark = pytest.mark.django_db


def _invite_url(invitation: Invitation) -> str:
    kwargs = {"form_id": invitation.questionnaire.form_id, "iso3": "SEN"}
    return reverse("answers:invite", kwargs=kwargs)


def test_inviting_the_same_address_twice_is_refused_until_its_link_is_withdrawn(
    client, django_capture_on_commit_callbacks
):
    invitation = invited()
    client.force_login(f.focal_point("SEN"))
    data = {
        "department": invitation.department_id,
        "respondent_name": "Awa Ndiaye",
        "respondent_email": "AWA.Ndiaye@example.org",  # the same address, other capitals
        "language": "fr",
    }
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(_invite_url(invitation), data)
    assert again.status_code == 200
    assert "is already invited to this questionnaire" in again.content.decode()
    assert Invitation.objects.count() == 1 and not mail.outbox
    invitation.revoked_at = invitation.expires_at
    invitation.save()
    assert client.post(_invite_url(invitation), data).status_code == 302
    assert Invitation.objects.count() == 2


def test_respondents_addresses_are_shown_to_who_runs_the_questionnaire_only(client):
    invitation = invited()
    url = reverse("answers:country", kwargs={"form_id": "test_sources", "iso3": "SEN"})
    client.force_login(f.coordinating_authority("SEN"))
    body = client.get(url).content.decode()
    assert "Awa Ndiaye" in body and "awa.ndiaye@example.org" not in body
    client.force_login(f.focal_point("SEN"))
    assert invitation.respondent_email in client.get(url).content.decode()


def test_a_submitted_invitations_link_is_not_withdrawn(client):
    """Withdrawing it (a forged post: the page has no button) took the submitted answers out
    of the response rate."""
    from ..country_selectors import invitations_of, response_rates
    from .factories import make_response

    invitation = invited()
    make_response(invitation.questionnaire, "SEN", {("staff", 0): "4"}, invitation=invitation)
    client.force_login(f.focal_point("SEN"))
    kwargs = {"form_id": "test_sources", "iso3": "SEN", "pk": invitation.pk, "step": "revoke"}
    page = client.post(reverse("answers:invitation_step", kwargs=kwargs), follow=True)
    assert "the link is not withdrawn" in page.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    _rates, total = response_rates(invitations_of(invitation.questionnaire, invitation.country))
    assert (total.invited, total.submitted) == (1, 1)
