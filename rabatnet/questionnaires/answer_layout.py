"""A questionnaire's questions as the respondent's page walks them: in order, sections and
repeat groups holding their questions, each row of a repeat with its own answers; which
questions are relevant for the answers so far (``expressions``, as ODK would).

Answers are keyed ``(question name, row)``: row 0 outside any repeat, 1..n inside.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .expressions import ExpressionError, evaluate
from .models import Question, Questionnaire

T = Question.Type
Values = dict[tuple[str, int], str]
MAX_ROWS = 50


@dataclass
class Layout:
    questionnaire: Questionnaire
    questions: list[Question]
    children: dict[int | None, list[Question]] = field(default_factory=dict)
    repeat_of: dict[int, Question | None] = field(default_factory=dict)
    by_name: dict[str, Question] = field(default_factory=dict)

    @property
    def repeats(self) -> list[Question]:
        return [q for q in self.questions if q.type == T.REPEAT]

    def answerable(self) -> Iterator[Question]:
        return (q for q in self.questions if q.type not in (*Question.CONTAINERS, T.NOTE))


def layout_of(questionnaire: Questionnaire) -> Layout:
    questions = list(
        questionnaire.questions.select_related("choice_list")
        .prefetch_related("choice_list__choices")
        .order_by("position", "pk")
    )
    layout = Layout(questionnaire, questions)
    by_pk = {q.pk: q for q in questions}
    for question in questions:
        layout.children.setdefault(question.parent_id, []).append(question)
        layout.by_name[question.name] = question
        repeat, parent = None, by_pk.get(question.parent_id or 0)
        while parent is not None:
            if parent.type == T.REPEAT:
                repeat = parent
                break
            parent = by_pk.get(parent.parent_id or 0)
        layout.repeat_of[question.pk] = repeat
    return layout


def row_counts(layout: Layout, values: Mapping[tuple[str, int], str]) -> dict[str, int]:
    """Each repeat's number of rows: the last row with an answer, at least 1."""
    counts = {repeat.name: 1 for repeat in layout.repeats}
    for name, row in values:
        question = layout.by_name.get(name)
        repeat = layout.repeat_of.get(question.pk) if question else None
        if repeat is not None and row > 0:
            counts[repeat.name] = max(counts[repeat.name], min(row, MAX_ROWS))
    return counts


def context(layout: Layout, values: Mapping[tuple[str, int], str], row: int) -> dict[str, str]:
    """What ``${name}`` reads in row ``row`` (0: outside repeats): the row's own answers over
    the answers outside any repeat."""
    found = {name: value for (name, r), value in values.items() if r == 0}
    if row:
        found.update({name: value for (name, r), value in values.items() if r == row})
    return found


def is_relevant(question: Question, answers: Mapping[str, str]) -> bool:
    """The question's condition, true if it has none; a condition the site cannot read
    (imported before it was checked) hides nothing."""
    try:
        return evaluate(question.relevant, answers)
    except ExpressionError:
        return True


def relevant_keys(
    layout: Layout, values: Mapping[tuple[str, int], str], counts: Mapping[str, int]
) -> set[tuple[str, int]]:
    """Every (question, row) asked for these answers: a question whose own condition, or a
    section's or repeat's around it, is false is not asked."""
    asked: set[tuple[str, int]] = set()

    def walk(parent_id: int | None, row: int, shown: bool) -> None:
        for question in layout.children.get(parent_id, []):
            if question.type == T.REPEAT and row == 0:
                here = shown and is_relevant(question, context(layout, values, 0))
                if here:
                    asked.add((question.name, 0))
                for number in range(1, counts.get(question.name, 1) + 1):
                    walk(question.pk, number, here)
                continue
            here = shown and is_relevant(question, context(layout, values, row))
            if here:
                asked.add((question.name, row))
            walk(question.pk, row, here)

    walk(None, 0, True)
    return asked


def translated(obj: object, attribute: str, language: str) -> str:
    """``obj.<attribute>_<language>``, falling back on English (modeltranslation fields)."""
    return str(
        getattr(obj, f"{attribute}_{language}", "")
        or getattr(obj, f"{attribute}_en", "")
        or getattr(obj, attribute, "")
        or ""
    )


def label(question: Question, language: str, attribute: str = "label") -> str:
    return translated(question, attribute, language)


def choices(question: Question, language: str) -> list[tuple[str, str]]:
    if question.choice_list is None:
        return []
    return [
        (choice.name, translated(choice, "label", language) or choice.name)
        for choice in question.choice_list.choices.all()
    ]


def constraint_holds(question: Question, value: str, answers: Mapping[str, str]) -> bool:
    if not question.constraint or value == "":
        return True
    try:
        return evaluate(question.constraint, answers, current=value)
    except ExpressionError:
        return True
