"""An initiative's life: draft, submission, verification or return with a reason, edits
of a verified one (a new submission), history with who changed what."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from rabatnet.followup import initiative_services as services
from rabatnet.followup.models import Initiative, ReviewState
from rabatnet.network.tests import factories as f

from .initiative_fixtures import data, draft, form_data, verified

pytestmark = pytest.mark.django_db


def test_create_through_the_form(client):
    user = f.focal_point("SEN")
    client.force_login(user)
    response = client.post(reverse("initiatives:create", args=["SEN"]), form_data())
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.country.iso3 == "SEN"
    assert initiative.review_state == ReviewState.DRAFT
    assert initiative.currency == "EUR"
    assert initiative.budget == Decimal("1000.00")
    assert [s.url for s in initiative.sources.all()] == ["https://example.org/decree"]
    assert initiative.objectives.count() == 1
    assert initiative.history.first().history_user == user


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title_en": "", "title_fr": ""}, "title_en"),
        ({"objectives": []}, "objectives"),
        ({"starts_on": "2025-01-01", "ends_on": "2024-01-01"}, "ends_on"),
        ({"budget": "-1"}, "budget"),
        ({"currency": "ABC"}, "currency"),
        ({"currency": ""}, "currency"),
        ({"budget": "12 000 abc"}, "budget"),
    ],
)
def test_form_refuses_bad_input(client, changes, field):
    client.force_login(f.focal_point("SEN"))
    response = client.post(reverse("initiatives:create", args=["SEN"]), form_data(None, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Initiative.objects.exists()


def test_source_must_be_https(client):
    client.force_login(f.focal_point("SEN"))
    response = client.post(
        reverse("initiatives:create", args=["SEN"]),
        form_data(None, **{"sources-0-url": "http://example.org/x"}),
    )
    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_french_only_title_is_enough(client):
    client.force_login(f.focal_point("SEN"))
    response = client.post(
        reverse("initiatives:create", args=["SEN"]),
        form_data(title_en="", title_fr="Politique migratoire"),
    )
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    detail = client.get(reverse("initiatives:private_detail", args=[initiative.pk]))
    assert "Politique migratoire" in detail.content.decode()


def test_submit_needs_a_source():
    initiative = draft(sources=[])
    with pytest.raises(ValidationError):
        services.initiative_submit(initiative=initiative, by=f.focal_point("SEN"))
    initiative.refresh_from_db()
    assert initiative.review_state == ReviewState.DRAFT


def test_verify_publishes_and_a_second_decision_is_refused():
    initiative = draft()
    services.initiative_submit(initiative=initiative, by=f.focal_point("SEN"))
    secretariat = f.secretariat()
    services.initiative_verify(initiative=initiative, by=secretariat)
    assert Initiative.objects.published().filter(pk=initiative.pk).exists()
    with pytest.raises(ValidationError):
        services.initiative_verify(initiative=initiative, by=secretariat)
    with pytest.raises(ValidationError):
        services.initiative_return(initiative=initiative, reason="Late", by=secretariat)


def test_return_needs_a_reason_and_mails_the_submitter(django_capture_on_commit_callbacks):
    author = f.workgroup_member("SEN")
    initiative = draft(by=author)
    services.initiative_submit(initiative=initiative, by=author)
    with pytest.raises(ValidationError):
        services.initiative_return(initiative=initiative, reason="  ", by=f.secretariat())
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_return(
            initiative=initiative, reason="The budget lacks a source.", by=f.secretariat()
        )
    initiative.refresh_from_db()
    assert initiative.review_state == ReviewState.RETURNED
    assert initiative.return_reason == "The budget lacks a source."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [author.email]
    assert "The budget lacks a source." in mail.outbox[0].body


def test_return_through_the_page_shows_the_reason_on_the_country_list(client):
    author = f.focal_point("SEN")
    initiative = draft(by=author)
    services.initiative_submit(initiative=initiative, by=author)
    client.force_login(f.secretariat())
    url = reverse("initiatives:return", args=[initiative.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    assert client.post(url, {"reason": "Give the decree."}).status_code == 302
    client.force_login(author)
    page = client.get(reverse("initiatives:country_list", args=["SEN"]))
    assert "Give the decree." in page.content.decode()
    # Returned: it can be edited and submitted again.
    response = client.post(reverse("initiatives:submit", args=[initiative.pk]))
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.review_state == ReviewState.SUBMITTED


def test_editing_a_verified_initiative_makes_it_a_new_submission(client):
    initiative = verified()
    client.force_login(f.focal_point("SEN"))
    page = client.get(reverse("initiatives:edit", args=[initiative.pk]))
    assert "leaves the public pages" in page.content.decode()
    response = client.post(
        reverse("initiatives:edit", args=[initiative.pk]),
        form_data(initiative, title_en="Border posts training, phase 2"),
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.review_state == ReviewState.SUBMITTED
    assert not Initiative.objects.published().exists()
    assert client.get(reverse("initiatives:detail", args=[initiative.pk])).status_code == 404


def test_a_submitted_initiative_is_not_edited_by_the_country(client):
    author = f.focal_point("SEN")
    initiative = draft(by=author)
    services.initiative_submit(initiative=initiative, by=author)
    client.force_login(author)
    assert client.get(reverse("initiatives:edit", args=[initiative.pk])).status_code == 403


def test_stale_edit_is_refused(client):
    initiative = draft()
    client.force_login(f.focal_point("SEN"))
    stale = form_data(initiative, title_en="Mine")
    services.initiative_update(
        initiative=Initiative.objects.get(pk=initiative.pk),
        data=data(title_en="Theirs"),
        expected_version=initiative.version,
        by=f.secretariat(),
    )
    response = client.post(reverse("initiatives:edit", args=[initiative.pk]), stale)
    assert response.status_code == 200
    assert response.context["form"].stale_changes
    initiative.refresh_from_db()
    assert initiative.title_en == "Theirs"


def test_history_page_says_who_changed_what(client):
    author = f.focal_point("SEN")
    initiative = draft(by=author)
    services.initiative_update(
        initiative=initiative,
        data=data(title_en="A new title", budget=Decimal("5")),
        expected_version=initiative.version,
        by=author,
    )
    client.force_login(author)
    page = client.get(reverse("initiatives:history", args=[initiative.pk])).content.decode()
    assert author.person.display_name in page
    assert "budget" in page


def test_other_countries_exclude_the_entering_country():
    from rabatnet.countries.models import Country

    sen, mli = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="MLI")
    initiative = draft(countries=[sen, mli])
    assert list(initiative.countries.all()) == [mli]
