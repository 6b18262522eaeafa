"""What the compilation tests share: a questionnaire that feeds every kind, a response to
it, a guide in drafting's shadow, the people of each role."""

from typing import Any

from rabatnet.core.tests.narrowing import present
from rabatnet.guides.models import Guide
from rabatnet.network.models import Organisation
from rabatnet.sources.models import Area

from ..compilation_services import propose_from_response
from ..models import Candidate, Question, Questionnaire, Response
from .factories import make_department, make_guide, make_questionnaire, make_response

T = Question.Type


def _add(questionnaire: Questionnaire, name: str, type_: str, **extra: Any) -> Question:
    last = questionnaire.questions.order_by("-position").first()
    return Question.objects.create(
        questionnaire=questionnaire,
        name=name,
        type=type_,
        position=(last.position if last else 0) + 10,
        label_en=name,
        label_fr=name,
        **extra,
    )


def feeding_questionnaire(form_id: str = "test_compile") -> Questionnaire:
    """The factory's questionnaire (sources in a repeat) plus, outside any repeat, the
    institution (actor.organisation) and a challenge; in a repeat ``stages``, each stage
    of the policy cycle the institution takes part in (actor.stage, actor.description)."""
    questionnaire = make_questionnaire(form_id)
    _add(questionnaire, "institution", T.TEXT, feeds="actor.organisation")
    _add(questionnaire, "challenge", T.TEXT, feeds="challenge.challenge_type")
    _add(questionnaire, "challenge_how", T.TEXT, feeds="challenge.description")
    stages = _add(questionnaire, "stages", T.REPEAT)
    _add(questionnaire, "stage", T.TEXT, parent=stages, feeds="actor.stage")
    _add(questionnaire, "what", T.TEXT, parent=stages, feeds="actor.description")
    return questionnaire


def ansd(iso3: str = "SEN") -> Organisation:
    name = "Agence nationale de la statistique et de la démographie"
    found = Organisation.objects.filter(name=name, country__iso3=iso3).first()
    return found or make_department(iso3, name)


def full_response(questionnaire: Questionnaire, **fields: Any) -> Response:
    """Two sources, the institution named by its accents-free, capitalised name, two stages."""
    department = fields.pop("department", None) or ansd()
    department.acronym = "ANSD"
    department.save()
    return make_response(
        questionnaire,
        answers={
            ("respondent_unit", 0): "Statistics",
            ("has_sources", 0): "yes",
            ("source_name", 1): "RGPH 2023",
            ("source_kind", 1): "census",
            ("areas", 1): "trends border",
            ("source_name", 2): "Registre des entrées",
            ("source_kind", 2): "border_records",
            ("institution", 0): "AGENCE NATIONALE de la statistique et de la DEMOGRAPHIE",
            ("challenge", 0): "poor-dissemination",
            ("challenge_how", 0): "Les tableaux restent internes.",
            ("stage", 1): "decision",
            ("what", 1): "Produit les chiffres des décisions.",
            ("stage", 2): "follow_up",
            ("what", 2): "",
        },
        department=department,
        **fields,
    )


def trends() -> Area:
    return Area.objects.get(slug="trends")


def pending_candidate(guide: Guide | None = None, kind: str = "actor") -> Candidate:
    """A pending candidate of ``kind`` for the Senegalese guide, from a full response."""
    guide = guide or make_guide()
    response = full_response(feeding_questionnaire())
    propose_from_response(response=response, guide=guide, actor=None)
    return present(Candidate.objects.filter(guide=guide, kind=kind).order_by("row").first())
