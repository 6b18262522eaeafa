"""Reads of compilation: what a response's answers say, and the review page beside the draft."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country
from rabatnet.guides.forms import PARTS
from rabatnet.guides.models import ChallengeType, Guide
from rabatnet.network.models import Organisation
from rabatnet.sources.models import Area, Source
from rabatnet.sources.selectors import country_sources, entity_choices

from .compilation import AnswerFact, Lookups, OrganisationFact
from .models import Candidate, Response

# The guide part each kind of candidate becomes a record of (None: the source mapping).
PART_OF_KIND: dict[str, str | None] = {
    Candidate.Kind.SOURCE: None,
    Candidate.Kind.ACTOR: "actors",
    Candidate.Kind.CHALLENGE: "challenges",
    Candidate.Kind.PRACTICE: "practices",
    Candidate.Kind.RECOMMENDATION: "recommendations",
}


def model_of_kind(kind: str) -> type[Model]:
    part = PART_OF_KIND[kind]
    return Source if part is None else PARTS[part].model


def response_facts(response: Response) -> list[AnswerFact]:
    """The response's answers to questions that feed the guide."""
    answers = (
        response.answers.exclude(question__feeds="")
        .select_related("question")
        .order_by("row", "question__position")
    )
    return [AnswerFact(a.question.feeds, a.question.type, a.row, a.value) for a in answers]


def lookups(country: Country) -> Lookups:
    """The institutions, areas and challenge types a country's answers may name."""
    organisations = [
        OrganisationFact(o.pk, o.name, o.acronym, o.country_id == country.pk)
        for o in entity_choices(country)
    ]
    return Lookups(
        organisations=organisations,
        areas=dict(Area.objects.values_list("slug", "pk")),
        challenge_types=dict(ChallengeType.objects.values_list("slug", "pk")),
    )


def compilable_responses(country: Country) -> QuerySet[Response]:
    """The country's submitted responses to questionnaires that feed the guide."""
    return (
        Response.objects.filter(
            country=country,
            status=Response.Status.SUBMITTED,
            questionnaire__questions__feeds__gt="",
        )
        .distinct()
        .select_related("questionnaire", "country")
        .order_by("pk")
    )


def candidates(guide: Guide) -> list[Candidate]:
    return list(
        Candidate.objects.filter(guide=guide)
        .select_related(
            "response__questionnaire",
            "response__department",
            "outcome__workshop",
            "decided_by",
        )
        .order_by("kind", "pk")
    )


@dataclass(frozen=True)
class CandidateRow:
    """A candidate with its data as lines (label, value shown), ids named."""

    candidate: Candidate
    lines: list[tuple[str, str]]


@dataclass
class KindGroup:
    """One kind on the review page: its pending candidates beside the draft's records."""

    kind: str
    label: str
    anchor: str
    pending: list[CandidateRow] = field(default_factory=list)
    decided: list[CandidateRow] = field(default_factory=list)
    records: list[Any] = field(default_factory=list)


def _names(model: type[Model], ids: set[int]) -> dict[int, str]:
    return {o.pk: str(o) for o in model._default_manager.filter(pk__in=ids)} if ids else {}


TARGETS: dict[str, type[Model]] = {
    "entity": Organisation,
    "organisation": Organisation,
    "areas": Area,
    "challenge_type": ChallengeType,
}


def describe(candidates: list[Candidate]) -> list[CandidateRow]:
    """Each candidate with its data as lines, the rows it names by id fetched at once."""
    ids: dict[type[Model], set[int]] = {Organisation: set(), Area: set(), ChallengeType: set()}
    for candidate in candidates:
        for name, value in _items(candidate.data):
            if name in TARGETS:
                values = value if isinstance(value, list) else [value]
                ids[TARGETS[name]].update(v for v in values if isinstance(v, int))
    names = {model: _names(model, wanted) for model, wanted in ids.items()}
    return [CandidateRow(c, describe_data(c.kind, c.data, names)) for c in candidates]


def _items(data: object) -> list[tuple[str, Any]]:
    return [(str(k), v) for k, v in data.items()] if isinstance(data, dict) else []


def describe_data(
    kind: str, data: object, names: dict[type[Model], dict[int, str]]
) -> list[tuple[str, str]]:
    model = model_of_kind(kind)
    lines = []
    for name, value in _items(data):
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a key no field has: shown as it is
            label = name
            choices: dict[Any, Any] = {}
        else:
            label = str(getattr(model_field, "verbose_name", name))
            choices = dict(getattr(model_field, "choices", None) or [])
        values = value if isinstance(value, list) else [value]
        shown = []
        for v in values:
            if name in TARGETS and isinstance(v, int):
                shown.append(names[TARGETS[name]].get(v, f"#{v}"))
            elif name in TARGETS:
                shown.append(_("“%(text)s” (no match: to choose)") % {"text": v})
            else:
                shown.append(str(choices.get(v, v)))
        lines.append((label, ", ".join(shown)))
    return lines


def review_groups(guide: Guide) -> list[KindGroup]:
    """Every kind with its pending and decided candidates and the draft's records of it."""
    rows = describe(candidates(guide))
    groups = []
    for kind, label in Candidate.Kind.choices:
        group = KindGroup(kind, str(label), PART_OF_KIND[kind] or "sources")
        for row in rows:
            if row.candidate.kind != kind:
                continue
            pending = row.candidate.status == Candidate.Status.PENDING
            (group.pending if pending else group.decided).append(row)
        part = PART_OF_KIND[kind]
        if part is None:
            group.records = list(country_sources(guide.country))
        else:
            spec = PARTS[part]
            related = [n for n in spec.fields if spec.model._meta.get_field(n).many_to_one]
            group.records = list(spec.records(guide).select_related(*related))
        groups.append(group)
    return groups
