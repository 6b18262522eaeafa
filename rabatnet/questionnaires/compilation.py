"""From a response's answers, the data of the candidate records it proposes (pure).

Each answer to a question that ``feeds`` a guide field (``kind.field``, ``models.Feeds``)
goes to the candidate of its kind in its repeat row. Questions outside any repeat (row 0)
make a candidate of their own only when no repeat row feeds the same kind; otherwise their
values are the defaults of every row of that kind (the institution asked once, one row per
stage). A row with no feeding answer makes nothing.

Values take the form the guide record's form takes: choice codes as they are (they are the
model's values), several choices as a list, a year as a number. A value that names a row
of the database becomes its id when it is found — an institution by its name or acronym
(case and accents ignored; the country's own first), an area or a challenge type by its
slug — and stays the text as answered otherwise, for the reviewer to choose.
"""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ORGANISATION_FIELDS = {"source.entity", "actor.organisation", "practice.organisation"}
NUMBER_FIELDS = {"practice.year"}


@dataclass(frozen=True)
class AnswerFact:
    """One answer as compilation reads it: the field it feeds, its question's type, its
    repeat row (0 outside any repeat) and the stored value."""

    feeds: str
    type: str
    row: int
    value: str


@dataclass(frozen=True)
class OrganisationFact:
    pk: int
    name: str
    acronym: str
    own: bool  # of the country (else international)


@dataclass(frozen=True)
class Lookups:
    """The rows answers may name: institutions, areas and challenge types (slug → id)."""

    organisations: list[OrganisationFact] = field(default_factory=list)
    areas: dict[str, int] = field(default_factory=dict)
    challenge_types: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Proposal:
    """A candidate record's data: its kind, its repeat row, field → value."""

    kind: str
    row: int
    data: dict[str, Any]


def normalised(text: str) -> str:
    """``text`` without accents, case or repeated spaces: what names are compared on."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def match_organisation(text: str, organisations: Iterable[OrganisationFact]) -> int | None:
    """The id of the one institution named ``text`` (name or acronym), the country's own
    before international ones; None when none or several fit."""
    wanted = normalised(text)
    if not wanted:
        return None
    found = [
        o for o in organisations if wanted in {normalised(o.name), normalised(o.acronym)} - {""}
    ]
    own = [o for o in found if o.own]
    chosen = own or found
    return chosen[0].pk if len(chosen) == 1 else None


def _slug_or_text(code: str, table: dict[str, int]) -> int | str:
    return table.get(code, code)


def field_value(fact: AnswerFact, lookups: Lookups) -> Any:
    """The answer's value as the record's form takes it ("" when there is nothing)."""
    value = fact.value.strip()
    if not value:
        return ""
    if fact.feeds == "source.areas":
        return [_slug_or_text(code, lookups.areas) for code in value.split()]
    if fact.feeds == "challenge.challenge_type":
        return _slug_or_text(value, lookups.challenge_types)
    if fact.feeds in ORGANISATION_FIELDS:
        return match_organisation(value, lookups.organisations) or value
    if fact.type == "select_multiple":
        return value.split()
    if fact.feeds in NUMBER_FIELDS and value.isdigit():
        return int(value)
    return value


def proposals(facts: Iterable[AnswerFact], lookups: Lookups) -> list[Proposal]:
    """The candidates a response's answers make, by kind then row."""
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    for fact in facts:
        if "." not in fact.feeds:
            continue
        value = field_value(fact, lookups)
        if value in ("", []):
            continue
        kind, name = fact.feeds.split(".", 1)
        rows.setdefault((kind, fact.row), {})[name] = value
    made: list[Proposal] = []
    for kind in sorted({kind for kind, _row in rows}):
        repeat_rows = sorted(row for k, row in rows if k == kind and row > 0)
        defaults = rows.get((kind, 0), {})
        if not repeat_rows:
            made.append(Proposal(kind, 0, dict(defaults)))
            continue
        for row in repeat_rows:
            made.append(Proposal(kind, row, {**defaults, **rows[(kind, row)]}))
    return made
