"""Reads behind the questionnaires' pages and the builder: the list with its counts, the
tree of questions, the lists of choices, and what answers already use."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from . import expressions
from .models import Answer, Choice, ChoiceList, Question, Questionnaire

T = Question.Type
# Rows that take no answer: sections, repeat groups, notes.
NOT_ANSWERED = [T.GROUP, T.REPEAT, T.NOTE]


def questionnaire_list() -> QuerySet[Questionnaire]:
    """Every questionnaire with ``question_count``: its questions that take an answer
    (sections, repeat groups and notes not counted)."""
    return Questionnaire.objects.annotate(
        question_count=Count("questions", filter=~Q(questions__type__in=NOT_ANSWERED))
    ).order_by("-is_standard", "form_id")


@dataclass
class Node:
    """A question and the questions inside it (a section or a repeat group)."""

    question: Question
    depth: int = 0
    children: list["Node"] = field(default_factory=list)


def _questions(questionnaire: Questionnaire) -> list[Question]:
    choices = Prefetch("choice_list__choices", queryset=Choice.objects.order_by("position", "pk"))
    return list(
        questionnaire.questions.select_related("choice_list")
        .prefetch_related(choices)
        .order_by("position", "pk")
    )


def build_tree(questions: list[Question]) -> list[Node]:
    """The questions nested under their sections and repeat groups, in order."""
    by_parent: dict[int | None, list[Question]] = {}
    for question in sorted(questions, key=lambda q: (q.position, q.pk or 0)):
        by_parent.setdefault(question.parent_id, []).append(question)

    def nodes(parent: int | None, depth: int, seen: frozenset[int]) -> list[Node]:
        out = []
        for question in by_parent.get(parent, []):
            if question.pk in seen:  # a cycle cannot be built here; never loop on one
                continue
            node = Node(question, depth)
            node.children = nodes(question.pk, depth + 1, seen | {question.pk})
            out.append(node)
        return out

    return nodes(None, 0, frozenset())


def tree(questionnaire: Questionnaire) -> list[Node]:
    return build_tree(_questions(questionnaire))


def flatten(nodes: list[Node]) -> list[Node]:
    """The tree's nodes in order, depth first (the XLSForm survey sheet's order)."""
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        out.extend(flatten(node.children))
    return out


def choice_lists(questionnaire: Questionnaire) -> QuerySet[ChoiceList]:
    """The lists of choices with their choices and ``question_count`` (questions using it)."""
    return (
        questionnaire.choice_lists.annotate(question_count=Count("questions"))
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "pk")))
        .order_by("name")
    )


def question_names(questionnaire: Questionnaire) -> set[str]:
    return set(questionnaire.questions.values_list("name", flat=True))


def containers(questionnaire: Questionnaire) -> QuerySet[Question]:
    return questionnaire.questions.filter(type__in=Question.CONTAINERS).order_by("position", "pk")


def descendant_ids(question: Question) -> set[int]:
    """The keys of every question inside ``question`` (at any depth)."""
    pairs = list(question.questionnaire.questions.values_list("pk", "parent_id"))
    found: set[int] = set()
    frontier = {question.pk}
    while frontier:
        frontier = {pk for pk, parent in pairs if parent in frontier and pk not in found}
        found |= frontier
    return found


def enclosing_repeat(parent: Question | None) -> Question | None:
    """The repeat group ``parent`` is or is inside, if any."""
    seen: set[int] = set()
    while parent is not None and parent.pk not in seen:
        if parent.type == T.REPEAT:
            return parent
        seen.add(parent.pk)
        parent = parent.parent
    return None


def has_answers(question: Question) -> bool:
    return Answer.objects.filter(question=question).exists()


def answered_inside(question: Question) -> bool:
    """True if a question inside ``question`` (at any depth) has answers."""
    return Answer.objects.filter(question_id__in=descendant_ids(question)).exists()


def repeat_inside(question: Question) -> bool:
    """True if a repeat group is inside ``question`` (at any depth)."""
    return Question.objects.filter(pk__in=descendant_ids(question), type=T.REPEAT).exists()


def used_codes(choice_list: ChoiceList) -> set[str]:
    """The codes stored answers hold for the questions that use ``choice_list``."""
    values = Answer.objects.filter(question__choice_list=choice_list).values_list(
        "value", flat=True
    )
    return {code for value in values.iterator() for code in value.split()}


def referring(questionnaire: Questionnaire, name: str, exclude: int | None = None) -> list[str]:
    """The names of the questions whose condition or constraint refers to ``${name}``."""
    rows = questionnaire.questions.exclude(relevant="", constraint="")
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    return sorted(
        q.name
        for q in rows.only("name", "relevant", "constraint")
        if name in expressions.references(q.relevant) | expressions.references(q.constraint)
    )
