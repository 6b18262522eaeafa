"""The builder, probed: a section or repeat group that holds questions keeps its kind of
container (as a text question its questions vanished from the respondent's page while
still required; a repeat become a section left its rows' answers outside any repeat)."""

import pytest
from django.test import Client

from rabatnet.network.tests import factories as f

from ..models import Question
from .builder_samples import builder_url as url
from .factories import make_questionnaire, make_response
from .test_builder import question_data

pytestmark = pytest.mark.django_db
T = Question.Type


def _edit(client: Client, question: Question, type_: str):
    data = question_data(
        type=type_,
        name=question.name,
        parent=question.parent_id,
        relevant=question.relevant,
        version=question.version,
    )
    return client.post(url("question_edit", form_id="test_sources", pk=question.pk), data)


def test_a_container_holding_questions_keeps_its_kind(client):
    form = make_questionnaire("test_sources")
    client.force_login(f.secretariat())
    about = form.questions.get(name="about")  # a section holding staff and budget
    refused = _edit(client, about, T.TEXT)
    assert refused.status_code == 200
    assert "It holds questions" in refused.content.decode()
    about.refresh_from_db()
    assert about.type == T.GROUP
    # Between a section and a repeat group, while nothing is answered inside: allowed.
    assert _edit(client, about, T.REPEAT).status_code == 302
    about.refresh_from_db()
    assert about.type == T.REPEAT


def test_a_repeat_whose_rows_have_answers_does_not_become_a_section(client):
    form = make_questionnaire("test_sources")
    make_response(form, "SEN", {("source_name", 1): "Recensement", ("source_name", 2): "RGPH"})
    client.force_login(f.secretariat())
    repeat = form.questions.get(name="data_source")
    refused = _edit(client, repeat, T.GROUP)
    assert refused.status_code == 200
    assert "would no longer fit" in refused.content.decode()
    repeat.refresh_from_db()
    assert repeat.type == T.REPEAT


def test_a_section_holding_a_repeat_does_not_become_a_repeat(client):
    """Repeats in repeats are refused everywhere else (XLSForm import, placing a question)."""
    form = make_questionnaire("test_sources")
    about = form.questions.get(name="about")
    form.questions.filter(name="data_source").update(parent=about)
    client.force_login(f.secretariat())
    refused = _edit(client, about, T.REPEAT)
    assert refused.status_code == 200
    assert "cannot be inside another repeat group" in refused.content.decode()
    about.refresh_from_db()
    assert about.type == T.GROUP
