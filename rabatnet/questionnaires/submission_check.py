"""Checking every cell of an export against the questionnaire, before anything is written.

``check_tables`` returns the submissions to write (and those the server's review rejected,
left out), or raises ``ImportRefused`` with every
problem found: the sheet or file, the row as the person sees it (the header is row 1), the
column, the value and what is wrong, in the language in force (English or French).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from . import expressions
from .models import ImportBatch, Question, Questionnaire
from .submission_columns import (
    BadValue,
    Form,
    Target,
    answer_value,
    flag,
    is_metadata,
    norm,
    parse_timestamp,
)
from .submission_readers import Table

MAX_PROBLEMS = 500
Format = ImportBatch.Format


@dataclass(frozen=True)
class Problem:
    table: str
    row: int | None
    column: str
    value: str
    message: str


class ImportRefused(Exception):
    """The file is refused whole; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems[:3]))


@dataclass(frozen=True)
class Checked:
    """What ``check_tables`` found: the submissions to write, and the instance IDs of those
    rejected in the server's review, left out (and said so)."""

    submissions: list["Submission"]
    left_out: list[str]


@dataclass
class Submission:
    """One submission, checked: what ``submission_import`` writes."""

    instance_id: str
    submitted_at: datetime | None
    answers: dict[tuple[int, int], str] = field(default_factory=dict)  # (question, row)


def _column(table: Table, *names: str) -> str | None:
    """The table's column among ``names`` (compared loosely), if any (looked up once a
    table: it is asked for each row)."""
    if names in table.found:
        return table.found[names]
    table.found[names] = _find_column(table, names)
    return table.found[names]


def _find_column(table: Table, names: tuple[str, ...]) -> str | None:
    for name in names:
        found = next((c for c in table.columns if norm(c) == norm(name)), None)
        if found is not None:
            return found
    return None


KEYS = {
    Format.KOBO: ("meta/instanceID", "_uuid", "instanceID"),
    Format.ODK: ("meta-instanceID", "KEY", "instanceID", "meta/instanceID"),
}
TIMES = {Format.KOBO: ("_submission_time", "end"), Format.ODK: ("SubmissionDate", "end")}
# The review state a server gave a submission; the rejected ones are left out of the import.
REVIEW = {Format.KOBO: ("_validation_status",), Format.ODK: ("ReviewState",)}
REJECTED = {"rejected", "not approved", "validation_status_not_approved", "non approuvé"}


def detect_format(tables: list[Table]) -> str | None:
    columns = {norm(c) for t in tables for c in t.columns}
    if columns & {"key", "submissiondate", "meta-instanceid", "parent_key"}:
        return Format.ODK
    if columns & {"_uuid", "_index", "_submission_time", "meta/instanceid", "_parent_index"}:
        return Format.KOBO
    return None


