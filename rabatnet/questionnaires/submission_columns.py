"""What an export's columns and cells mean for a questionnaire.

Columns are found by the XLSForm name, alone or group-prefixed (KoboToolbox writes
``about/staff``, ODK Central ``about-staff``), or by the question's label in English or
French (KoboToolbox's "labels" export). A select several comes as one column (codes or
labels, space-separated) and/or one 0/1 column per choice (``areas/trends``, ``areas-trends``
or ``areas.trends``). The tools' own columns (``_uuid``, ``KEY``, ``SubmissionDate``,
``meta/instanceID``, ``start``...) are metadata: read where needed, never an error.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import Choice, Question, Questionnaire

T = Question.Type
SEPARATORS = ("/", "-", ".")
METADATA = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "instanceid", "instancename", "__version__", "version",
    "submissiondate", "key", "parent_key", "submitterid", "submittername",
    "attachmentspresent", "attachmentsexpected", "status", "reviewstate", "edits",
    "formversion", "deprecatedid",
}  # fmt: skip
TRUE = {"1", "true", "yes", "x", "oui", "vrai"}
FALSE = {"", "0", "false", "no", "non", "faux"}
MAX_DIGITS = 18  # a whole number past this is refused: no count of this kind is that large
EXCEL_EPOCH = date(1899, 12, 30)


def norm(text: str) -> str:
    """A column name or label compared loosely: case, spaces and a final colon ignored."""
    return " ".join(text.replace("\xa0", " ").split()).casefold().rstrip(":").strip()


def is_metadata(column: str) -> bool:
    key = norm(column)
    return (
        key in METADATA
        or key.startswith("_")
        or any(key.startswith(p + s) for p in ("meta", "formhub") for s in SEPARATORS)
    )


@dataclass(frozen=True)
class Target:
    """What a column holds: a question's answer, or one choice's 0/1 of a select several."""

    question: Question
    choice: str = ""


class Form:
    """The questionnaire's questions, their containers, and the columns that name them."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        questions = list(
            questionnaire.questions.select_related("choice_list").order_by("position", "pk")
        )
        self.by_pk = {q.pk: q for q in questions}
        self.questions = questions
        choices = Choice.objects.filter(choice_list__questionnaire=questionnaire)
        self.choices: dict[int, list[Choice]] = {}
        for choice in choices.order_by("position", "pk"):
            self.choices.setdefault(choice.choice_list_id, []).append(choice)
        self.repeats = [q for q in questions if q.type == T.REPEAT]
        self._ancestors: dict[int, list[Question]] = {}

    def ancestors(self, question: Question) -> list[Question]:
        """The containers around ``question``, outermost first."""
        if question.pk in self._ancestors:
            return self._ancestors[question.pk]
        chain: list[Question] = []
        parent_id = question.parent_id
        while parent_id is not None and parent_id in self.by_pk and len(chain) < 50:
            chain.insert(0, self.by_pk[parent_id])
            parent_id = chain[0].parent_id
        self._ancestors[question.pk] = chain
        return chain

    def repeat_of(self, question: Question) -> Question | None:
        """The innermost repeat around ``question`` (None: outside any repeat)."""
        return next((c for c in reversed(self.ancestors(question)) if c.type == T.REPEAT), None)

    def answerable(self, repeat: Question | None) -> list[Question]:
        """The questions answered in the main table (None) or in a repeat's table."""
        return [
            q
            for q in self.questions
            if q.type not in (*Question.CONTAINERS, T.NOTE) and self.repeat_of(q) == repeat
        ]

    def choice_list(self, question: Question) -> list[Choice]:
        return self.choices.get(question.choice_list_id or 0, [])

    def columns(self, repeat: Question | None) -> dict[str, Target]:
        """Every column name (normalised) that names an answer of that table."""
        found: dict[str, Target] = {}
        labels: dict[str, list[Target]] = {}
        for question in self.answerable(repeat):
            path = [*self.ancestors(question), question]
            names = [q.name for q in path]
            keys = {question.name, *(s.join(names) for s in SEPARATORS)}
            if repeat is not None:  # inside a repeat, paths may start at the repeat
                inner = names[names.index(repeat.name) :]
                keys |= {s.join(inner) for s in SEPARATORS} | {s.join(inner[1:]) for s in "/-."}
            label_keys = set()
            for language in ("en", "fr"):
                texts = [str(getattr(q, f"label_{language}", "") or "") for q in path]
                if texts[-1]:
                    label_keys |= {texts[-1], "/".join(t for t in texts if t)}
            targets = [(keys, label_keys, Target(question))]
            if question.type == T.SELECT_MULTIPLE:
                for choice in self.choice_list(question):
                    codes = {choice.name}
                    choice_labels = {
                        str(getattr(choice, f"label_{lang}", "") or "") for lang in ("en", "fr")
                    } - {""}
                    split_keys = {k + s + c for k in keys for s in SEPARATORS for c in codes}
                    split_labels = {
                        k + s + c for k in label_keys for s in SEPARATORS for c in choice_labels
                    } | {k + s + c for k in keys for s in "/" for c in choice_labels}
                    targets.append((split_keys, split_labels, Target(question, choice.name)))
            for name_keys, text_keys, target in targets:
                for key in name_keys:
                    found.setdefault(norm(key), target)
                for key in text_keys:
                    labels.setdefault(norm(key), []).append(target)
        for key, targets_for_label in labels.items():
            if key not in found and len(set(targets_for_label)) == 1:  # a label two share: no
                found[key] = targets_for_label[0]
        return found


