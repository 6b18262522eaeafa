"""Contact pickers (a source's contact, a guide's workgroup member) list only the people who
consented to be listed, or people of the editor's own countries; the secretariat sees all.
A posted id outside that list is a form error."""

from typing import Any

import pytest
from django.urls import reverse

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.guides.models import Stage
from rabatnet.guides.services import guide_advance, guide_start
from rabatnet.network.models import Appointment, Organisation, Person, Role
from rabatnet.network.tests import factories as f
from rabatnet.sources.models import Source

from .helpers import _form_data


@pytest.fixture
def people(db: Any, senegal: Country) -> dict[str, Person]:
    ansd = f.OrganisationFactory.create(name="ANSD", country=senegal)
    iom = f.OrganisationFactory.create(
        name="IOM", kind=Organisation.Kind.INTERNATIONAL, country=None
    )
    mali_posted = f.PersonFactory.create(
        full_name="Posted In Mali", organisation=iom, directory_consent=False
    )
    f.AppointmentFactory.create(
        person=mali_posted, role=Role.EXPERT, country=Country.objects.get(iso3="MLI")
    )
    return {
        "senegal_unlisted": f.PersonFactory.create(
            full_name="Senegal Unlisted", organisation=ansd, directory_consent=False
        ),
        "international_listed": f.PersonFactory.create(
            full_name="International Listed", organisation=iom, directory_consent=True
        ),
        "international_unlisted": f.PersonFactory.create(
            full_name="International Unlisted", organisation=iom, directory_consent=False
        ),
        "mali_posted": mali_posted,
    }


def _sen_and_mli_editor() -> User:
    user = f.focal_point("SEN")
    Appointment.objects.create(
        person=user.person,
        role=Role.WORKGROUP_MEMBER,
        country=Country.objects.get(iso3="MLI"),
        starts_on=user.person.appointments.get().starts_on,
    )
    return user


# Role -> the people of the fixture its picker lists.
EXPECTED = {
    "focal_point": {"senegal_unlisted", "international_listed"},
    "workgroup_member": {"senegal_unlisted", "international_listed"},
    "sen_and_mli": {"senegal_unlisted", "international_listed", "mali_posted"},
    "secretariat": {
        "senegal_unlisted",
        "international_listed",
        "international_unlisted",
        "mali_posted",
    },
}
USERS = {
    "focal_point": lambda: f.focal_point("SEN"),
    "workgroup_member": lambda: f.workgroup_member("SEN"),
    "sen_and_mli": _sen_and_mli_editor,
    "secretariat": f.secretariat,
}


def _listed(response: Any, field: str, people: dict[str, Person]) -> set[str]:
    shown = {
        int(pk)
        for pk in response.context["form"].fields[field].queryset.values_list("pk", flat=True)
    }
    return {key for key, person in people.items() if person.pk in shown}


@pytest.mark.parametrize("role", EXPECTED)
def test_the_source_contact_picker(client: Any, people: dict[str, Person], role: str) -> None:
    client.force_login(USERS[role]())
    url = reverse("sources:create", kwargs={"iso3": "SEN"})

    assert _listed(client.get(url), "contact", people) == EXPECTED[role]
    entity = Organisation.objects.get(name="ANSD")
    for key, person in people.items():
        response = client.post(url, _form_data(entity, name=f"Source {key}", contact=person.pk))
        if key in EXPECTED[role]:
            assert response.status_code == 302, key
        else:
            assert response.status_code == 200, key
            assert "contact" in response.context["form"].errors
            assert not Source.objects.filter(name=f"Source {key}").exists()


@pytest.mark.parametrize("role", EXPECTED)
def test_the_workgroup_member_picker(client: Any, people: dict[str, Person], role: str) -> None:
    guide = guide_start(country=Country.objects.get(iso3="SEN"), language="fr", actor=None)
    guide_advance(guide=guide, stage=Stage.DRAFTING, actor=None)
    client.force_login(USERS[role]())
    url = reverse("guides:part_create", kwargs={"iso3": "SEN", "part": "workgroup"})

    assert _listed(client.get(url), "person", people) == EXPECTED[role]
    for key, person in people.items():
        response = client.post(url, {"person": person.pk, "role_in_group": key})
        if key in EXPECTED[role]:
            assert response.status_code == 302, key
        else:
            assert response.status_code == 200, key
            assert "person" in response.context["form"].errors


def test_a_contact_already_named_stays_listed_for_the_record(
    client: Any, people: dict[str, Person], senegal: Country
) -> None:
    """A source whose contact the editor could not pick keeps it when edited."""
    unlisted = people["international_unlisted"]
    entity = Organisation.objects.get(name="ANSD")
    source = Source.objects.create(
        country=senegal,
        entity=entity,
        name="Named before",
        kind=Source.Kind.CENSUS,
        periodicity=Source.Periodicity.ANNUAL,
        access=Source.Access.PUBLIC,
        contact=unlisted,
    )
    source.areas.set([1])
    client.force_login(f.focal_point("SEN"))
    url = reverse("sources:edit", kwargs={"iso3": "SEN", "pk": source.pk})

    assert "international_unlisted" in _listed(client.get(url), "contact", people)
    data = _form_data(
        entity, name="Named before, edited", contact=unlisted.pk, version=source.version
    )
    assert client.post(url, data).status_code == 302
