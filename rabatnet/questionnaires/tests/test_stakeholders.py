"""Stakeholders: identified (the guide's stage follows), invited by mail with a personal
link, the link's answer (expired, tampered, reused, superseded: never a 500, never another
guide's data), joining the workgroup (+ an appointment when the person has an account)."""

import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse

from rabatnet.guides.models import Stage, WorkgroupMember
from rabatnet.network.models import Appointment, Organisation, Person, Role
from rabatnet.network.tests import factories as f

from ..models import Stakeholder
from ..stakeholder_invitations import SALT, make_token
from ..stakeholder_services import stakeholder_invite
from .interest_samples import declared, institution, person_of, with_stakeholder

pytestmark = pytest.mark.django_db


def _invited(with_account: bool = True, language: str = "fr", iso3: str = "SEN") -> Stakeholder:
    interest = declared(iso3)
    stakeholder = with_stakeholder(interest, with_account=with_account)
    assert stakeholder.person is not None
    stakeholder.person.language = language
    stakeholder.person.save()
    return stakeholder_invite(stakeholder=stakeholder, actor=None)


def _link(stakeholder: Stakeholder, language: str = "en") -> str:
    return f"/{language}/workgroup/invitation/{make_token(stakeholder)}/"


def test_identifying_moves_the_guide_and_creates_through_the_directory(client):
    interest = declared()
    client.force_login(f.workgroup_member("SEN"))
    data = {
        "new_organisation_name": "Office des migrations",
        "new_organisation_kind": "government",
        "new_person_name": "Awa Diop",
        "new_person_email": "Awa.Diop@example.org",
        "new_person_language": "fr",
        "role": "Keeps the border records",
    }
    response = client.post(reverse("interest:stakeholder_add", args=[interest.pk]), data)
    assert response.status_code == 302
    stakeholder = Stakeholder.objects.get()
    assert stakeholder.organisation.country == interest.country
    assert stakeholder.person == Person.objects.get(email="awa.diop@example.org")
    assert stakeholder.person.organisation == stakeholder.organisation
    interest.guide.refresh_from_db()
    assert interest.guide.stage == Stage.STAKEHOLDERS
    # The same again is refused, with nothing written.
    before = (Organisation.objects.count(), Person.objects.count())
    again = {"organisation": stakeholder.organisation.pk, "person": stakeholder.person.pk}
    response = client.post(reverse("interest:stakeholder_add", args=[interest.pk]), again)
    assert response.status_code == 200 and "already on the list" in response.content.decode()
    assert (Organisation.objects.count(), Person.objects.count()) == before


def test_bad_stakeholder_input_is_a_form_error(client):
    interest = declared()
    client.force_login(f.focal_point("SEN"))
    url = reverse("interest:stakeholder_add", args=[interest.pk])
    for data in (
        {},
        {"organisation": institution("MLI").pk},
        {"organisation": institution().pk, "new_organisation_name": "Both"},
        {"new_organisation_name": "No kind"},
        {"organisation": institution().pk, "new_person_name": "No e-mail"},
        {"organisation": institution().pk, "person": person_of("MLI").pk},
        {"organisation": "99999999999999999999"},
    ):
        response = client.post(url, data)
        assert response.status_code == 200, data
    assert not Stakeholder.objects.exists()


