"""The secretariat manages the network in the admin too; nobody else does."""

import pytest
from django.urls import reverse

from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def test_secretariat_reaches_the_dialogue_data_in_the_admin(client):
    client.force_login(f.secretariat())
    assert client.get(reverse("admin:index")).status_code == 200
    for name in [
        "network_person",
        "network_appointment",
        "network_organisation",
        "countries_country",
        "strategy_objective",
    ]:
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name
    person = f.PersonFactory()
    assert client.get(reverse("admin:network_person_change", args=[person.pk])).status_code == 200


def test_secretariat_cannot_manage_accounts_in_the_admin(client):
    client.force_login(f.secretariat())
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_other_roles_and_ended_secretariat_are_kept_out(client):
    for user in (f.focal_point(), f.secretariat(ends_on=f.timezone.localdate())):
        client.force_login(user)
        response = client.get(reverse("admin:index"))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
