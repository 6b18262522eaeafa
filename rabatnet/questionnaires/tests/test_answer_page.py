"""Answering through a personal link: the page, partial saves that survive, repeat rows,
relevance, required and constraints on submit, a stale page refused, read-only after."""

import pytest

from rabatnet.questionnaires.models import Response

from .answer_fixtures import invited, link, page_version, posted

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_questions_in_the_respondents_language(client):
    invitation = invited(language="fr")
    page = client.get(link(invitation, "fr"))
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert page["Referrer-Policy"] == "same-origin"
    text = page.content.decode()
    assert "Votre service" in text  # the label in French
    assert "Oui" in text and "Non" in text  # the choices' labels
    assert 'type="date"' in text and 'type="radio"' in text
    assert 'type="checkbox"' not in text  # the repeat is asked only if has_sources = yes
    assert "Merci." in text  # a note
    assert "Save and continue later" in text or "Enregistrer" in text
    invitation.refresh_from_db()
    assert invitation.opened_at is not None


def test_a_partial_save_survives_and_submits_later(client):
    invitation = invited()
    url = link(invitation)
    page = client.get(url)
    saved = client.post(url, posted(page_version(page), staff="12", respondent_unit=""))
    assert saved.status_code == 302  # no required check on a save
    assert saved["Cache-Control"] == "private, no-store"
    response = Response.objects.get(invitation=invitation)
    assert response.status == Response.Status.DRAFT
    assert {a.question.name: a.value for a in response.answers.all()} == {"staff": "12"}
    again = client.get(url)  # the same link, later
    assert again.context["form"]["q-staff"].value() == "12"
    done = client.post(
        url,
        posted(
            page_version(again),
            "submit",
            staff="12",
            respondent_unit="DGS",
            has_sources="no",
            budget="1000.50",
            last_census="2023-04-01",
        ),
    )
    assert done.status_code == 302
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED and response.submitted_at
    values = {a.question.name: a.value for a in response.answers.all()}
    assert values == {
        "staff": "12",
        "respondent_unit": "DGS",
        "has_sources": "no",
        "budget": "1000.5",
        "last_census": "2023-04-01",
    }
    read = client.get(url)
    assert "were submitted" in read.content.decode()
    assert "form" not in read.context or read.context.get("form") is None
    # No resubmission: a post changes nothing.
    client.post(url, posted(response.version, "submit", respondent_unit="Other"))
    assert response.answers.get(question__name="respondent_unit").value == "DGS"


def test_required_and_constraints_on_submit_in_the_respondents_language(client):
    invitation = invited(language="fr")
    url = link(invitation, "fr")
    page = client.get(url)
    refused = client.post(url, posted(page_version(page), "submit", staff="-3"))
    assert refused.status_code == 200
    form = refused.context["form"]
    assert "Un nombre de personnes ne peut être négatif." in form.errors["q-staff"]
    assert form.errors["q-respondent_unit"]
    assert form.errors["q-has_sources"]
    assert not Response.objects.filter(invitation=invitation).exists()


def test_bad_types_are_refused_in_words_nothing_saved(client):
    invitation = invited()
    url = link(invitation)
    page = client.get(url)
    refused = client.post(
        url, posted(page_version(page), staff="many", last_census="31/12/2020", has_sources="x")
    )
    assert refused.status_code == 200
    errors = refused.context["form"].errors
    assert {"q-staff", "q-last_census", "q-has_sources"} <= set(errors)
    assert not Response.objects.filter(invitation=invitation).exists()


def test_relevance_hides_the_repeat_and_submit_drops_its_answers(client):
    invitation = invited()
    url = link(invitation)
    page = client.get(url)
    assert "q-source_name-1" not in page.content.decode()  # has_sources not yes yet
    client.post(url, posted(page_version(page), has_sources="yes"))
    page = client.get(url)
    assert 'name="q-source_name-1"' in page.content.decode()
    client.post(
        url,
        posted(page_version(page), has_sources="yes", source_name__1="Census 2013", areas__1=""),
    )
    page = client.get(url)
    done = client.post(
        url,
        posted(
            page_version(page),
            "submit",
            has_sources="no",
            respondent_unit="DGS",
            source_name__1="Census 2013",
        ),
    )
    assert done.status_code == 302
    response = Response.objects.get(invitation=invitation)
    assert not response.answers.filter(question__name="source_name").exists()


def test_repeat_rows_are_added_and_removed_without_javascript(client):
    invitation = invited()
    url = link(invitation)
    page = client.get(url)
    client.post(url, posted(page_version(page), has_sources="yes"))
    page = client.get(url)
    added = client.post(
        url,
        posted(
            page_version(page),
            "add:data_source",
            has_sources="yes",
            source_name__1="Census",
            source_kind__1="census",
        ),
    )
    assert added.status_code == 302 and "rows-data_source=2" in added["Location"]
    page = client.get(added["Location"])
    assert 'name="q-source_name-2"' in page.content.decode()
    client.post(
        url,
        posted(
            page_version(page),
            "save",
            rows=2,
            has_sources="yes",
            source_name__1="Census",
            source_name__2="Register",
        ),
    )
    page = client.get(url)
    client.post(
        url,
        posted(
            page_version(page),
            "remove:data_source:1",
            rows=2,
            has_sources="yes",
            source_name__1="Census",
            source_name__2="Register",
        ),
    )
    response = Response.objects.get(invitation=invitation)
    names = list(response.answers.filter(question__name="source_name").values_list("row", "value"))
    assert names == [(1, "Register")]
    # Multiple choice kept as space-separated codes.
    page = client.get(url)
    client.post(
        url,
        posted(
            page_version(page),
            has_sources="yes",
            source_name__1="Register",
            areas__1=["trends", "border"],
        ),
    )
    assert response.answers.get(question__name="areas", row=1).value == "trends border"


def test_a_stale_page_is_refused_and_loses_nothing(client):
    invitation = invited()
    url = link(invitation)
    first_tab = client.get(url)
    second_tab = client.get(url)
    client.post(url, posted(page_version(second_tab), staff="3"))
    refused = client.post(url, posted(page_version(first_tab), staff="7"))
    assert refused.status_code == 200
    assert "another page" in refused.content.decode()
    assert refused.context["form"]["q-staff"].value() == "7"  # what was typed stays
    response = Response.objects.get(invitation=invitation)
    assert response.answers.get(question__name="staff").value == "3"


@pytest.mark.parametrize(
    "value",
    ["\x00\x01\x1b", "🙂 Dépôt — 統計", "x" * 6000, "9" * 400, "-1e308", "\ufeff\u202e"],
)
def test_odd_input_is_never_a_500(client, value):
    invitation = invited()
    url = link(invitation)
    page = client.get(url)
    data = posted(page_version(page), staff=value, budget=value, respondent_unit=value)
    data.update({"rows-data_source": value, "action": value, "version": value})
    assert client.post(url, data).status_code in (200, 302)
    data = posted(page_version(page), "remove:data_source:99999999999999999999")
    assert client.post(url, data).status_code in (200, 302)