class Checker:
    def __init__(self, questionnaire: Questionnaire, tables: list[Table], fmt: str) -> None:
        self.form = Form(questionnaire)
        self.tables = [t for t in tables if t.columns]
        self.fmt = fmt
        self.problems: list[Problem] = []
        self.bad_in_row: set[int] = set()
        self.left_out: list[str] = []  # instance IDs of submissions rejected in review

    def rejected_in_review(self, table: Table, cells: dict[str, str]) -> bool:
        """Whether ODK Central (``ReviewState``) or KoboToolbox (``_validation_status``)
        says the submission was rejected (not approved): it is left out, not checked."""
        column = _column(table, *REVIEW[Format(self.fmt)])
        return bool(column) and norm(cells.get(column or "", "")) in REJECTED

    def problem(self, table: Table, row: int | None, column: str, value: str, msg: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(table.name, row, column, value[:80], msg))

    # --- Which table is which --------------------------------------------------------

    def split(self) -> tuple[Table | None, dict[int, Table]]:
        main: Table | None = None
        repeats: dict[int, Table] = {}
        for table in self.tables:
            repeat = self._repeat_named(table)
            if repeat is not None and repeat.pk not in repeats:
                repeats[repeat.pk] = table
            elif main is None and repeat is None:
                main = table
            else:
                self.problem(
                    table,
                    None,
                    "",
                    "",
                    _("This sheet or file is not a repeat group of the form (%(repeats)s).")
                    % {"repeats": ", ".join(r.name for r in self.form.repeats) or "—"},
                )
        if main is None:
            name = self.tables[0].name if self.tables else "—"
            self.problems.append(
                Problem(name, None, "", "", _("No sheet or file holds the submissions."))
            )
        return main, repeats

    def _repeat_named(self, table: Table) -> Question | None:
        if self.fmt == Format.KOBO and table is self.tables[0]:
            return None
        stem = norm(table.stem)
        for repeat in self.form.repeats:
            labels = (str(getattr(repeat, f"label_{lang}", "") or "") for lang in ("en", "fr"))
            names = {norm(repeat.name), *(norm(label) for label in labels)}
            if stem in names or any(stem.endswith("-" + n) for n in names if n):
                return repeat
            if len(table.stem) == 31 and norm(repeat.name).startswith(stem):  # Excel's cut
                return repeat
        return None

    # --- Rows ------------------------------------------------------------------------

    def targets(self, table: Table, repeat: Question | None) -> dict[str, Target]:
        known = self.form.columns(repeat)
        found: dict[str, Target] = {}
        for column in dict.fromkeys(table.duplicates):
            if not is_metadata(column):
                self.problem(
                    table,
                    1,
                    column,
                    column,
                    _(
                        "This column is in the file twice: only one can hold the answers. "
                        "Remove one, or export again with the XML names or the group names."
                    ),
                )
        for column in table.columns:
            key = norm(column)
            if not key:
                continue  # a column without a header holds nothing (``_table`` checks)
            if key in known:
                found[column] = known[key]
            elif not is_metadata(column) and not self._container_or_note(key):
                self.problem(
                    table,
                    1,
                    column,
                    column,
                    _(
                        "This column is not a question of the form: is it the right form, "
                        "or its latest version?"
                    ),
                )
        return found

    def _container_or_note(self, key: str) -> bool:
        return any(
            norm(q.name) == key.rsplit("/", 1)[-1].rsplit("-", 1)[-1]
            for q in self.form.questions
            if q.type in (*Question.CONTAINERS, Question.Type.NOTE)
        )

    def row_answers(
        self, table: Table, number: int, cells: dict[str, str], targets: dict[str, Target]
    ) -> dict[int, str]:
        """The row's values by question pk; each bad cell a problem."""
        values: dict[int, str] = {}
        self.bad_in_row = set()  # named already: not "required" as well (``rules``)
        split: dict[int, set[str]] = {}
        split_seen: set[int] = set()
        for column, target in targets.items():
            text = cells.get(column, "")
            question = target.question
            try:
                if target.choice:
                    split_seen.add(question.pk)
                    if flag(text):
                        split.setdefault(question.pk, set()).add(target.choice)
                    continue
                value = answer_value(self.form, question, text)
            except BadValue as error:
                self.problem(table, number, column, text, str(error))
                self.bad_in_row.add(question.pk)
                continue
            if value:
                values[question.pk] = value
        for pk in split_seen:
            question = self.form.by_pk[pk]
            order = [c.name for c in self.form.choice_list(question)]
            codes = sorted(split.get(pk, set()), key=order.index)
            joined = " ".join(codes)
            if pk in values and set(values[pk].split()) != set(codes) and codes:
                self.problem(
                    table,
                    number,
                    question.name,
                    values[pk],
                    _("The column and the per-choice columns of this question disagree."),
                )
            elif pk not in values and joined:
                values[pk] = joined
        return values

    def rules(
        self,
        table: Table,
        number: int,
        values: dict[int, str],
        scope: dict[str, str],
        questions: list[Question],
        names: dict[int, str],
    ) -> None:  # fmt: skip
        """Required answers where relevant, and constraints, for one row."""
        for question in questions:
            value = values.get(question.pk, "")
            column = names.get(question.pk, question.name)
            conditions = [q.relevant for q in [*self.form.ancestors(question), question]]
            if not value:
                if question.pk in self.bad_in_row:
                    continue
                if question.required and all(_holds(c, scope) for c in conditions if c):
                    message = str(question.required_message or "") or _("An answer is required.")
                    self.problem(table, number, column, "", message)
                continue
            if not question.constraint:
                continue
            holds = _holds(question.constraint, scope, value, None)
            if holds is None:
                message = _("The form's constraint (%(constraint)s) cannot be checked.") % {
                    "constraint": question.constraint
                }
                self.problem(table, number, column, value, message)
            elif not holds:
                message = str(question.constraint_message or "") or _(
                    "The answer does not meet the form's constraint (%(constraint)s)."
                ) % {"constraint": question.constraint}
                self.problem(table, number, column, value, message)


