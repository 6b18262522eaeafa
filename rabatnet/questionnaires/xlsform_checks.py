"""Everything checked in an XLSForm before anything is written: the sheets, the headers,
each row's type, names, groups, lists, choices, expressions and the settings.

``check_workbook`` returns every problem found (never only the first) and, when there is
none, the plan of what to write (``Plan``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import CHOICE_CODE, XLSFORM_NAME
from .xlsform_columns import PLAIN, TRANSLATED, RowType, header_of
from .xlsform_reading import Issue, Sheet, issue

SITE_LANGUAGES = ("en", "fr")
SURVEY_FIELDS = {"type", "name", *TRANSLATED, *PLAIN}
CHOICE_FIELDS = {"list_name", "name", "label"}
LIMITS = {"name": 60, "relevant": 500, "constraint": 500, "appearance": 60}
TEXT_LIMITS = {"required_message": 250, "constraint_message": 250}
YES = {"yes", "true", "true()", "1"}
NO = {"", "no", "false", "false()", "0"}


@dataclass
class Row:
    """A survey row to write: a question, or a container opening (``rtype.begin``)."""

    number: int
    rtype: RowType
    name: str
    texts: dict[str, dict[str, str]]  # field → language → text
    plain: dict[str, str]
    parent: int | None  # index in Plan.rows of the container


@dataclass
class Plan:
    settings: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[tuple[str, dict[str, str]]]] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)


def _valid_name(value: str) -> bool:
    try:
        XLSFORM_NAME(value)
    except ValidationError:
        return False
    return len(value) <= 60


def _valid_code(value: str) -> bool:
    try:
        CHOICE_CODE(value)
    except ValidationError:
        return False
    return len(value) <= 60


def _columns(
    sheet: Sheet,
    known: set[str],
    default: str,
    issues: list[Issue],
    twins: dict[tuple[str, str], int] | None = None,
) -> dict:
    """(field, language) → column index; problems with headers go to ``issues``. A plain
    ``label`` beside ``label::English (en)`` (the default language) goes to ``twins``: it
    stands in where the other is empty (``plain_twins``)."""
    found: dict[tuple[str, str | None], int] = {}
    for index, header in enumerate(sheet.headers):
        if not header or header.startswith("$") or header.startswith("_"):
            continue
        name, language = header_of(header)
        where = sheet.column(index)
        if name not in known:
            if any(cells[index] for _n, cells in sheet.rows):
                issues.append(
                    issue(
                        sheet.name,
                        1,
                        where,
                        _("The site does not use the column “%(header)s”; remove it or empty it."),
                        header=header,
                    )
                )
            continue
        if language == "?" or (language and language not in SITE_LANGUAGES):
            issues.append(
                issue(
                    sheet.name,
                    1,
                    where,
                    _(
                        "The site keeps English and French; this column is in another "
                        "language (write it as “%(field)s::English (en)” or "
                        "“%(field)s::French (fr)”)."
                    ),
                    field=name,
                )
            )
            continue
        if name in (*TRANSLATED, "label") or language:
            language = language or default
        key = (name, language)
        if key in found and twins is not None and language and key not in twins:
            earlier = found[key]
            if ("::" in sheet.headers[earlier]) != ("::" in header):  # one plain, one not
                plain, explicit = (index, earlier) if "::" not in header else (earlier, index)
                found[key] = explicit
                twins[(name, language)] = plain
                continue
        if key in found:
            issues.append(
                issue(
                    sheet.name,
                    1,
                    where,
                    _("This column repeats another one (same field and language)."),
                )
            )
            continue
        found[key] = index
    return found


def _choices(sheets: dict[str, Sheet], default: str, plan: Plan, issues: list[Issue]) -> None:
    sheet = sheets.get("choices")
    if sheet is None:
        return
    twins: dict[tuple[str, str], int] = {}
    columns = _columns(sheet, CHOICE_FIELDS, default, issues, twins)
    for needed in ("list_name", "name"):
        if (needed, None) not in columns:
            issues.append(
                issue(
                    "choices",
                    1,
                    "",
                    _("The choices sheet has no “%(header)s” column."),
                    header=needed,
                )
            )
    if ("list_name", None) not in columns or ("name", None) not in columns:
        return
    list_col, name_col = columns[("list_name", None)], columns[("name", None)]
    labels = {lang: i for (f, lang), i in columns.items() if f == "label" and lang}
    for number, cells in sheet.rows:
        list_name, code = cells[list_col], cells[name_col]
        if not _valid_name(list_name):
            issues.append(
                issue(
                    "choices",
                    number,
                    sheet.column(list_col),
                    _(
                        "“%(value)s” is not a valid list name (a letter or an underscore first, "
                        "no spaces)."
                    ),
                    value=list_name,
                )
            )
            continue
        if not _valid_code(code):
            issues.append(
                issue(
                    "choices",
                    number,
                    sheet.column(name_col),
                    _(
                        "“%(value)s” is not a valid choice code: no spaces, no control "
                        "characters, 60 characters at most."
                    ),
                    value=code,
                )
            )
            continue
        items = plan.choices.setdefault(list_name, [])
        if any(code == existing for existing, _l in items):
            issues.append(
                issue(
                    "choices",
                    number,
                    sheet.column(name_col),
                    _("The code “%(value)s” appears twice in the list “%(list)s”."),
                    value=code,
                    list=list_name,
                )
            )
            continue
        texts = {lang: cells[i] for lang, i in labels.items()}
        named = {"label": texts}
        plain_twins(sheet, number, cells, twins, columns, named, issues)
        texts = named["label"]
        if not any(texts.values()):
            issues.append(
                issue("choices", number, "", _("The choice “%(value)s” has no label."), value=code)
            )
        for i in labels.values():
            if len(cells[i]) > 250:
                issues.append(
                    issue(
                        "choices",
                        number,
                        sheet.column(i),
                        _("The label is longer than 250 characters."),
                    )
                )
        items.append((code, texts))


def check_workbook(sheets: dict[str, Sheet], file_name: str = "") -> tuple[list[Issue], Plan]:
    """Every problem in the workbook, and what to write if there is none."""
    issues: list[Issue] = []
    plan = Plan()
    if "survey" not in sheets:
        issues.append(issue("survey", None, "", _("The workbook has no “survey” sheet.")))
    from .xlsform_settings import read_settings

    default = read_settings(sheets, plan, issues, file_name)
    _choices(sheets, default, plan, issues)
    if "survey" in sheets:
        from .xlsform_survey import check_survey

        check_survey(sheets["survey"], default, plan, issues)
    return issues, plan


def plain_twins(
    sheet: Sheet,
    number: int,
    cells: list[str],
    twins: dict[tuple[str, str], int],
    columns: dict,
    texts: dict[str, dict[str, str]],
    issues: list[Issue],
) -> None:
    """Fill ``texts`` (field → language → text) from the plain twin columns: where the
    column with a language is empty, the plain one stands in; where both are written and
    differ, the row is named."""
    for (name, language), index in twins.items():
        plain, explicit = cells[index], texts.setdefault(name, {}).get(language, "")
        if plain and not explicit:
            texts[name][language] = plain
        elif plain and explicit and plain != explicit:
            issues.append(
                issue(
                    sheet.name,
                    number,
                    sheet.column(index),
                    _(
                        "This row has two texts for %(field)s in the same language: “%(plain)s” "
                        "here and “%(other)s” in column %(where)s. Keep one of them."
                    ),
                    field=name,
                    plain=plain[:80],
                    other=explicit[:80],
                    where=sheet.column(columns[(name, language)]),
                )
            )
