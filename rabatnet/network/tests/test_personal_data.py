"""All data held about a person, as a JSON download: theirs, or any person's for the
secretariat; never a secret."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.core.tests.narrowing import present
from rabatnet.network import registries, services
from rabatnet.network.handover import handover
from rabatnet.network.tests import factories as f

from .lifecycle import half_signed_in_status, status

pytestmark = pytest.mark.django_db

MY_DATA = reverse("network:my_data")


def _person_url(pk: int) -> str:
    return reverse("network:person_data", kwargs={"pk": pk})


def test_my_data_triad(client):
    person = f.AppointmentFactory.create().person
    assert status(client, None, MY_DATA) == 302
    assert "/accounts/login/" in client.get(MY_DATA)["Location"]
    code, where = half_signed_in_status(client, present(person.user), MY_DATA)
    assert code == 302 and "two-factor" in where
    assert status(client, person.user, MY_DATA) == 200
    assert status(client, f.no_role(), MY_DATA) == 404  # an account with no person record


def test_person_data_triad(client):
    person = f.AppointmentFactory.create().person
    url = _person_url(person.pk)
    assert status(client, None, url) == 302
    code, where = half_signed_in_status(client, f.secretariat(), url)
    assert code == 302 and "two-factor" in where
    assert status(client, f.focal_point("SEN"), url) == 403  # a colleague of the same country
    assert status(client, person.user, url) == 200
    assert status(client, f.secretariat(), url) == 200
    assert status(client, f.secretariat(), _person_url(2**31 - 1)) == 404


def test_the_download_holds_the_record_appointments_handovers_account_and_consents(client):
    appointment = f.AppointmentFactory.create(
        person__full_name="Aïssatou Ba", person__phone="+221 77", person__guide_consent=False
    )
    person = appointment.person
    person.guide_consent = True
    services.person_update(person=person, expected_version=person.version, actor=None)
    heir = f.PersonFactory.create()
    on = appointment.starts_on + timedelta(days=1)
    handover(appointment=appointment, successor=heir, on=on, actor=None, site_url="")
    TOTPDevice.objects.create(user=person.user, name="authenticator", confirmed=True)
    static = StaticDevice.objects.create(user=person.user, name="recovery", confirmed=True)
    StaticToken.objects.create(device=static, token="deadbeef42")
    client.force_login(f.secretariat())  # the person has a device: their session would owe it

    response = client.get(_person_url(person.pk))

    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="rabatnet-person-{person.pk}.json"'
    )
    data = json.loads(response.content)
    assert data["person"]["full_name"] == "Aïssatou Ba"
    assert data["person"]["phone"] == "+221 77"
    assert [a["country"] for a in data["appointments"]] == ["SEN"]
    assert data["appointments"][0]["ends_on"] is not None  # handed over
    (moved,) = data["handovers"]
    assert (moved["from_person"], moved["to_person"]) == (person.pk, heir.pk)
    assert data["account"]["email"] == present(person.user).email
    assert data["account"]["two_factor_enrolled"] is True
    assert [c["guide_consent"] for c in data["consent_history"]] == [False, True]
    # No secret: no password hash, no device key, no recovery code, no session.
    body = response.content.decode()
    account = present(person.user)
    account.refresh_from_db()
    assert account.password not in body and "pbkdf2" not in body and "argon2" not in body
    assert TOTPDevice.objects.get(user=person.user).key not in body
    assert "deadbeef42" not in body and "password" not in body


def test_sections_other_apps_register_are_in_the_download(client, monkeypatch):
    monkeypatch.setitem(
        registries.PERSONAL_DATA, "forums", lambda person: {"posts": [f"by {person.pk}"]}
    )
    person = f.AppointmentFactory.create().person
    client.force_login(f.secretariat())
    data = json.loads(client.get(_person_url(person.pk)).content)
    assert data["forums"] == {"posts": [f"by {person.pk}"]}