def _holds(
    expression: str, scope: dict[str, str], current: str = "", failed: bool | None = True
) -> bool | None:
    """The expression's truth (helper C's evaluator); ``failed`` if it cannot be evaluated
    (a condition that fails to evaluate counts as met: the answer is then required)."""
    try:
        return expressions.evaluate(expression, scope, current=current)
    except (ValueError, ArithmeticError, TypeError, LookupError):
        return failed


def _column_names(targets: dict[str, Target]) -> dict[int, str]:
    names: dict[int, str] = {}
    for column, target in targets.items():
        if not target.choice:
            names.setdefault(target.question.pk, column)
    return names


def check_tables(
    questionnaire: Questionnaire,
    tables: list[Table],
    fmt: str,
    tick: Callable[[int], object] = lambda n: None,
) -> Checked:
    """The submissions of the export, every cell checked; ImportRefused if any does not fit.
    Submissions rejected in the server's review (and their repeat rows) are left out."""
    checker = Checker(questionnaire, tables, fmt)
    main, repeats = checker.split()
    if main is None or checker.problems:
        raise ImportRefused(checker.problems)
    from .submission_rows import link_rows

    submissions = link_rows(checker, main, repeats, tick)
    if checker.problems:
        raise ImportRefused(checker.problems)
    return Checked(submissions, checker.left_out)


def submission_time(
    checker: Checker, table: Table, number: int, cells: dict[str, str]
) -> datetime | None:  # fmt: skip
    column = _column(table, *TIMES[Format(checker.fmt)])
    text = cells.get(column, "") if column else ""
    if not text:
        return None
    try:
        return parse_timestamp(text)
    except BadValue as error:
        checker.problem(table, number, column or "", text, str(error))
        return None


def instance_id(checker: Checker, table: Table, number: int, cells: dict[str, str]) -> str:
    for name in KEYS[Format(checker.fmt)]:
        column = _column(table, name)
        text = cells.get(column, "").strip() if column else ""
        if text:
            if len(text) > 100:
                checker.problem(table, number, column or "", text, _("This ID is too long."))
                return ""
            return text if ":" in text or norm(name) != "_uuid" else f"uuid:{text}"
    checker.problem(
        table,
        number,
        " / ".join(KEYS[Format(checker.fmt)]),
        "",
        _("The submission has no instance ID: export it again with its metadata."),
    )
    return ""


def problem_line(problem: Problem) -> str:
    """One problem in a sentence: where (sheet or file, row, column), the value, what."""
    where = [problem.table]
    if problem.row is not None:
        where.append(_("row %(row)s") % {"row": problem.row})
    if problem.column:
        where.append(_("column “%(column)s”") % {"column": problem.column})
    value = _(" (value “%(value)s”)") % {"value": problem.value} if problem.value else ""
    return f"{', '.join(where)}{value}: {problem.message}"
