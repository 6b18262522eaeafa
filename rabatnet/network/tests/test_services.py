"""Writes of the network: appointments, people, stale edits, bad input."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network import services
from rabatnet.network.models import Appointment, Person, Role
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_appointment_rules_name_the_field(senegal):
    person = f.PersonFactory()
    cases = [
        ({"role": Role.FOCAL_POINT}, "country"),
        ({"role": Role.SECRETARIAT, "country": senegal}, "country"),
        ({"role": Role.THEMATIC_CONTACT, "country": senegal}, "theme"),
        ({"role": Role.FOCAL_POINT, "country": senegal, "ends_on": TODAY}, "ends_on"),
        ({"role": "minister", "country": senegal}, "role"),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as error:
            services.appointment_create(person=person, starts_on=TODAY, **kwargs)
        assert field in error.value.message_dict
    assert not Appointment.objects.filter(person=person).exists()


def test_ending_an_appointment_keeps_its_history(senegal):
    user = f.focal_point("SEN")
    appointment = user.person.appointments.get()
    services.appointment_end(appointment=appointment, ends_on=TODAY, actor=f.secretariat())
    assert Appointment.objects.filter(pk=appointment.pk, ends_on=TODAY).exists()
    assert not Appointment.objects.current().filter(pk=appointment.pk).exists()
    assert appointment.history.count() == 2
    with pytest.raises(ValidationError):
        services.appointment_end(appointment=appointment, ends_on=appointment.starts_on)


def test_consent_is_timestamped_and_cleared():
    person = services.person_create(
        full_name="Aminata", email="A@Example.org", directory_consent=True
    )
    assert person.email == "a@example.org" and person.consent_recorded_at is not None
    person.directory_consent = False
    services.person_update(person=person, expected_version=person.version)
    person.refresh_from_db()
    assert person.consent_recorded_at is None and person.version == 2


def test_stale_person_edit_is_refused_and_shows_what_changed(client):
    secretariat = f.secretariat()
    person = f.PersonFactory(full_name="First Name", job_title="Director")
    url = reverse("network:person_edit", kwargs={"pk": person.pk})
    form = {
        "full_name": person.full_name,
        "job_title": "Director",
        "email": person.email,
        "phone": "",
        "directory_consent": "on",
        "version": person.version,
    }
    client.force_login(secretariat)
    # Somebody else saves first.
    assert client.post(url, {**form, "job_title": "Head of unit"}).status_code == 302
    # The second save, made from the old version, is refused; nothing of it is written.
    response = client.post(url, {**form, "full_name": "Second Name"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this record" in page and "Head of unit" in page
    # Only the other person's change is listed, not this person's own edit.
    assert [label for label, _ in response.context["form"].stale_changes] == ["Position"]
    person.refresh_from_db()
    assert (person.full_name, person.job_title, person.version) == ("First Name", "Head of unit", 2)
    # Submitting again from the refreshed form goes through.
    assert client.post(url, {**form, "full_name": "Second Name", "version": 2}).status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Second Name" and person.version == 3


def test_person_form_refuses_bad_input(client):
    existing = f.PersonFactory()
    client.force_login(f.secretariat())
    before = Person.objects.count()
    response = client.post(reverse("network:person_create"), {"full_name": "", "email": "nope"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"full_name", "email"}
    response = client.post(
        reverse("network:person_create"), {"full_name": "Twin", "email": existing.email}
    )
    assert "email" in response.context["form"].errors
    assert Person.objects.count() == before


def test_appointment_form_refuses_bad_input(client):
    person = f.PersonFactory()
    client.force_login(f.secretariat())
    url = reverse("network:appointment_create", kwargs={"pk": person.pk})
    response = client.post(url, {"role": Role.FOCAL_POINT, "starts_on": str(TODAY)})
    assert "country" in response.context["form"].errors
    senegal = Country.objects.get(iso3="SEN")
    response = client.post(
        url,
        {
            "role": Role.FOCAL_POINT,
            "country": senegal.pk,
            "starts_on": str(TODAY),
            "ends_on": str(TODAY - timedelta(days=1)),
        },
    )
    assert "ends_on" in response.context["form"].errors
    assert not person.appointments.exists()
    response = client.post(
        url, {"role": Role.FOCAL_POINT, "country": senegal.pk, "starts_on": str(TODAY)}
    )
    assert response.status_code == 302 and person.appointments.get().country == senegal


def test_secretariat_creates_person_and_organisation(client):
    secretariat = f.secretariat()
    client.force_login(secretariat)
    response = client.post(
        reverse("network:organisation_create"),
        {
            "name": "Agence nationale de la statistique et de la démographie",
            "acronym": "ANSD",
            "kind": "government",
            "country": Country.objects.get(iso3="SEN").pk,
            "website": "www.ansd.sn",
        },
    )
    assert response.status_code == 302
    organisation = services.Organisation.objects.get(acronym="ANSD")
    assert organisation.website == "https://www.ansd.sn"
    assert organisation.history.get().history_user == secretariat
    response = client.post(
        reverse("network:person_create"),
        {"full_name": "Awa Diop", "email": "awa@example.sn", "organisation": organisation.pk},
    )
    person = Person.objects.get(email="awa@example.sn")
    assert response["Location"] == person.get_absolute_url()
    assert person.history.get().history_user == secretariat


def test_person_with_account_create_is_idempotent(senegal):
    for _ in range(2):
        person = services.person_with_account_create(
            email="Focal@Example.sn",
            full_name="Focal",
            role=Role.FOCAL_POINT,
            country=senegal,
            password="a long enough password",
        )
    assert person.user.email == "focal@example.sn"
    assert person.user.check_password("a long enough password")
    assert Appointment.objects.filter(person=person).count() == 1


def test_no_post_for_a_former_partner():
    united_kingdom = Country.objects.get(iso3="GBR")
    with pytest.raises(ValidationError) as error:
        services.appointment_create(
            person=f.PersonFactory(), role=Role.FOCAL_POINT, country=united_kingdom
        )
    assert "does not take part in the dialogue now" in error.value.message_dict["country"][0]
