"""The respondent's form, built from the questions: one field per question asked (and per
row of a repeat), typed as the question is; blocks in order for the page (sections,
notes, repeat rows with their buttons). Works without JavaScript.

Field names: ``q-<name>`` outside repeats, ``q-<name>-<row>`` inside; ``rows-<repeat>``
carries each repeat's number of rows; ``version`` the response's version when the page was
read (0 before the first save).
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms

from rabatnet.core.forms import SiteForm

from .answer_layout import (
    MAX_ROWS,
    Layout,
    Values,
    choices,
    label,
)
from .models import Question

T = Question.Type
BIG = 10**12


def field_name(name: str, row: int) -> str:
    return f"q-{name}-{row}" if row else f"q-{name}"


def _field(question: Question, language: str) -> forms.Field:
    common: dict[str, Any] = {
        "label": label(question, language) or question.name,
        "help_text": label(question, language, "hint"),
        "required": False,
    }
    if question.type == T.INTEGER:
        return forms.IntegerField(min_value=-BIG, max_value=BIG, **common)
    if question.type == T.DECIMAL:
        return forms.DecimalField(
            min_value=-BIG,
            max_value=BIG,
            max_digits=24,
            decimal_places=10,
            widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            **common,
        )
    if question.type == T.DATE:
        return forms.DateField(
            input_formats=["%Y-%m-%d"], widget=forms.DateInput(attrs={"type": "date"}), **common
        )
    if question.type == T.SELECT_ONE:
        return forms.ChoiceField(
            choices=choices(question, language), widget=forms.RadioSelect, **common
        )
    if question.type == T.SELECT_MULTIPLE:
        return forms.MultipleChoiceField(
            choices=choices(question, language), widget=forms.CheckboxSelectMultiple, **common
        )
    widget = forms.Textarea(attrs={"rows": 3}) if "multiline" in question.appearance else None
    return forms.CharField(max_length=5000, widget=widget, **common)


def stored(question: Question, value: object) -> str:
    """A cleaned value as the answers keep it: codes, ISO dates, plain numbers."""
    if value in (None, "", []):
        return ""
    if question.type == T.SELECT_MULTIPLE and isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value).strip()


def shown(question: Question, value: str) -> object:
    """A stored value as the field shows it."""
    if question.type == T.SELECT_MULTIPLE:
        return value.split()
    return value


@dataclass
class Block:
    kind: str  # heading, note, field, repeat
    text: str = ""
    bound: Any = None
    name: str = ""
    rows: list[tuple[int, list["Block"]]] = field(default_factory=list)


class AnswerForm(SiteForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)

    def __init__(
        self,
        *args: Any,
        layout: Layout,
        language: str,
        counts: dict[str, int],
        asked: set[tuple[str, int]],
        values: Values,
        version: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.layout, self.language, self.counts, self.asked = layout, language, counts, asked
        self.fields["version"].initial = version
        self.keys: dict[str, tuple[Question, int]] = {}
        for question in layout.answerable():
            repeat = layout.repeat_of.get(question.pk)
            rows = range(1, counts.get(repeat.name, 1) + 1) if repeat else [0]
            for row in rows:
                name = field_name(question.name, row)
                self.fields[name] = _field(question, language)
                self.fields[name].initial = shown(question, values.get((question.name, row), ""))
                self.keys[name] = (question, row)

    def values(self) -> Values:
        """The cleaned answers, stored form (only once ``is_valid``)."""
        found: Values = {}
        for name, (question, row) in self.keys.items():
            value = stored(question, self.cleaned_data.get(name))
            if value != "":
                found[(question.name, row)] = value
        return found

    def blocks(self) -> list[Block]:
        """What the page shows, in order: only the questions asked."""
        return self._blocks(None, 0)

    def _blocks(self, parent_id: int | None, row: int) -> list[Block]:
        out: list[Block] = []
        for question in self.layout.children.get(parent_id, []):
            if (question.name, row) not in self.asked:
                continue
            text = label(question, self.language)
            if question.type == T.GROUP:
                out.append(Block("heading", text or question.name))
                out.extend(self._blocks(question.pk, row))
            elif question.type == T.REPEAT and row == 0:
                rows = [
                    (number, self._blocks(question.pk, number))
                    for number in range(1, self.counts.get(question.name, 1) + 1)
                ]
                out.append(Block("repeat", text or question.name, name=question.name, rows=rows))
            elif question.type == T.REPEAT:
                out.extend(self._blocks(question.pk, row))
            elif question.type == T.NOTE:
                out.append(Block("note", text))
            else:
                out.append(Block("field", bound=self[field_name(question.name, row)]))
        return out


def posted_counts(data: Any, layout: Layout, saved: dict[str, int]) -> dict[str, int]:
    """Each repeat's rows as the page posted them (1..MAX_ROWS), else as saved."""
    counts = dict(saved)
    for repeat in layout.repeats:
        raw = str(data.get(f"rows-{repeat.name}", "") or "")
        if raw.isascii() and raw.isdigit() and len(raw) < 4:
            counts[repeat.name] = min(max(int(raw), 1), MAX_ROWS)
    return counts


ACTIONS = {"save", "submit"}


def parse_action(raw: object, layout: Layout, counts: dict[str, int]) -> tuple[str, str, int]:
    """``save`` / ``submit`` / ``add:<repeat>`` / ``remove:<repeat>:<row>`` → (verb, repeat,
    row); anything else is a plain save."""
    text = str(raw or "")[:200]
    if text in ACTIONS:
        return text, "", 0
    parts = text.split(":")
    repeat = parts[1] if len(parts) > 1 else ""
    if repeat not in counts:
        return "save", "", 0
    if parts[0] == "add" and len(parts) == 2:
        return "add", repeat, 0
    if parts[0] == "remove" and len(parts) == 3 and parts[2].isascii() and parts[2].isdigit():
        row = int(parts[2][:4])
        if 1 <= row <= counts[repeat]:
            return "remove", repeat, row
    return "save", "", 0
