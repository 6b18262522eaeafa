"""Declaring (the guide starts, once per language), acknowledging once, editing (stale
refused), withdrawing (only while the guide is prepared), and the mails of each step."""

import pytest
from django.core import mail
from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.guides.models import Guide, GuideEvent, Stage
from rabatnet.guides.services import guide_advance
from rabatnet.network.tests import factories as f

from ..models import ExpressionOfInterest
from .interest_samples import declared, institution, person_of

pytestmark = pytest.mark.django_db


def _declare(client, iso3: str = "SEN", language: str = "fr", **extra):
    data = {
        "language": language,
        "lead_institution": institution(iso3).pk,
        "coordinator": person_of(iso3).pk,
        "note": "Pour le guide\r\nde 2027\x00",
        **extra,
    }
    return client.post(reverse("interest:declare", kwargs={"iso3": iso3}), data)


def test_a_focal_point_declares_the_guide_starts_and_the_secretariat_is_told(
    client, django_capture_on_commit_callbacks
):
    secretariat = f.secretariat()
    secretariat.person.language = "fr"
    secretariat.person.save()
    focal = f.focal_point("SEN")
    client.force_login(focal)
    with django_capture_on_commit_callbacks(execute=True):
        response = _declare(client)
    interest = ExpressionOfInterest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("interest:detail", kwargs={"pk": interest.pk})
    assert interest.declared_by == focal and interest.note == "Pour le guide\nde 2027"
    guide = interest.guide
    assert (guide.country.iso3, guide.language, guide.stage) == (
        "SEN",
        "fr",
        "expression_of_interest",
    )
    assert GuideEvent.objects.filter(guide=guide, actor=focal).count() == 1
    [message] = mail.outbox
    assert message.to == [secretariat.person.email]
    assert "Sénégal" in message.subject
    assert f"/fr/private/interest/{interest.pk}/" in message.body


def test_declaring_twice_for_a_language_is_refused_and_nothing_is_written(client):
    declared("SEN", "fr")
    client.force_login(f.focal_point("SEN"))
    before = (
        Guide.objects.count(),
        ExpressionOfInterest.objects.count(),
        GuideEvent.objects.count(),
    )
    response = _declare(client, language="fr")
    assert response.status_code == 200
    assert "already has a guide in this language" in response.content.decode()
    after = (
        Guide.objects.count(),
        ExpressionOfInterest.objects.count(),
        GuideEvent.objects.count(),
    )
    assert after == before
    # Another language is another guide.
    assert _declare(client, language="en").status_code == 302


def test_the_institution_and_coordinator_must_be_of_the_country(client):
    client.force_login(f.focal_point("SEN"))
    response = _declare(client, lead_institution=institution("MLI").pk)
    assert response.status_code == 200 and "lead_institution" in response.context["form"].errors
    response = _declare(client, coordinator=person_of("MLI").pk)
    assert response.status_code == 200 and "coordinator" in response.context["form"].errors
    assert not Guide.objects.exists()


def test_an_unlisted_coordinator_is_not_named_to_members(client):
    hidden = person_of("SEN", directory_consent=False, full_name="Hidden Coordinator")
    interest = declared()
    interest.coordinator = hidden
    interest.save()
    url = reverse("interest:detail", args=[interest.pk])
    # The directory's rule (person_card): an unlisted person is named to the secretariat only.
    client.force_login(f.coordinating_authority("SEN"))
    page = client.get(url).content.decode()
    assert "Hidden Coordinator" not in page and "a person not listed in the directory" in page
    client.force_login(f.secretariat())
    assert "Hidden Coordinator" in client.get(url).content.decode()


def test_acknowledge_once_and_the_declarer_is_told(client, django_capture_on_commit_callbacks):
    focal = f.focal_point("SEN")
    focal.person.language = "fr"
    focal.person.save()
    interest = declared(by=focal)
    client.force_login(f.secretariat())
    url = reverse("interest:acknowledge", args=[interest.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    interest.refresh_from_db()
    assert interest.status == "acknowledged" and interest.acknowledged_at is not None
    [message] = [m for m in mail.outbox if m.to == [focal.person.email]]
    assert "Sénégal" in message.subject  # the country's name in French: the person's language
    assert f"/fr/private/interest/{interest.pk}/" in message.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "cannot be acknowledged now" in response.content.decode()
    assert not mail.outbox


def test_edit_and_stale_edit(client):
    interest = declared()
    client.force_login(f.focal_point("SEN"))
    url = reverse("interest:edit", args=[interest.pk])
    data = {
        "lead_institution": interest.lead_institution_id,
        "coordinator": interest.coordinator_id,
        "note": "Nouvelle note",
        "version": interest.version,
    }
    assert client.post(url, data).status_code == 302
    interest.refresh_from_db()
    assert interest.note == "Nouvelle note"
    response = client.post(url, {**data, "note": "Old page"})
    assert response.status_code == 200
    assert response.context["form"].stale_changes
    interest.refresh_from_db()
    assert interest.note == "Nouvelle note"


def test_withdraw_with_a_reason_while_the_guide_is_prepared(client):
    interest = declared()
    client.force_login(f.focal_point("SEN"))
    url = reverse("interest:withdraw", args=[interest.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    interest.refresh_from_db()
    assert interest.status == "declared"
    client.post(url, {"reason": "Les élections approchent"})
    interest.refresh_from_db()
    assert interest.status == "withdrawn"
    page = client.get(reverse("interest:detail", args=[interest.pk])).content.decode()
    assert "Les élections approchent" in page and "Withdrawn on" in page
    assert reverse("interest:stakeholder_add", args=[interest.pk]) not in page
    response = client.post(url, {"reason": "Again"}, follow=True)
    assert "already withdrawn" in response.content.decode()


def test_withdraw_refused_past_drafting(client):
    interest = declared()
    guide = interest.guide
    guide_advance(guide=guide, stage=Stage.DRAFTING, actor=None)
    Guide.objects.filter(pk=guide.pk).update(stage=Stage.SUBMITTED)
    client.force_login(f.secretariat())
    url = reverse("interest:withdraw", args=[interest.pk])
    assert "cannot be withdrawn now" in client.get(url).content.decode()
    response = client.post(url, {"reason": "Too late"}, follow=True)
    assert "went past drafting" in response.content.decode()
    interest.refresh_from_db()
    assert interest.status == "declared"


def test_the_page_is_in_french(client):
    interest = declared()
    client.force_login(f.focal_point("SEN"))
    page = client.get(f"/fr/private/interest/{interest.pk}/").content.decode()
    assert '<html lang="fr">' in page
    assert Country.objects.get(iso3="SEN").name_fr in page
