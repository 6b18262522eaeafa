"""Questionnaires, guides, responses and workshops for tests: one function each."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.guides.models import Guide
from rabatnet.guides.services import guide_start
from rabatnet.network.models import Organisation

from ..models import (
    Answer,
    Choice,
    ChoiceList,
    ImportBatch,
    Invitation,
    Question,
    Questionnaire,
    Response,
    Workshop,
)

T = Question.Type


def make_questionnaire(form_id: str = "test_sources", **fields: Any) -> Questionnaire:
    """A small questionnaire with every kind of row the site knows.

    ``respondent_unit`` (text, required), ``has_sources`` (select_one yes_no), a section
    ``about`` holding ``staff`` (integer, constraint ``. >= 0``) and ``budget`` (decimal),
    ``last_census`` (date), a repeat ``data_source`` (relevant: has_sources = yes) of
    ``source_name`` (text, feeds source.name), ``source_kind`` (select_one kinds, feeds
    source.kind), ``areas`` (select_multiple areas, feeds source.areas), and a note.
    """
    values: dict[str, Any] = {
        "title_en": "Information sources (test)",
        "title_fr": "Sources d'information (test)",
        "guide_part": "sources",
        "status": Questionnaire.Status.OPEN,
        **fields,
    }
    questionnaire = Questionnaire.objects.create(form_id=form_id, **values)
    yes_no = _choices(questionnaire, "yes_no", [("yes", "Yes", "Oui"), ("no", "No", "Non")])
    kinds = _choices(
        questionnaire,
        "kinds",
        [
            ("census", "Census", "Recensement"),
            ("administrative_register", "Administrative register", "Registre administratif"),
            ("border_records", "Border records", "Registres aux frontières"),
        ],
    )
    areas = _choices(
        questionnaire,
        "areas",
        [
            ("trends", "Migration trends", "Tendances migratoires"),
            ("border", "Border management", "Gestion des frontières"),
        ],
    )
    position = iter(range(10, 1000, 10))

    def add(name: str, type_: str, parent: Question | None = None, **extra: Any) -> Question:
        return Question.objects.create(
            questionnaire=questionnaire,
            name=name,
            type=type_,
            parent=parent,
            position=next(position),
            label_en=extra.pop("en", name.replace("_", " ").capitalize()),
            label_fr=extra.pop("fr", f"{name} (fr)"),
            **extra,
        )

    add("respondent_unit", T.TEXT, required=True, en="Your unit", fr="Votre service")
    add("has_sources", T.SELECT_ONE, choice_list=yes_no, required=True)
    about = add("about", T.GROUP, en="About your unit", fr="Votre service")
    add(
        "staff",
        T.INTEGER,
        about,
        constraint=". >= 0",
        constraint_message_en="A number of people cannot be negative.",
        constraint_message_fr="Un nombre de personnes ne peut être négatif.",
    )
    add("budget", T.DECIMAL, about)
    add("last_census", T.DATE)
    repeat = add(
        "data_source",
        T.REPEAT,
        relevant="${has_sources} = 'yes'",
        en="One row per data source",
        fr="Une ligne par source de données",
    )
    add("source_name", T.TEXT, repeat, required=True, feeds="source.name")
    add("source_kind", T.SELECT_ONE, repeat, choice_list=kinds, feeds="source.kind")
    add("areas", T.SELECT_MULTIPLE, repeat, choice_list=areas, feeds="source.areas")
    add("thanks", T.NOTE, en="Thank you.", fr="Merci.")
    return questionnaire


def _choices(
    questionnaire: Questionnaire, name: str, items: list[tuple[str, str, str]]
) -> ChoiceList:
    choice_list = ChoiceList.objects.create(questionnaire=questionnaire, name=name)
    for position, (code, en, fr) in enumerate(items):
        Choice.objects.create(
            choice_list=choice_list, name=code, label_en=en, label_fr=fr, position=position
        )
    return choice_list


def make_guide(iso3: str = "SEN", language: str = "fr") -> Guide:
    """A guide at its first stage (expression of interest), through ``guide_start``."""
    return guide_start(country=Country.objects.get(iso3=iso3), language=language, actor=None)


def make_department(iso3: str = "SEN", name: str = "Direction de la statistique") -> Organisation:
    return Organisation.objects.create(
        name=name, kind=Organisation.Kind.GOVERNMENT, country=Country.objects.get(iso3=iso3)
    )


def make_invitation(questionnaire: Questionnaire, iso3: str = "SEN", **fields: Any) -> Invitation:
    values: dict[str, Any] = {
        "respondent_name": "Awa Ndiaye",
        "respondent_email": "awa.ndiaye@example.org",
        "language": "fr",
        "expires_at": timezone.now() + timedelta(days=30),
        **fields,
    }
    if "department" not in values:
        values["department"] = make_department(iso3)
    return Invitation.objects.create(
        questionnaire=questionnaire, country=Country.objects.get(iso3=iso3), **values
    )


def make_response(
    questionnaire: Questionnaire,
    iso3: str = "SEN",
    answers: dict[tuple[str, int], str] | None = None,
    **fields: Any,
) -> Response:
    """A submitted response; ``answers`` maps (question name, repeat row) to the value."""
    values: dict[str, Any] = {
        "origin": Response.Origin.WEB,
        "status": Response.Status.SUBMITTED,
        "submitted_at": timezone.now(),
        "respondent_name": "Awa Ndiaye",
        **fields,
    }
    response = Response.objects.create(
        questionnaire=questionnaire, country=Country.objects.get(iso3=iso3), **values
    )
    questions = {q.name: q for q in questionnaire.questions.all()}
    for (name, row), value in (answers or {}).items():
        Answer.objects.create(response=response, question=questions[name], row=row, value=value)
    return response


def make_workshop(guide: Guide, **fields: Any) -> Workshop:
    values: dict[str, Any] = {
        "kind": Workshop.Kind.BOTH,
        "title": "Atelier national de discussion et de formation",
        "starts_on": date(2026, 3, 10),
        "ends_on": date(2026, 3, 11),
        "city": "Dakar",
        **fields,
    }
    return Workshop.objects.create(guide=guide, **values)


def import_export(form: Questionnaire, *files: tuple[str, bytes], fmt: str = "") -> ImportBatch:
    """Import the files of an export (name, bytes) for Senegal, as the command does."""
    from ..submission_import import Upload, submissions_import

    return submissions_import(
        questionnaire=form,
        country=Country.objects.get(iso3="SEN"),
        uploads=[Upload(name=name, data=data) for name, data in files],
        actor=None,
        fmt=fmt,
    )
