"""Every network rule against each kind of person (anonymous and inactive included)."""

import pytest

from rabatnet.accounts.models import User
from rabatnet.core.tests.rule_matrix import MEMBERS_OF_SENEGAL, PEOPLE
from rabatnet.network import permissions as p
from rabatnet.network.tests import factories as f
from rabatnet.statistics.permissions import can_view_overdue_datasets

pytestmark = pytest.mark.django_db

IN_POST = MEMBERS_OF_SENEGAL | {"focal point of Mali", "expert"}


@pytest.mark.parametrize("person", PEOPLE)
def test_network_rules(senegal, person):
    user = PEOPLE[person]()
    listed = f.PersonFactory.create(directory_consent=True)
    unlisted = f.PersonFactory.create(directory_consent=False)
    organisation = f.OrganisationFactory.create()
    appointment = f.AppointmentFactory.create()
    secretariat = person == "secretariat"
    assert p.can_view_private_area(user) == (person in IN_POST)
    assert p.can_view_directory(user) == (person in IN_POST)
    assert can_view_overdue_datasets(user) == (person in IN_POST)
    assert p.can_view_country_area(user, senegal) == (person in MEMBERS_OF_SENEGAL)
    assert p.can_view_person(user, listed) == (person in IN_POST)
    assert p.can_view_person(user, unlisted) == secretariat
    assert p.can_change_person(user, listed) == secretariat
    assert p.can_appoint_person(user, listed) == secretariat
    assert p.can_manage_network(user) == secretariat
    assert p.can_change_organisation(user, organisation) == secretariat
    assert p.can_change_appointment(user, appointment) == secretariat


@pytest.mark.parametrize("person", ["focal point", "ended focal point", "inactive focal point"])
def test_a_person_sees_and_changes_their_own_record_while_active(person):
    user = PEOPLE[person]()
    assert isinstance(user, User)
    own = user.person
    active = person != "inactive focal point"
    assert p.can_view_person(user, own) == active
    assert p.can_change_person(user, own) == active
