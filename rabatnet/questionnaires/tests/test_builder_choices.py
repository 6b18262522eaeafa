"""The builder's lists of choices (codes answers hold stay), and stale edits of a question,
of the questionnaire's settings and of a list: refused with the other person's change shown."""

from typing import Any

import pytest
from django.test import Client

from rabatnet.network.tests import factories as f

from ..models import Choice, Question, Questionnaire
from .builder_samples import builder_url as url
from .builder_samples import tr
from .factories import make_questionnaire, make_response
from .test_builder import _settings, choices_data, question_data

pytestmark = pytest.mark.django_db
T = Question.Type


@pytest.fixture
def builder(client: Client) -> Client:
    client.force_login(f.secretariat())
    return client


@pytest.fixture
def form() -> Questionnaire:
    return make_questionnaire("test_sources")


def _errors(response: Any) -> str:
    assert response.status_code == 200
    return response.content.decode()


def _list_data(
    form: Questionnaire, name: str, rows: list[tuple[Any, str, str, str]], **extra: Any
) -> dict:
    choice_list = form.choice_lists.get(name=name)
    initial = choice_list.choices.count()
    data = choices_data(rows, name, version=choice_list.version, **extra)
    data["choices-INITIAL_FORMS"] = str(min(initial, len(rows)))
    return data


def test_codes_answers_hold_cannot_be_removed_or_renamed(
    builder: Client, form: Questionnaire
) -> None:
    make_response(form, answers={("source_kind", 1): "census", ("areas", 1): "trends border"})
    kinds = form.choice_lists.get(name="kinds")
    census, register, border = kinds.choices.order_by("position")
    address = url("choice_list_edit", form_id=form.form_id, pk=kinds.pk)
    before = list(Choice.objects.order_by("pk").values_list("name", "label_en"))
    # census removed (left out), then ticked for removal, then renamed.
    cases: list[list[tuple[Any, str, str, str]]] = [
        [
            (register.pk, "administrative_register", "A", "A"),
            (border.pk, "border_records", "B", "B"),
        ],
        [(census.pk, "census", "C", "C"), (register.pk, "administrative_register", "A", "A")],
        [(census.pk, "population_census", "C", "C")],
    ]
    for rows in cases:
        data = _list_data(form, "kinds", rows)
        if len(rows) == 2 and rows[0][0] == census.pk:
            data["choices-0-DELETE"] = "on"
        response = builder.post(address, data)
        assert (
            "Stored answers hold the codes census: they cannot be removed or renamed."
            in _errors(response)
        )
        assert list(Choice.objects.order_by("pk").values_list("name", "label_en")) == before
    # A code no answer holds may go, another may be renamed, the labels change, one is added.
    rows = [
        (census.pk, "census", "Population census", "Recensement de la population"),
        (register.pk, "admin_register", "Register", "Registre"),
        (None, "survey", "Survey", "Enquête"),
    ]
    response = builder.post(address, _list_data(form, "kinds", rows))
    assert response.status_code == 302
    assert [(c.name, tr(c, "label_fr")) for c in kinds.choices.order_by("position")] == [
        ("census", "Recensement de la population"),
        ("admin_register", "Registre"),
        ("survey", "Enquête"),
    ]


def test_odd_choice_rows_are_refused(builder: Client, form: Questionnaire) -> None:
    kinds = form.choice_lists.get(name="kinds")
    address = url("choice_list_edit", form_id=form.form_id, pk=kinds.pk)
    before = list(Choice.objects.order_by("pk").values_list("name", "label_en", "position"))
    elsewhere = Choice.objects.exclude(choice_list=kinds).values_list("pk", flat=True)[0]
    cases: list[tuple[list[tuple[Any, str, str, str]], str]] = [
        ([(None, "x", "X", ""), (None, "x", "Y", "")], "Each code once: x."),
        ([(None, "a b", "E", "")], "has no spaces"),
        ([(None, "", "Label only", "")], "Give the choice a code."),
        ([(None, "code_only", "", "")], "Give the choice a label in English, French or both."),
        ([(99999999999, "x", "X", "")], "Ensure this value is less than or equal to"),
        (
            [(elsewhere, "x", "X", "")],
            "no longer in the list",
        ),
    ]
    for rows, message in cases:
        response = builder.post(address, _list_data(form, "kinds", rows))
        assert message in _errors(response).replace("&#x27;", "'"), message
        assert (
            list(Choice.objects.order_by("pk").values_list("name", "label_en", "position"))
            == before
        )
    response = builder.post(
        url("choice_list_create", form_id=form.form_id), choices_data([], "kinds")
    )
    assert "Another list of this questionnaire has this name." in _errors(response)


def test_stale_edits_are_refused_with_the_change_shown(
    builder: Client, form: Questionnaire
) -> None:
    staff = form.questions.get(name="staff")
    read = staff.version
    data = question_data(type=T.INTEGER, name="staff", parent=staff.parent_id, version=read)
    first = builder.post(
        url("question_edit", form_id=form.form_id, pk=staff.pk),
        data | {"label_en": "Staff (people)"},
    )
    assert first.status_code == 302
    second = builder.post(
        url("question_edit", form_id=form.form_id, pk=staff.pk), data | {"label_en": "Headcount"}
    )
    page = _errors(second)
    assert "Someone else saved this record" in page
    assert "Staff (people)" in page
    assert tr(Question.objects.get(pk=staff.pk), "label_en") == "Staff (people)"
    # The questionnaire's settings, read before a builder write, are refused too.
    form.refresh_from_db()
    settings = _settings(form, title_en="Renamed")
    builder.post(url("question_move", form_id=form.form_id, pk=staff.pk), {"direction": "down"})
    response = builder.post(url("edit", form_id=form.form_id), settings)
    assert "Someone else saved this record" in _errors(response)
    assert tr(Questionnaire.objects.get(pk=form.pk), "title_en") != "Renamed"
    # A list of choices too.
    kinds = form.choice_lists.get(name="kinds")
    rows = [(c.pk, c.name, tr(c, "label_en"), tr(c, "label_fr")) for c in kinds.choices.all()]
    data = _list_data(form, "kinds", rows)
    assert (
        builder.post(
            url("choice_list_edit", form_id=form.form_id, pk=kinds.pk), data | {"name": "kinds2"}
        ).status_code
        == 302
    )
    response = builder.post(
        url("choice_list_edit", form_id=form.form_id, pk=kinds.pk), data | {"name": "kinds3"}
    )
    assert "Someone else saved this record" in _errors(response)
    assert form.choice_lists.filter(name="kinds2").exists()
