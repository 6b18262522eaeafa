"""The respondent's page against odd input and old pages: never a server error, never a
silent change (found by probing the personal link's page)."""

import pytest

from rabatnet.questionnaires.models import Question, Response

from .answer_fixtures import invited, link, page_version, posted

pytestmark = pytest.mark.django_db


def test_a_huge_number_in_a_text_answer_under_a_mod_constraint_is_refused_not_a_500(client):
    invitation = invited()
    Question.objects.filter(questionnaire=invitation.questionnaire, name="respondent_unit").update(
        constraint=". mod 2 = 0", constraint_message_en="An even number."
    )
    url = link(invitation)
    page = client.get(url)
    data = posted(page_version(page), "submit", respondent_unit="9" * 400, has_sources="no")
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "An even number." in refused.context["form"].errors["q-respondent_unit"]
    assert not Response.objects.filter(status=Response.Status.SUBMITTED).exists()


def _messages(page) -> list[str]:
    return [str(message) for message in page.context["messages"]]


def test_a_stale_tab_is_refused_in_the_respondents_language(client):
    """The message was translated once, at import (in English): a French respondent read it
    in English."""
    invitation = invited(language="fr")
    url = link(invitation, "fr")
    first = page_version(client.get(url))
    client.post(url, posted(first, respondent_unit="Premier onglet"))
    stale = client.post(url, posted(first, respondent_unit="Second onglet"))
    assert stale.status_code == 200
    assert any(m.startswith("Ces réponses ont été enregistrées") for m in _messages(stale))
    assert Response.objects.get().answers.get().value == "Premier onglet"


def test_a_post_from_an_old_tab_after_submitting_says_nothing_was_kept(client):
    invitation = invited(language="fr")
    url = link(invitation, "fr")
    version = page_version(client.get(url))
    client.post(url, posted(version, "submit", respondent_unit="DGS", has_sources="no"))
    late = client.post(url, posted(version, respondent_unit="Changé"))
    assert late.status_code == 200
    assert "Ces réponses ont déjà été envoyées : elles ne peuvent plus changer." in _messages(late)
    response = Response.objects.get()
    assert response.answers.get(question__name="respondent_unit").value == "DGS"


def test_the_forms_default_button_saves_rather_than_removing_a_row(client):
    """Enter in a field presses the form's first submit button: it was "Remove row 1"."""
    import re

    invitation = invited()
    url = link(invitation)
    page = client.get(url)
    client.post(url, posted(page_version(page), respondent_unit="DGS", has_sources="yes"))
    body = client.get(url).content.decode()
    assert 'value="remove:data_source:1"' in body  # the repeat's rows are on the page
    form = body[body.index('<form method="post"') :]
    first = re.search(r"<button[^>]*>", form)
    assert first is not None
    assert 'type="submit"' in first.group() and 'value="save"' in first.group()
