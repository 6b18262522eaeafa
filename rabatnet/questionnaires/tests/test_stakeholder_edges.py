"""The workgroup invitation, probed: once the country withdraws its declaration, or the
person's data is erased, a pending link no longer joins anybody to the workgroup (it gave a
workgroup appointment, hence the country's private area)."""

import pytest
from django.utils import timezone

from rabatnet.guides.models import WorkgroupMember
from rabatnet.network.models import Appointment, Role

from ..interest_services import interest_withdraw
from ..models import Stakeholder
from ..stakeholder_invitations import make_token
from ..stakeholder_services import stakeholder_invite
from .interest_samples import declared, with_stakeholder

pytestmark = pytest.mark.django_db


def _invited() -> Stakeholder:
    stakeholder = with_stakeholder(declared("SEN"), with_account=True)
    return stakeholder_invite(stakeholder=stakeholder, actor=None)


def _nobody_joined(stakeholder: Stakeholder) -> None:
    stakeholder.refresh_from_db()
    assert stakeholder.status == Stakeholder.Status.INVITED
    assert not WorkgroupMember.objects.filter(guide=stakeholder.guide).exists()
    assert not Appointment.objects.filter(
        person=stakeholder.person, role=Role.WORKGROUP_MEMBER
    ).exists()


def test_a_withdrawn_declarations_link_joins_nobody(client):
    stakeholder = _invited()
    url = f"/en/workgroup/invitation/{make_token(stakeholder)}/"
    interest = stakeholder.guide.expression_of_interest
    interest_withdraw(interest=interest, reason="Plus de moyens", actor=None)
    page = client.get(url)
    assert page.status_code == 410
    assert "the country withdrew its declaration" in page.content.decode()
    assert client.post(url, {"answer": "accept"}).status_code == 410
    _nobody_joined(stakeholder)


def test_an_erased_persons_link_joins_nobody(client):
    stakeholder = _invited()
    url = f"/en/workgroup/invitation/{make_token(stakeholder)}/"
    assert stakeholder.person is not None
    stakeholder.person.erased_at = timezone.now()
    stakeholder.person.save()
    assert client.post(url, {"answer": "accept"}).status_code == 410
    _nobody_joined(stakeholder)
