"""The workshop report (page, PDF read back with pypdf), the personal data of participants
who are network people (in "all data held", erased at erasure), names as consent allows."""

import io

import pypdf
import pytest
from django.test import Client
from django.urls import reverse

from rabatnet.network.erasure import person_erase
from rabatnet.network.personal_data import collect_personal_data
from rabatnet.network.tests import factories as f
from rabatnet.support.tests.factories import make_expert

from .. import workshop_services as services
from ..workshop_demo import demo_workshop
from .workshop_fixtures import planned, sen_guide

pytestmark = pytest.mark.django_db


def test_the_report_as_pdf_in_french() -> None:
    workshop = demo_workshop(sen_guide())
    client = Client()
    client.force_login(f.workgroup_member("SEN"))
    response = client.get(
        reverse("workshops:report_pdf", args=[workshop.pk]).replace("/en/", "/fr/")
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Atelier national de discussion",
        "Dakar",
        "Exemple",  # "Example content" in French, and the made-up names
        "Elena Fictive",
        "Awa Exemple",
        "Agence nationale de la statistique (exemple)",
        "comité technique interinstitutionnel",
        "Sénégal",
    ):
        assert expected in text, expected


def test_the_report_page_counts_by_institution() -> None:
    workshop = demo_workshop(sen_guide())
    client = Client()
    client.force_login(f.secretariat())
    body = client.get(reverse("workshops:report", args=[workshop.pk])).content.decode()
    assert "Example content" in body
    assert "Agence nationale de la statistique (exemple)</td><td>3</td>" in body
    assert "8 participants on the list, 7 signed in." in body


def test_odd_text_never_breaks_the_pdf() -> None:
    workshop = planned(
        agenda="\x0b\u202eévil <script>x</script> " + "a" * 3000, summary="a\u2028b\u200f"
    )
    services.outcome_add(workshop=workshop, kind="need", text="\x1f☃ " * 50, by=None)
    client = Client()
    client.force_login(f.secretariat())
    assert client.get(reverse("workshops:report_pdf", args=[workshop.pk])).status_code == 200
    body = client.get(reverse("workshops:report", args=[workshop.pk])).content.decode()
    assert "<script>x" not in body


def test_participants_in_personal_data_and_erased() -> None:
    workshop = planned()
    person = f.workgroup_member("SEN").person
    services.participant_add(workshop=workshop, person=person, function="DG", by=None)
    services.participant_add(workshop=workshop, full_name="Someone Else", by=None)
    data = collect_personal_data(person)
    lines = data["workshops"]["signed_in_lists"]
    assert lines[0]["workshop"] == workshop.title and lines[0]["function"] == "DG"
    expert = make_expert()
    services.expert_add(workshop=workshop, expert=expert, scope="international", by=None)
    assert collect_personal_data(expert.person)["workshops"]["expert_at"][0]["scope"]
    name = person.display_name
    person_erase(person=person, actor=f.secretariat())
    person_erase(person=expert.person, actor=f.secretariat())
    line = workshop.participants.get(full_name="")
    assert line.person is None and line.function == ""
    assert workshop.participants.filter(full_name="Someone Else").exists()
    assert not workshop.experts.exclude(full_name="").exists()
    client = Client()
    client.force_login(f.secretariat())
    body = client.get(reverse("workshops:detail", args=[workshop.pk])).content.decode()
    assert name not in body and "(name erased)" in body


def test_names_as_consent_allows() -> None:
    workshop = planned()
    listed = make_expert()
    unlisted = make_expert()
    unlisted.person.directory_consent = False
    unlisted.person.save()
    for expert in (listed, unlisted):
        services.expert_add(workshop=workshop, expert=expert, scope="international", by=None)
    hidden_person = f.workgroup_member("SEN").person
    hidden_person.directory_consent = False
    hidden_person.save()
    shown_person = f.focal_point("SEN").person
    client = Client()
    member = f.workgroup_member("SEN")
    client.force_login(member)
    body = client.get(reverse("workshops:detail", args=[workshop.pk])).content.decode()
    assert listed.person.display_name in body
    assert unlisted.person.display_name not in body
    assert "an expert on the roster" in body
    form = client.get(reverse("workshops:participant_add", args=[workshop.pk])).content.decode()
    assert shown_person.display_name in form and hidden_person.display_name not in form
    experts = client.get(reverse("workshops:expert_add", args=[workshop.pk])).content.decode()
    assert listed.person.display_name in experts
    assert unlisted.person.display_name not in experts
    client.force_login(f.secretariat())
    form = client.get(reverse("workshops:participant_add", args=[workshop.pk])).content.decode()
    assert hidden_person.display_name in form
    url = reverse("workshops:participant_add", args=[workshop.pk])
    client.force_login(member)
    response = client.post(url, {"person": str(hidden_person.pk)})
    assert response.status_code == 200  # not a choice for a member
    assert not workshop.participants.exists()
    assert client.post(url, {"person": str(shown_person.pk)}).status_code == 302
    assert workshop.participants.get().person == shown_person
