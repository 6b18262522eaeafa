"""The builder through its pages: a questionnaire made from nothing (a section, a repeat, a
select with its list, a condition, a constraint), then each refusal with its message and
nothing changed."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rabatnet.network.tests import factories as f

from ..models import ChoiceList, Question, Questionnaire
from .builder_samples import builder_url as url
from .builder_samples import tr

pytestmark = pytest.mark.django_db
T = Question.Type


def question_data(**fields: Any) -> dict[str, Any]:
    data = {
        "type": T.TEXT,
        "name": "q",
        "parent": "",
        "choice_list": "",
        "relevant": "",
        "constraint": "",
        "appearance": "",
        "feeds": "",
        "label_en": "A question",
        "label_fr": "Une question",
        "hint_en": "",
        "hint_fr": "",
        "required_message_en": "",
        "required_message_fr": "",
        "constraint_message_en": "",
        "constraint_message_fr": "",
    }
    data.update({k: "" if v is None else v for k, v in fields.items()})
    return data


def choices_data(rows: list[tuple[Any, str, str, str]], name: str, **extra: Any) -> dict:
    data: dict[str, Any] = {
        "name": name,
        "choices-TOTAL_FORMS": str(len(rows)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "200",
        **extra,
    }
    for i, (pk, code, en, fr) in enumerate(rows):
        data |= {
            f"choices-{i}-choice": pk or "",
            f"choices-{i}-code": code,
            f"choices-{i}-label_en": en,
            f"choices-{i}-label_fr": fr,
        }
    return data


@pytest.fixture
def builder(client: Client) -> Client:
    client.force_login(f.secretariat())
    return client


def _new(client: Client, form_id: str = "unit_survey") -> Questionnaire:
    response = client.post(
        reverse("questionnaires:create"),
        {
            "form_id": form_id,
            "form_version": "2026120101",
            "guide_part": "sources",
            "default_language": "fr",
            "title_en": "Unit survey",
            "title_fr": "Enquête auprès des services",
            "description_en": "",
            "description_fr": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return Questionnaire.objects.get(form_id=form_id)


def _add(client: Client, form_id: str, parent: Question | None = None, **fields: Any) -> Any:
    address = url("question_create", form_id=form_id)
    if parent is not None:
        address += f"?parent={parent.pk}"
        fields.setdefault("parent", parent.pk)
    return client.post(address, question_data(**fields))


def test_building_a_questionnaire_through_the_pages(builder: Client) -> None:
    questionnaire = _new(builder)
    assert questionnaire.status == Questionnaire.Status.DRAFT
    assert questionnaire.history.first().history_user is not None
    response = builder.post(
        url("choice_list_create", form_id="unit_survey"),
        choices_data([(None, "yes", "Yes", "Oui"), (None, "no", "No", "Non")], "yes_no"),
    )
    assert response.status_code == 302
    yes_no = ChoiceList.objects.get(questionnaire=questionnaire, name="yes_no")
    assert [(c.name, tr(c, "label_en"), tr(c, "label_fr")) for c in yes_no.choices.all()] == [
        ("yes", "Yes", "Oui"),
        ("no", "No", "Non"),
    ]
    assert (
        _add(
            builder,
            "unit_survey",
            type=T.SELECT_ONE,
            name="has_sources",
            choice_list=yes_no.pk,
            required="on",
        ).status_code
        == 302
    )
    assert (
        _add(
            builder,
            "unit_survey",
            type=T.GROUP,
            name="about",
            label_en="About",
            label_fr="À propos",
        ).status_code
        == 302
    )
    about = Question.objects.get(name="about", questionnaire=questionnaire)
    response = _add(
        builder,
        "unit_survey",
        about,
        type=T.INTEGER,
        name="staff",
        constraint=". >= 0",
        constraint_message_en="Not negative.",
        constraint_message_fr="Pas négatif.",
    )
    assert response.status_code == 302
    assert (
        _add(
            builder,
            "unit_survey",
            type=T.REPEAT,
            name="data_source",
            relevant="${has_sources} = 'yes'",
        ).status_code
        == 302
    )
    repeat = Question.objects.get(name="data_source", questionnaire=questionnaire)
    assert (
        _add(builder, "unit_survey", repeat, name="source_name", feeds="source.name").status_code
        == 302
    )
    # Added inside the section after the repeat: still with the section, before the repeat.
    assert _add(builder, "unit_survey", about, type=T.DECIMAL, name="budget").status_code == 302

    order = list(questionnaire.questions.order_by("position").values_list("name", flat=True))
    assert order == ["has_sources", "about", "staff", "budget", "data_source", "source_name"]
    staff = Question.objects.get(name="staff")
    assert staff.parent == about and staff.constraint == ". >= 0"
    assert tr(staff, "constraint_message_fr") == "Pas négatif."
    assert Question.objects.get(name="source_name").feeds == "source.name"
    page = builder.get(reverse("questionnaires:detail", args=["unit_survey"])).content.decode()
    assert "Move up" in page and "Add a question inside" in page

    # Move the repeat up, above the section: the section's questions follow the section.
    response = builder.post(
        url("question_move", form_id="unit_survey", pk=repeat.pk), {"direction": "up"}
    )
    assert response.status_code == 302
    order = list(questionnaire.questions.order_by("position").values_list("name", flat=True))
    assert order == ["has_sources", "data_source", "source_name", "about", "staff", "budget"]

    # Every write raised the questionnaire's version.
    questionnaire.refresh_from_db()
    assert questionnaire.version >= 9

    # Open it for answers, close it, reopen it.
    for step in ("open", "closed", "open"):
        questionnaire.refresh_from_db()
        response = builder.post(
            url("edit", form_id="unit_survey"), _settings(questionnaire, status=step)
        )
        assert response.status_code == 302, response.context["form"].errors
    questionnaire.refresh_from_db()
    assert questionnaire.status == "open"


def _settings(questionnaire: Questionnaire, **fields: Any) -> dict[str, Any]:
    data = {
        "form_version": questionnaire.form_version,
        "guide_part": questionnaire.guide_part,
        "default_language": questionnaire.default_language,
        "status": questionnaire.status,
        "title_en": tr(questionnaire, "title_en") or "",
        "title_fr": tr(questionnaire, "title_fr") or "",
        "description_en": "",
        "description_fr": "",
        "version": questionnaire.version,
    }
    return data | fields
