"""A focal point designates people of its country as follow-up contributors and ends
designations; contributors enter for that country only; erasure ends designations."""

import pytest
from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.followup.initiative_permissions import can_enter_for_country
from rabatnet.followup.models import Contributor
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def _senegalese():
    organisation = f.OrganisationFactory.create(country=Country.objects.get(iso3="SEN"))
    return f.PersonFactory.create(organisation=organisation)


def test_focal_point_designates_and_ends(client):
    sen = Country.objects.get(iso3="SEN")
    person = _senegalese()
    assert not can_enter_for_country(person.user, sen)
    client.force_login(f.focal_point("SEN"))
    url = reverse("initiatives:contributors", args=["SEN"])
    assert person.display_name in client.get(url).content.decode()  # offered
    assert client.post(url, {"person": person.pk}).status_code == 302
    designation = Contributor.objects.get(person=person, ended_at__isnull=True)
    user = type(person.user).objects.get(pk=person.user.pk)
    assert can_enter_for_country(user, sen)
    assert not can_enter_for_country(user, Country.objects.get(iso3="MLI"))
    end = reverse("initiatives:contributor_end", args=[designation.pk])
    assert client.post(end).status_code == 302
    designation.refresh_from_db()
    assert designation.ended_at is not None
    user = type(person.user).objects.get(pk=person.user.pk)
    assert not can_enter_for_country(user, sen)


def test_only_people_of_the_country_are_offered(client):
    malian = f.PersonFactory.create(
        organisation=f.OrganisationFactory.create(country=Country.objects.get(iso3="MLI"))
    )
    client.force_login(f.focal_point("SEN"))
    url = reverse("initiatives:contributors", args=["SEN"])
    response = client.post(url, {"person": malian.pk})
    assert response.status_code == 200
    assert "person" in response.context["form"].errors
    assert not Contributor.objects.exists()
    response = client.post(url, {"person": "9" * 30})
    assert response.status_code == 200


def test_workgroup_and_contributors_see_but_do_not_designate(client):
    person = _senegalese()
    url = reverse("initiatives:contributors", args=["SEN"])
    client.force_login(f.workgroup_member("SEN"))
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"] is None
    assert client.post(url, {"person": person.pk}).status_code == 403
    client.force_login(f.focal_point("MLI"))
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_secretariat_designates_and_another_focal_point_cannot_end(client):
    person = _senegalese()
    client.force_login(f.secretariat())
    url = reverse("initiatives:contributors", args=["SEN"])
    assert client.post(url, {"person": person.pk}).status_code == 302
    designation = Contributor.objects.get()
    client.force_login(f.focal_point("MLI"))
    end = reverse("initiatives:contributor_end", args=[designation.pk])
    assert client.post(end).status_code == 403
    designation.refresh_from_db()
    assert designation.ended_at is None


def test_erasure_ends_designations_and_personal_data_lists_them():
    from rabatnet.followup.initiative_receivers import personal_data
    from rabatnet.network.erasure import person_erase

    person = _senegalese()
    Contributor.objects.create(country=Country.objects.get(iso3="SEN"), person=person)
    assert personal_data(person)[0]["country"] == "SEN"
    person_erase(person=person, actor=f.secretariat())
    assert Contributor.objects.get().ended_at is not None
