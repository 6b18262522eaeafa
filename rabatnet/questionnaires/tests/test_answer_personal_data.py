"""A respondent who is a person of the network: their invitations are in "all data held
about me", and erasure clears their name and address and withdraws the link."""

import pytest

from rabatnet.network.erasure import person_erase
from rabatnet.network.registries import PERSONAL_DATA
from rabatnet.network.tests import factories as f
from rabatnet.questionnaires.models import Invitation
from rabatnet.questionnaires.tests.factories import make_response

from .answer_fixtures import invited

pytestmark = pytest.mark.django_db


def test_invitations_are_the_persons_data_and_go_at_erasure():
    person = f.PersonFactory.create(email="awa.ndiaye@example.org")
    invitation = invited()
    response = make_response(invitation.questionnaire, "SEN", invitation=invitation)
    [row] = PERSONAL_DATA["questionnaire_invitations"](person)
    assert row["respondent_email"] == "awa.ndiaye@example.org"
    assert row["questionnaire"] == "test_sources" and row["country"] == "SEN"
    person_erase(person=person, actor=f.secretariat())
    invitation = Invitation.objects.get(pk=invitation.pk)
    assert invitation.respondent_email == "" and invitation.revoked_at is not None
    assert "Awa" not in invitation.respondent_name
    response.refresh_from_db()
    assert response.respondent_name == ""
