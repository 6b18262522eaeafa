"""The survey sheet's checks: types, names, groups and repeats, lists, required, feeds,
and the conditions and constraints (``expressions.check``)."""

from django.utils.translation import gettext_lazy as _

from . import expressions
from .models import Feeds
from .xlsform_checks import (
    LIMITS,
    NO,
    SURVEY_FIELDS,
    TEXT_LIMITS,
    YES,
    Plan,
    Row,
    _columns,
    _valid_name,
    plain_twins,
)
from .xlsform_columns import METADATA_TYPES, PLAIN, TRANSLATED, T, row_type
from .xlsform_reading import Issue, Sheet, issue


def check_survey(sheet: Sheet, default: str, plan: Plan, issues: list[Issue]) -> None:
    twins: dict[tuple[str, str], int] = {}
    columns = _columns(sheet, SURVEY_FIELDS, default, issues, twins)
    for needed in ("type", "name"):
        if (needed, None) not in columns:
            issues.append(
                issue(
                    "survey",
                    1,
                    "",
                    _("The survey sheet has no “%(header)s” column."),
                    header=needed,
                )
            )
    if ("type", None) not in columns or ("name", None) not in columns:
        return
    type_col, name_col = columns[("type", None)], columns[("name", None)]
    names: set[str] = set()
    stack: list[tuple[int, Row]] = []  # (index in plan.rows, the container row)
    for number, cells in sheet.rows:
        value, name = cells[type_col], cells[name_col]
        if value.strip().lower() in METADATA_TYPES:
            names.add(name)  # ODK's and KoboToolbox's metadata (start, end…): not a question
            continue
        rtype = row_type(value)
        if rtype is None:
            message = (
                _("This row has a name or a label but no type.")
                if not value
                else _(
                    "The type “%(value)s” is not one the site runs: use text, integer, decimal, "
                    "date, select_one LIST, select_multiple LIST, note, begin_group/end_group or"
                    " begin_repeat/end_repeat."
                )
            )
            issues.append(issue("survey", number, sheet.column(type_col), message, value=value))
            continue
        keyword = " ".join(value.split()[: 2 if rtype.list_name else None])
        if keyword != keyword.lower():
            issues.append(
                issue(
                    "survey",
                    number,
                    sheet.column(type_col),
                    _(
                        "ODK and KoboToolbox read a type in lower case only: write "
                        "“%(fixed)s”, not “%(value)s”."
                    ),
                    fixed=" ".join([keyword.lower(), *value.split()[len(keyword.split()) :]]),
                    value=value,
                )
            )
        if rtype.end:
            if not stack or stack[-1][1].rtype.type != rtype.type:
                issues.append(
                    issue(
                        "survey",
                        number,
                        sheet.column(type_col),
                        _("This “%(value)s” closes nothing open: check the begin and end rows."),
                        value=value,
                    )
                )
            else:
                stack.pop()
            continue
        name_problem = None
        if not name:
            name_problem = issue(
                "survey", number, sheet.column(name_col), _("The name is missing.")
            )
        elif not _valid_name(name):
            name_problem = issue(
                "survey",
                number,
                sheet.column(name_col),
                _(
                    "“%(value)s” is not a valid name: a letter or an underscore first, then "
                    "letters, digits, underscores, dots or hyphens (no spaces, no accents), 60 "
                    "at most."
                ),
                value=name,
            )
        elif name in names:
            name_problem = issue(
                "survey",
                number,
                sheet.column(name_col),
                _("The name “%(value)s” is used twice."),
                value=name,
            )
        if name_problem:
            issues.append(name_problem)
        names.add(name)
        if rtype.type == T.REPEAT and any(r.rtype.type == T.REPEAT for _i, r in stack):
            issues.append(
                issue(
                    "survey",
                    number,
                    sheet.column(type_col),
                    _("A repeat group inside another repeat group is not supported."),
                )
            )
        if rtype.list_name and rtype.list_name not in plan.choices:
            issues.append(
                issue(
                    "survey",
                    number,
                    sheet.column(type_col),
                    _("The list “%(value)s” is not on the choices sheet."),
                    value=rtype.list_name,
                )
            )
        texts = {
            f: {lang: cells[i] for (g, lang), i in columns.items() if g == f and lang}
            for f in TRANSLATED
        }
        plain_twins(sheet, number, cells, twins, columns, texts, issues)
        plain = {f: cells[columns[(f, None)]] if (f, None) in columns else "" for f in PLAIN}
        row = Row(number, rtype, name, texts, plain, stack[-1][0] if stack else None)
        _check_row(sheet, columns, row, issues)
        plan.rows.append(row)
        if rtype.begin:
            stack.append((len(plan.rows) - 1, row))
    for _index, row in stack:
        issues.append(
            issue(
                "survey",
                row.number,
                sheet.column(type_col),
                _("This group or repeat is never closed (end_group / end_repeat)."),
            )
        )
    for row in plan.rows:
        for field in ("relevant", "constraint"):
            if row.plain[field]:
                try:
                    expressions.check(row.plain[field], names)
                except expressions.ExpressionError as error:
                    issues.append(
                        issue(
                            "survey",
                            row.number,
                            sheet.column(columns[(field, None)]),
                            _("The expression “%(value)s” cannot be used: %(error)s"),
                            value=row.plain[field],
                            error=str(error),
                        )
                    )
    if not sheet.rows:
        issues.append(issue("survey", None, "", _("The survey sheet has no question.")))


def _check_row(sheet: Sheet, columns: dict, row: Row, issues: list[Issue]) -> None:
    def where(field: str, language: str | None = None) -> str:
        return sheet.column(columns[(field, language)]) if (field, language) in columns else field

    required = row.plain["required"].lower()
    if required not in YES | NO:
        issues.append(
            issue(
                "survey",
                row.number,
                where("required"),
                _("Write “yes” or leave empty, not “%(value)s”."),
                value=row.plain["required"],
            )
        )
    feeds = row.plain["feeds"]
    if feeds and feeds not in Feeds.values:
        issues.append(
            issue(
                "survey",
                row.number,
                where("feeds"),
                _("“%(value)s” is no guide field (e.g. source.name, actor.stage)."),
                value=feeds,
            )
        )
    if feeds and row.rtype.type in (T.GROUP, T.REPEAT, T.NOTE):
        issues.append(
            issue(
                "survey",
                row.number,
                where("feeds"),
                _("A group, a repeat or a note feeds no guide field."),
            )
        )
    if row.rtype.type not in (T.GROUP, T.REPEAT) and not any(row.texts["label"].values()):
        issues.append(
            issue(
                "survey",
                row.number,
                where("label", "en"),
                _("The question “%(value)s” has no label."),
                value=row.name,
            )
        )
    for field, limit in LIMITS.items():
        value = row.name if field == "name" else row.plain.get(field, "")
        if len(value) > limit:
            issues.append(
                issue(
                    "survey",
                    row.number,
                    where(field),
                    _("Longer than %(limit)s characters."),
                    limit=limit,
                )
            )
    for field, limit in TEXT_LIMITS.items():
        for language, text in row.texts[field].items():
            if len(text) > limit:
                issues.append(
                    issue(
                        "survey",
                        row.number,
                        where(field, language),
                        _("Longer than %(limit)s characters."),
                        limit=limit,
                    )
                )
