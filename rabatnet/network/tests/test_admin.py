"""The secretariat manages the network in the admin too; nobody else does."""

import pytest
from django.urls import reverse
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Role
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
    person = f.PersonFactory.create()
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


def test_secretariat_signs_in_to_the_admin_through_the_site(client):
    """From /admin/ to the site's sign-in page and back to the admin, signed in."""
    user = f.secretariat()
    login = client.get(reverse("admin:login"), {"next": "/en/admin/network/"})
    assert login["Location"] == "/en/accounts/login/?next=/en/admin/network/"

    response = client.post(login["Location"], {"username": user.email, "password": f.PASSWORD})

    assert response["Location"] == "/en/admin/network/"
    assert client.get(response["Location"]).status_code == 200
    # Signed in already: the admin's sign-in address leads on.
    assert client.get(reverse("admin:login"))["Location"] == "/en/admin/"


def test_admin_login_refuses_a_member_without_the_right_rather_than_looping(client):
    client.force_login(f.focal_point())
    assert client.get(reverse("admin:login"), {"next": "/en/admin/"}).status_code == 403


def test_admin_login_does_not_lead_offsite(client):
    response = client.get(reverse("admin:login"), {"next": "https://evil.example/"})
    assert response["Location"] == "/en/accounts/login/?next=/en/admin/"


# --- People: the account is not the secretariat's to choose ---------------------------------


def _person_form(person, **changes) -> dict:
    data = {
        "full_name": person.full_name,
        "job_title": person.job_title,
        "organisation": "",
        "email": person.email,
        "phone": person.phone,
        "directory_consent": "on" if person.directory_consent else "",
        "guide_consent": "",
        "language": person.language,
        "working_languages": person.working_languages,
        "record_version": str(person.version),
        "appointments-TOTAL_FORMS": "0",
        "appointments-INITIAL_FORMS": "0",
        "appointments-MIN_NUM_FORMS": "0",
        "appointments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_secretariat_cannot_attach_an_account_to_a_person(client):
    superuser = f.UserFactory.create(email="root@example.org", is_superuser=True, is_staff=True)
    person = f.PersonFactory.create(user=None)
    client.force_login(f.secretariat())
    url = reverse("admin:network_person_change", args=[person.pk])

    response = client.post(url, _person_form(person, user=str(superuser.pk)))

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.user is None
    assert 'name="user"' not in client.get(url).content.decode()


def test_admin_person_email_is_lowercase_and_unique_whatever_the_case(client):
    f.PersonFactory.create(email="taken@example.org")
    person = f.PersonFactory.create(directory_consent=False)
    client.force_login(f.secretariat())
    url = reverse("admin:network_person_change", args=[person.pk])

    response = client.post(url, _person_form(person, email="Taken@Example.org"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"] == [
        "Another person already has this e-mail address."
    ]

    response = client.post(url, _person_form(person, email="New@Example.ORG"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "new@example.org"


def test_admin_person_edit_keeps_administrator_accounts_alone(client):
    person = f.PersonFactory.create(email="root@example.org", user__email="root@example.org")
    assert person.user is not None
    person.user.is_superuser = True
    person.user.save()
    client.force_login(f.secretariat())
    url = reverse("admin:network_person_change", args=[person.pk])

    response = client.post(url, _person_form(person, email="mine@example.org"))

    assert response.status_code == 302
    person.user.refresh_from_db()
    assert person.user.email == "root@example.org"


def test_admin_person_edit_counts_a_version_and_dates_consent(client):
    person = f.PersonFactory.create(directory_consent=False)
    client.force_login(f.secretariat())
    url = reverse("admin:network_person_change", args=[person.pk])

    client.post(url, _person_form(person, directory_consent="on"))

    person.refresh_from_db()
    assert person.version == 2
    assert person.consent_recorded_at is not None


# --- Appointments: never deleted; the same rules as in the pages ----------------------------


def test_appointments_cannot_be_deleted_in_the_admin(client):
    appointment = f.AppointmentFactory.create()
    client.force_login(f.secretariat())

    url = reverse("admin:network_appointment_delete", args=[appointment.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:network_appointment_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [appointment.pk]})
    person_url = reverse("admin:network_person_change", args=[appointment.person.pk])
    assert "appointments-0-DELETE" not in client.get(person_url).content.decode()

    assert Appointment.objects.filter(pk=appointment.pk).exists()


def _inline(person, **appointment) -> dict:
    form = _person_form(person)
    form.update(
        {
            "appointments-TOTAL_FORMS": "1",
            "appointments-0-person": str(person.pk),
            "appointments-0-starts_on": str(timezone.localdate()),
        }
    )
    form.update({f"appointments-0-{k}": str(v) for k, v in appointment.items()})
    return form


@pytest.mark.parametrize(
    ("role", "iso3", "field", "message"),
    [
        (Role.SECRETARIAT, "SEN", "country", "leave the country empty"),
        (Role.FOCAL_POINT, "GBR", "country", "does not take part in the dialogue now"),
    ],
)
def test_admin_appointment_forms_apply_the_rules(client, role, iso3, field, message):
    person = f.PersonFactory.create()
    country = Country.objects.get(iso3=iso3)
    secretariat = f.secretariat()
    client.force_login(secretariat)

    # In the person's page (inline) ...
    url = reverse("admin:network_person_change", args=[person.pk])
    response = client.post(url, _inline(person, role=role, country=country.pk))
    assert response.status_code == 200
    [inline] = response.context["inline_admin_formsets"]
    assert message in str(inline.formset.forms[0].errors[field])

    # ... and on its own page.
    add = reverse("admin:network_appointment_add")
    data = {
        "person": person.pk,
        "role": role,
        "country": country.pk,
        "starts_on": str(timezone.localdate()),
    }
    response = client.post(add, data)
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors[field])
    assert not Appointment.objects.filter(person=person).exists()


def test_admin_inline_records_who_made_the_appointment(client):
    person = f.PersonFactory.create()
    secretariat = f.secretariat()
    client.force_login(secretariat)
    url = reverse("admin:network_person_change", args=[person.pk])

    response = client.post(
        url, _inline(person, role=Role.FOCAL_POINT, country=Country.objects.get(iso3="SEN").pk)
    )

    assert response.status_code == 302
    assert person.appointments.get().created_by == secretariat


def test_admin_can_still_end_a_post_for_a_country_that_left(client):
    """The rules check a new post; ending an old one for a former partner stays possible."""
    appointment = f.AppointmentFactory.create(country=Country.objects.get(iso3="GBR"))
    client.force_login(f.secretariat())
    url = reverse("admin:network_appointment_change", args=[appointment.pk])
    ends_on = timezone.localdate()
    assert appointment.country is not None
    data = {
        "person": appointment.person.pk,
        "role": appointment.role,
        "country": appointment.country.pk,
        "starts_on": str(appointment.starts_on),
        "ends_on": str(ends_on),
    }

    assert client.post(url, data).status_code == 302
    appointment.refresh_from_db()
    assert appointment.ends_on == ends_on


def test_admin_history_revert_goes_through_as_a_new_version(client):
    person = f.PersonFactory.create(job_title="Director")
    first = person.history.get()
    client.force_login(f.secretariat())
    client.post(
        reverse("admin:network_person_change", args=[person.pk]),
        _person_form(person, job_title="Head of unit"),
    )
    url = reverse("admin:network_person_simple_history", args=[person.pk, first.history_id])

    # The revert page carries the stored version (2), not the old copy's.
    response = client.post(url, _person_form(person, job_title="Director", record_version="2"))

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.job_title, person.version) == ("Director", 3)