# --- Values -------------------------------------------------------------------------------


class BadValue(ValueError):
    """A cell that does not fit its question; the message says why, in words."""


def _choice_code(form: Form, question: Question, text: str) -> str | None:
    key = norm(text)
    for choice in form.choice_list(question):
        if key == norm(choice.name) or key in {
            norm(str(getattr(choice, f"label_{lang}", "") or "")) for lang in ("en", "fr")
        }:
            return choice.name
    return None


def select_multiple_codes(form: Form, question: Question, text: str) -> list[str]:
    """Codes or labels (labels may hold spaces: the longest that fits is taken first)."""
    for separator in (";", ",", "|", "\n"):
        if separator in text:
            parts = [p for p in (x.strip() for x in text.split(separator)) if p]
            found = [_choice_code(form, question, p) for p in parts]
            if all(found):
                return [c for c in found if c]
    tokens = text.split()
    codes: list[str] = []
    start = 0
    while start < len(tokens):
        for end in range(len(tokens), start, -1):
            code = _choice_code(form, question, " ".join(tokens[start:end]))
            if code:
                codes.append(code)
                start = end
                break
        else:
            raise BadValue(
                _("“%(value)s” is not one of the choices (%(choices)s).")
                % {"value": tokens[start], "choices": _choices_shown(form, question)}
            )
    return codes


def _choices_shown(form: Form, question: Question) -> str:
    return ", ".join(c.name for c in form.choice_list(question))[:300]


def flag(text: str) -> bool:
    """A select several's per-choice column: 1/0, True/False (either tool), yes/no."""
    key = norm(text)
    if key.endswith(".0"):
        key = key[:-2]
    if key in TRUE:
        return True
    if key in FALSE:
        return False
    raise BadValue(_("“%(value)s” is not 1 or 0 (chosen or not).") % {"value": text[:80]})


def parse_date(text: str) -> date:
    """An ISO date (or date and time), or an Excel day number."""
    value = text.strip()
    if re.fullmatch(r"\d{1,6}(\.0+)?", value):
        days = int(value.split(".")[0])
        if 1 <= days <= 2958465:
            return EXCEL_EPOCH + timedelta(days=days)
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value)
    except ValueError as error:
        raise BadValue(
            _("“%(value)s” is not a date (write it as 2026-03-31).") % {"value": value[:80]}
        ) from error


def parse_timestamp(text: str) -> datetime:
    """A submission time as the tools write it (ISO, ``Z`` or an offset; UTC if neither)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise BadValue(_("“%(value)s” is not a date and time.") % {"value": text[:80]}) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _number(text: str) -> Decimal:
    value = text.strip().replace("\u202f", "").replace(" ", "")
    if "," in value and "." not in value and value.count(",") == 1:
        value = value.replace(",", ".")  # a French decimal comma
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        raise BadValue(_("“%(value)s” is not a number.") % {"value": text[:80]}) from error
    if not number.is_finite() or abs(number.adjusted()) > MAX_DIGITS:
        raise BadValue(_("“%(value)s” is not a number this form takes.") % {"value": text[:80]})
    return number


def answer_value(form: Form, question: Question, text: str) -> str:
    """The value stored for a cell (codes, ISO dates, plain numbers); BadValue if it does
    not fit. Empty stays empty."""
    if not text:
        return ""
    if question.type == T.INTEGER:
        number = _number(text)
        if number != number.to_integral_value():
            raise BadValue(_("“%(value)s” is not a whole number.") % {"value": text[:80]})
        return str(int(number))
    if question.type == T.DECIMAL:
        number = _number(text)
        shown = format(number.normalize(), "f")
        return shown if "." not in shown else shown.rstrip("0").rstrip(".") or "0"
    if question.type == T.DATE:
        return parse_date(text).isoformat()
    if question.type == T.SELECT_ONE:
        code = _choice_code(form, question, text)
        if code is None:
            raise BadValue(
                _("“%(value)s” is not one of the choices (%(choices)s).")
                % {"value": text[:80], "choices": _choices_shown(form, question)}
            )
        return code
    if question.type == T.SELECT_MULTIPLE:
        codes = select_multiple_codes(form, question, text)
        return " ".join(dict.fromkeys(codes))
    return text
