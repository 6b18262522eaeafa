"""Writes of the network: appointments, people, stale edits, bad input."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network import services
from rabatnet.network.models import Appointment, Person, Role
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def today() -> date:
    """Today, read when a test runs: a constant taken at collection goes stale at midnight."""
    return timezone.localdate()


def test_appointment_rules_name_the_field(senegal):
    person = f.PersonFactory.create()
    cases = [
        ({"role": Role.FOCAL_POINT}, "country"),
        ({"role": Role.SECRETARIAT, "country": senegal}, "country"),
        ({"role": Role.THEMATIC_CONTACT, "country": senegal}, "theme"),
        ({"role": Role.FOCAL_POINT, "country": senegal, "ends_on": today()}, "ends_on"),
        ({"role": "minister", "country": senegal}, "role"),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as error:
            services.appointment_create(person=person, starts_on=today(), **kwargs)
        assert field in error.value.message_dict
    assert not Appointment.objects.filter(person=person).exists()


def test_ending_an_appointment_keeps_its_history(senegal):
    user = f.focal_point("SEN")
    appointment = user.person.appointments.get()
    services.appointment_end(appointment=appointment, ends_on=today(), actor=f.secretariat())
    assert Appointment.objects.filter(pk=appointment.pk, ends_on=today()).exists()
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
    person = f.PersonFactory.create(full_name="First Name", job_title="Director")
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
    existing = f.PersonFactory.create()
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
    person = f.PersonFactory.create()
    client.force_login(f.secretariat())
    url = reverse("network:appointment_create", kwargs={"pk": person.pk})
    response = client.post(url, {"role": Role.FOCAL_POINT, "starts_on": str(today())})
    assert "country" in response.context["form"].errors
    senegal = Country.objects.get(iso3="SEN")
    response = client.post(
        url,
        {
            "role": Role.FOCAL_POINT,
            "country": senegal.pk,
            "starts_on": str(today()),
            "ends_on": str(today() - timedelta(days=1)),
        },
    )
    assert "ends_on" in response.context["form"].errors
    assert not person.appointments.exists()
    response = client.post(
        url, {"role": Role.FOCAL_POINT, "country": senegal.pk, "starts_on": str(today())}
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
    assert person.user is not None
    assert person.user.email == "focal@example.sn"
    assert person.user.check_password("a long enough password")
    assert Appointment.objects.filter(person=person).count() == 1


def test_no_post_for_a_former_partner():
    united_kingdom = Country.objects.get(iso3="GBR")
    with pytest.raises(ValidationError) as error:
        services.appointment_create(
            person=f.PersonFactory.create(), role=Role.FOCAL_POINT, country=united_kingdom
        )
    assert "does not take part in the dialogue now" in error.value.message_dict["country"][0]


# --- E-mail addresses: one per person, whatever the case; the account follows by rule ------


def test_person_email_is_unique_whatever_the_case_in_the_database():
    f.PersonFactory.create(email="dup@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(full_name="Twin", email="Dup@Example.org")


def test_services_store_the_email_in_lowercase():
    person = services.person_create(full_name="Awa", email=" Awa.Diop@Example.SN ")
    assert person.email == "awa.diop@example.sn"
    person.email = "AWA@Example.sn"
    services.person_update(person=person, expected_version=person.version)
    person.refresh_from_db()
    assert person.email == "awa@example.sn"


def _change_email(person: Person, email: str, actor) -> Person:
    person.email = email
    return services.person_update(person=person, expected_version=person.version, actor=actor)


def test_account_email_follows_when_the_secretariat_changes_it():
    person = f.focal_point().person
    _change_email(person, "New@Example.org", actor=f.secretariat())
    assert person.user is not None
    person.user.refresh_from_db()
    assert person.user.email == "new@example.org"


@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_account_email_of_an_administrator_never_follows(flag):
    person = f.PersonFactory.create(email="admin@example.org", user__email="admin@example.org")
    assert person.user is not None
    setattr(person.user, flag, True)
    person.user.save()
    _change_email(person, "attacker@example.org", actor=f.secretariat())
    person.user.refresh_from_db()
    person.refresh_from_db()
    assert person.email == "attacker@example.org"
    assert person.user.email == "admin@example.org"


def test_account_email_does_not_follow_a_change_by_the_person_themself():
    user = f.focal_point()
    _change_email(user.person, "elsewhere@example.org", actor=user)
    user.refresh_from_db()
    assert user.person.email == "elsewhere@example.org"
    assert user.email != "elsewhere@example.org"


def test_account_email_never_takes_another_accounts_address():
    other = f.UserFactory.create(email="taken@example.org")
    person = f.focal_point().person
    assert person.user is not None
    before = person.user.email
    with pytest.raises(ValidationError) as error:
        _change_email(person, "Taken@Example.org", actor=f.secretariat())
    assert "sign-in address of another account" in error.value.message_dict["email"][0]
    person.refresh_from_db()
    person.user.refresh_from_db()
    assert person.email == before and person.user.email == before
    assert other.email == "taken@example.org"


# --- Consent: dated from the row as locked ------------------------------------------------


def test_consent_date_is_read_from_the_locked_row(monkeypatch):
    """A write that landed while this edit waited for the lock decides: consent was given
    at T0 already, so this edit keeps T0 rather than dating it now."""
    person = services.person_create(full_name="Aminata", email="a@example.org")
    edited = Person.objects.get(pk=person.pk)
    edited.directory_consent = True
    given_at = timezone.now() - timedelta(days=3)
    original = QuerySet.select_for_update

    def lock_after_a_concurrent_write(self, *args, **kwargs):
        if self.model is Person:
            Person.objects.filter(pk=person.pk).update(
                directory_consent=True, consent_recorded_at=given_at
            )
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", lock_after_a_concurrent_write)
    services.person_update(person=edited, expected_version=edited.version)

    person.refresh_from_db()
    assert person.consent_recorded_at == given_at


def test_kept_consent_keeps_its_date():
    person = services.person_create(
        full_name="Aminata", email="a@example.org", directory_consent=True
    )
    given_at = person.consent_recorded_at
    person.job_title = "Director"
    services.person_update(person=person, expected_version=person.version)
    person.refresh_from_db()
    assert person.consent_recorded_at == given_at


# --- A person added with an account -------------------------------------------------------


def test_person_create_with_account_invites_once_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        person = services.person_create(
            full_name="Awa Diop",
            email="Awa@Example.sn",
            with_account=True,
            site_url="https://rabatnet.example.org",
        )
    assert person.user is not None
    assert person.user.email == "awa@example.sn"
    assert person.user.full_name == "Awa Diop"
    assert not person.user.has_usable_password()
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == ["awa@example.sn"]
    assert "https://rabatnet.example.org/en/accounts/reset/" in message.body


def test_person_create_with_account_refuses_an_address_an_account_has():
    f.UserFactory.create(email="admin@example.org", is_superuser=True)
    with pytest.raises(ValidationError) as error:
        services.person_create(
            full_name="Someone", email="Admin@example.org", with_account=True, site_url="http://x"
        )
    assert "email" in error.value.message_dict
    assert not Person.objects.filter(email="admin@example.org").exists()


def test_account_email_follows_only_a_change_the_secretariat_makes():
    """A self-made change stays off the account when the secretariat later saves the record."""
    user = f.focal_point()
    _change_email(user.person, "unconfirmed@example.org", actor=user)
    person = Person.objects.get(pk=user.person.pk)
    person.job_title = "Director"
    services.person_update(person=person, expected_version=person.version, actor=f.secretariat())
    user.refresh_from_db()
    assert user.email != "unconfirmed@example.org"
