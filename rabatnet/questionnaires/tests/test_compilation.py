"""From a response's answers, the candidates' data: rows, kinds, codes, institutions, areas."""

import pytest

from rabatnet.guides.models import ChallengeType
from rabatnet.network.models import Organisation

from ..compilation import (
    AnswerFact,
    Lookups,
    OrganisationFact,
    match_organisation,
    normalised,
    proposals,
)
from ..compilation_selectors import lookups, response_facts
from .compilation_fixtures import feeding_questionnaire, full_response, trends
from .factories import make_questionnaire, make_response

ORGS = [
    OrganisationFact(1, "Agence nationale de la statistique et de la démographie", "ANSD", True),
    OrganisationFact(2, "Direction générale de la police nationale", "DGPN", True),
    OrganisationFact(3, "International Organization for Migration", "IOM", False),
    OrganisationFact(4, "Ministère de l'Intérieur", "", True),
    OrganisationFact(5, "Ministère de l'Intérieur", "", False),
]


def test_names_compare_without_case_accents_or_spaces() -> None:
    assert normalised("  Ministère   de l'INTÉRIEUR ") == "ministere de l'interieur"


@pytest.mark.parametrize(
    ("text", "pk"),
    [
        ("ANSD", 1),
        ("ansd", 1),
        ("agence nationale de la statistique et de la demographie", 1),
        ("IOM", 3),
        ("ministere de l'interieur", 4),  # the country's own before the international one
        ("Police", None),  # a part of a name is not a name
        ("", None),
    ],
)
def test_an_institution_is_matched_by_name_or_acronym(text: str, pk: int | None) -> None:
    assert match_organisation(text, ORGS) == pk


def test_two_institutions_of_the_same_name_are_left_to_the_reviewer() -> None:
    twins = [OrganisationFact(1, "Cellule", "", True), OrganisationFact(2, "Cellule", "", True)]
    assert match_organisation("cellule", twins) is None


def _fact(feeds: str, row: int, value: str, type_: str = "text") -> AnswerFact:
    return AnswerFact(feeds, type_, row, value)


def test_each_repeat_row_makes_a_candidate_and_row_zero_gives_its_defaults() -> None:
    facts = [
        _fact("actor.organisation", 0, "ANSD"),
        _fact("actor.stage", 1, "decision", "select_one"),
        _fact("actor.stage", 2, "follow_up", "select_one"),
        _fact("actor.description", 2, "Suit les décisions."),
        _fact("recommendation.text", 0, "Publier chaque année."),
        _fact("practice.year", 1, "2021", "integer"),
        _fact("practice.kind", 3, "", "select_one"),  # an empty answer makes nothing
    ]
    made = proposals(facts, Lookups(organisations=ORGS))
    assert [(p.kind, p.row) for p in made] == [
        ("actor", 1),
        ("actor", 2),
        ("practice", 1),
        ("recommendation", 0),
    ]
    assert made[0].data == {"organisation": 1, "stage": "decision"}
    assert made[1].data == {
        "organisation": 1,
        "stage": "follow_up",
        "description": "Suit les décisions.",
    }
    assert made[2].data == {"year": 2021}


def test_slugs_become_ids_and_unknown_ones_stay_as_text() -> None:
    table = Lookups(areas={"trends": 7}, challenge_types={"limited-use": 9})
    made = proposals(
        [
            _fact("source.areas", 1, "trends unknown", "select_multiple"),
            _fact("source.entity", 1, "Bureau inconnu"),
            _fact("challenge.challenge_type", 0, "limited-use", "select_one"),
            _fact("practice.kind", 0, "best_practice use_example", "select_multiple"),
        ],
        table,
    )
    by_kind = {p.kind: p.data for p in made}
    assert by_kind["source"] == {"areas": [7, "unknown"], "entity": "Bureau inconnu"}
    assert by_kind["challenge"] == {"challenge_type": 9}
    assert by_kind["practice"] == {"kind": ["best_practice", "use_example"]}


def test_a_response_without_feeding_answers_makes_nothing() -> None:
    assert proposals([_fact("", 0, "x")], Lookups()) == []


@pytest.mark.django_db
def test_the_factory_response_makes_one_source_per_repeat_row() -> None:
    questionnaire = make_questionnaire()
    response = make_response(
        questionnaire,
        answers={
            ("respondent_unit", 0): "Unit",
            ("source_name", 1): "RGPH",
            ("source_kind", 1): "census",
            ("areas", 1): "trends border",
            ("source_name", 2): "Fichier",
            ("staff", 0): "12",
        },
    )
    made = proposals(response_facts(response), lookups(response.country))
    assert [(p.kind, p.row) for p in made] == [("source", 1), ("source", 2)]
    assert made[0].data == {"name": "RGPH", "kind": "census", "areas": [trends().pk, "border"]}
    assert made[1].data == {"name": "Fichier"}


@pytest.mark.django_db
def test_every_kind_of_a_full_response() -> None:
    response = full_response(feeding_questionnaire())
    made = proposals(response_facts(response), lookups(response.country))
    ansd = Organisation.objects.get(acronym="ANSD")
    kinds = [(p.kind, p.row) for p in made]
    assert kinds == [("actor", 1), ("actor", 2), ("challenge", 0), ("source", 1), ("source", 2)]
    assert made[0].data == {
        "organisation": ansd.pk,
        "stage": "decision",
        "description": "Produit les chiffres des décisions.",
    }
    assert made[1].data == {"organisation": ansd.pk, "stage": "follow_up"}
    poor = ChallengeType.objects.get(slug="poor-dissemination")
    assert made[2].data == {
        "challenge_type": poor.pk,
        "description": "Les tableaux restent internes.",
    }