def test_invitation_mail_in_the_persons_language_with_the_link(
    client, django_capture_on_commit_callbacks
):
    interest = declared()
    stakeholder = with_stakeholder(interest)
    assert stakeholder.person is not None
    stakeholder.person.language = "fr"
    stakeholder.person.save()
    client.force_login(f.focal_point("SEN"))
    url = reverse("interest:stakeholder_invite", args=[interest.pk, stakeholder.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    stakeholder.refresh_from_db()
    assert stakeholder.status == "invited" and stakeholder.invited_at is not None
    [message] = mail.outbox
    assert message.to == [stakeholder.person.email]
    assert "Sénégal" in message.subject
    assert "https://testserver/fr/workgroup/invitation/" in message.body
    link = message.body.split("https://testserver")[1].split()[0]
    assert link.startswith("/fr/workgroup/invitation/")
    assert stakeholder.organisation.name in client.get(link).content.decode()


def test_accept_makes_a_workgroup_member_and_an_appointment(client):
    stakeholder = _invited()
    url = _link(stakeholder)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin"
    assert stakeholder.organisation.name in response.content.decode()
    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 200 and "joined the workgroup" in response.content.decode()
    stakeholder.refresh_from_db()
    assert stakeholder.status == "joined" and stakeholder.answered_at is not None
    assert WorkgroupMember.objects.filter(
        guide=stakeholder.guide, person=stakeholder.person
    ).exists()
    assert (
        Appointment.objects.current()
        .filter(person=stakeholder.person, role=Role.WORKGROUP_MEMBER, country__iso3="SEN")
        .exists()
    )
    # Reused: the link served once.
    response = client.post(url, {"answer": "decline"})
    assert response.status_code == 410
    stakeholder.refresh_from_db()
    assert stakeholder.status == "joined"
    # One who joined cannot be removed.
    client.force_login(f.focal_point("SEN"))
    remove = reverse(
        "interest:stakeholder_remove",
        args=[stakeholder.guide.expression_of_interest.pk, stakeholder.pk],
    )
    response = client.post(remove, follow=True)
    assert "joined the workgroup" in response.content.decode()
    assert Stakeholder.objects.filter(pk=stakeholder.pk).exists()


def test_accept_without_an_account_tells_the_secretariat(client):
    stakeholder = _invited(with_account=False)
    client.post(_link(stakeholder), {"answer": "accept"})
    assert WorkgroupMember.objects.filter(person=stakeholder.person).exists()
    assert not Appointment.objects.filter(person=stakeholder.person).exists()
    client.force_login(f.secretariat())
    page = client.get(
        reverse("interest:detail", args=[stakeholder.guide.expression_of_interest.pk])
    )
    assert "give them an account" in page.content.decode()


def test_decline(client):
    stakeholder = _invited()
    client.post(_link(stakeholder), {"answer": "decline"})
    stakeholder.refresh_from_db()
    assert stakeholder.status == "declined"
    assert not WorkgroupMember.objects.filter(person=stakeholder.person).exists()


def test_expired_tampered_superseded_and_foreign_links(client):
    stakeholder = _invited()
    token = make_token(stakeholder)
    month_ago = time.time() - 31 * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=month_ago):
        old = make_token(stakeholder)
    response = client.get(f"/en/workgroup/invitation/{old}/")
    assert response.status_code == 404 and "expired" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    for bad in (token[:-2] + "xx", "x" * 1000, "%00", "😀", token.replace(":", "")):
        response = client.post(f"/en/workgroup/invitation/{bad}/", {"answer": "accept"})
        assert response.status_code in (404, 410), bad
        assert stakeholder.organisation.name not in response.content.decode()
    # Another guide's stakeholder id under the right salt: nothing of it is shown.
    other = _invited(iso3="MLI")
    forged = signing.dumps({"s": other.pk, "g": stakeholder.guide_id, "t": 1}, salt=SALT)
    assert client.get(f"/en/workgroup/invitation/{forged}/").status_code == 404
    wrong_salt = signing.dumps({"s": stakeholder.pk, "g": stakeholder.guide_id, "t": 1})
    assert client.get(f"/en/workgroup/invitation/{wrong_salt}/").status_code == 404
    # Invited again: the first link stops working.
    stakeholder_invite(stakeholder=stakeholder, actor=None)
    assert client.get(f"/en/workgroup/invitation/{token}/").status_code == 410
    stakeholder.refresh_from_db()
    assert stakeholder.status == "invited"


def test_remove_an_identified_stakeholder(client):
    interest = declared()
    stakeholder = with_stakeholder(interest)
    client.force_login(f.workgroup_member("SEN"))
    client.post(reverse("interest:stakeholder_remove", args=[interest.pk, stakeholder.pk]))
    assert not Stakeholder.objects.exists()


def test_another_interests_stakeholder_is_404(client):
    first = declared("SEN", "fr")
    second = declared("SEN", "en")
    stakeholder = with_stakeholder(first)
    client.force_login(f.secretariat())
    url = reverse("interest:stakeholder_remove", args=[second.pk, stakeholder.pk])
    assert client.post(url).status_code == 404


def test_personal_data_and_erasure(client):
    from rabatnet.network.erasure import person_erase
    from rabatnet.network.registries import PERSONAL_DATA

    stakeholder = _invited()
    person = stakeholder.person
    assert person is not None
    data = PERSONAL_DATA["guide_stakeholders"](person)
    [entry] = data["stakeholder_of"]
    assert entry["country"] == "SEN" and entry["status"] == "invited" and entry["why"]
    link = _link(stakeholder)
    person_erase(person=person, actor=None)
    stakeholder.refresh_from_db()
    assert stakeholder.status == "identified" and stakeholder.role == ""
    assert client.get(link).status_code == 410
