"""Joining an export's rows: each submission with its repeat rows, found by their keys.

KoboToolbox links a repeat sheet's rows to the submissions by ``_parent_index`` (the main
sheet's ``_index``) or ``_submission__uuid``; ODK Central by ``PARENT_KEY`` (the main
file's ``KEY``). A repeat row is numbered 1, 2, ... in the order of its sheet or file,
for its submission.
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from .models import ImportBatch, Question
from .submission_check import (
    Checker,
    Submission,
    _column,
    _column_names,
    instance_id,
    submission_time,
)
from .submission_readers import Table

Format = ImportBatch.Format
# Where a submission rejected in review stood: its repeat rows are left out with it.
LEFT_OUT: tuple[Submission, dict[str, str]] = (Submission("", None), {})


def _scope(checker: Checker, values: dict[int, str]) -> dict[str, str]:
    """The answers by name, as the expressions read them (missing: empty)."""
    return {q.name: values.get(q.pk, "") for q in checker.form.questions}


def link_rows(
    checker: Checker, main: Table, repeats: dict[int, Table], tick: Callable[[int], object]
) -> list[Submission]:
    form = checker.form
    targets = checker.targets(main, None)
    names = _column_names(targets)
    questions = form.answerable(None)
    own_key = _column(main, "_index" if checker.fmt == Format.KOBO else "KEY")
    submissions: list[Submission] = []
    by_key: dict[str, tuple[Submission, dict[str, str]]] = {}
    by_uuid: dict[str, tuple[Submission, dict[str, str]]] = {}
    seen: dict[str, int] = {}
    uuid_column = _column(main, "_uuid")
    for position, (number, cells) in enumerate(main.rows, start=1):
        key = (cells.get(own_key, "") if own_key else "") or str(position)
        if checker.rejected_in_review(main, cells):  # left out: neither checked nor written
            checker.left_out.append(instance_id(checker, main, number, cells))
            by_key[key] = LEFT_OUT
            if uuid_column and cells.get(uuid_column):
                by_uuid[cells[uuid_column]] = LEFT_OUT
            tick(1)
            continue
        values = checker.row_answers(main, number, cells, targets)
        scope = _scope(checker, values)
        checker.rules(main, number, values, scope, questions, names)
        submission = Submission(
            instance_id=instance_id(checker, main, number, cells),
            submitted_at=submission_time(checker, main, number, cells),
            answers={(pk, 0): value for pk, value in values.items()},
        )
        if submission.instance_id in seen:
            checker.problem(
                main,
                number,
                "instanceID",
                submission.instance_id,
                _("The same submission is already in row %(row)s of this file.")
                % {"row": seen[submission.instance_id]},
            )
        seen[submission.instance_id] = number
        by_key[key] = (submission, scope)
        if uuid_column and cells.get(uuid_column):
            by_uuid[cells[uuid_column]] = (submission, scope)
        submissions.append(submission)
        tick(1)
    for repeat_pk, table in repeats.items():
        _repeat_rows(checker, form.by_pk[repeat_pk], table, by_key, by_uuid, tick)
    return submissions


def _repeat_rows(
    checker: Checker,
    repeat: Question,
    table: Table,
    by_key: dict[str, tuple[Submission, dict[str, str]]],
    by_uuid: dict[str, tuple[Submission, dict[str, str]]],
    tick: Callable[[int], object],
) -> None:
    targets = checker.targets(table, repeat)
    names = _column_names(targets)
    questions = checker.form.answerable(repeat)
    if checker.fmt == Format.KOBO:
        parent_column = _column(table, "_parent_index")
        uuid_column = _column(table, "_submission__uuid")
        if parent_column is None and uuid_column is not None:
            parent_column, by_key = uuid_column, by_uuid
    else:
        parent_column = _column(table, "PARENT_KEY")
    if parent_column is None:
        wanted = "_parent_index" if checker.fmt == Format.KOBO else "PARENT_KEY"
        checker.problem(
            table,
            1,
            wanted,
            "",
            _("The column that links each row to its submission is missing."),
        )
        return
    rows_of: dict[int, int] = {}
    for number, cells in table.rows:
        parent = cells.get(parent_column, "")
        found = by_key.get(parent)
        if found is None:
            checker.problem(
                table,
                number,
                parent_column,
                parent,
                _("No submission of the file has this key: the row belongs to none."),
            )
            continue
        if found is LEFT_OUT:  # a row of a submission rejected in review
            tick(1)
            continue
        submission, main_scope = found
        row = rows_of[id(submission)] = rows_of.get(id(submission), 0) + 1
        values = checker.row_answers(table, number, cells, targets)
        scope = {**main_scope, **{q.name: values.get(q.pk, "") for q in questions}}
        checker.rules(table, number, values, scope, questions, names)
        for pk, value in values.items():
            submission.answers[(pk, row)] = value
        tick(1)
