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
    answers = {"respondent_unit": "9" * 400, "has_sources": "no"}
    refused = client.post(url, posted(page_version(page), "submit", **answers))
    assert refused.status_code == 200
    assert "An even number." in refused.context["form"].errors["q-respondent_unit"]
    assert not Response.objects.filter(status=Response.Status.SUBMITTED).exists()
