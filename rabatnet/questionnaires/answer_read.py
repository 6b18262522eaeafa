"""A response's answers as people read them: each question's label with the stored code
and the choice labels (English and French), repeat groups as tables (one line per row)."""

from dataclasses import dataclass, field

from .answer_layout import Layout, Values, label, translated
from .models import Question

T = Question.Type


@dataclass
class Cell:
    code: str
    en: str
    fr: str

    @property
    def labelled(self) -> bool:
        return self.en != self.code or self.fr != self.code


@dataclass
class Item:
    kind: str  # heading, answer, repeat
    text: str = ""
    text_fr: str = ""
    name: str = ""
    cell: Cell | None = None
    columns: list[Question] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)


def cell(question: Question, value: str) -> Cell:
    if question.choice_list is None or not value:
        return Cell(value, value, value)
    labels = {c.name: c for c in question.choice_list.choices.all()}
    codes = value.split() if question.type == T.SELECT_MULTIPLE else [value]
    en = [translated(labels[c], "label", "en") or c if c in labels else c for c in codes]
    fr = [translated(labels[c], "label", "fr") or c if c in labels else c for c in codes]
    return Cell(value, "; ".join(en), "; ".join(fr))


def _inside(layout: Layout, repeat: Question) -> list[Question]:
    return [
        q
        for q in layout.answerable()
        if (found := layout.repeat_of.get(q.pk)) is not None and found.pk == repeat.pk
    ]


def read_rows(layout: Layout, values: Values, language: str) -> list[Item]:
    """In order: section headings, answered questions, repeat tables (rows with answers)."""
    items: list[Item] = []

    def walk(parent_id: int | None) -> None:
        for question in layout.children.get(parent_id, []):
            if question.type == T.GROUP:
                items.append(Item("heading", label(question, language) or question.name))
                walk(question.pk)
            elif question.type == T.REPEAT:
                columns = _inside(layout, question)
                numbers = sorted(
                    {row for (name, row) in values if row and name in {c.name for c in columns}}
                )
                items.append(
                    Item(
                        "repeat",
                        label(question, language) or question.name,
                        name=question.name,
                        columns=columns,
                        headers=[label(c, language) or c.name for c in columns],
                        rows=[
                            (n, [cell(c, values.get((c.name, n), "")) for c in columns])
                            for n in numbers
                        ],
                    )
                )
            elif question.type != T.NOTE and (question.name, 0) in values:
                items.append(
                    Item(
                        "answer",
                        label(question, language) or question.name,
                        text_fr=label(question, "fr") or question.name,
                        name=question.name,
                        cell=cell(question, values[(question.name, 0)]),
                    )
                )

    walk(None)
    return items
