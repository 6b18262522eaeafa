"""Everything checked in an XLSForm before anything is written: the sheets, the headers,
each row's type, names, groups, lists, choices, expressions and the settings.

``check_workbook`` returns every problem found (never only the first) and, when there is
none, the plan of what to write (``Plan``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import CHOICE_CODE, RESERVED_FORM_IDS, XLSFORM_NAME, GuidePart, Questionnaire
from .xlsform_columns import PLAIN, TRANSLATED, RowType, header_of, language_of
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


def _columns(sheet: Sheet, known: set[str], default: str, issues: list[Issue]) -> dict:
    """(field, language) → column index; problems with headers go to ``issues``."""
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


def _settings(sheets: dict[str, Sheet], plan: Plan, issues: list[Issue]) -> str:
    """Read the settings sheet into ``plan``; the default language."""
    sheet = sheets.get("settings")
    if sheet is None or not sheet.rows:
        issues.append(
            issue(
                "settings",
                None,
                "",
                _(
                    "The settings sheet is missing or empty: it gives the form_id, the title and"
                    " the default language."
                ),
            )
        )
        return "en"
    number, cells = sheet.rows[0]
    values = {header_of(h)[0]: (i, h) for i, h in enumerate(sheet.headers) if h and "::" not in h}

    def value(name: str) -> tuple[str, str]:
        if name not in values:
            return "", ""
        index = values[name][0]
        return sheet.cell(cells, index), sheet.column(index)

    default = "en"
    language, where = value("default_language")
    if language:
        code = language_of(language)
        if code not in SITE_LANGUAGES:
            issues.append(
                issue(
                    "settings",
                    number,
                    where,
                    _("The default language “%(value)s” is neither English (en) nor French (fr)."),
                    value=language,
                )
            )
        else:
            default = code
    form_id, where = value("form_id")
    where = where or "form_id"
    if not form_id:
        issues.append(
            issue(
                "settings",
                number,
                where,
                _(
                    "The form_id is missing: it is how ODK, KoboToolbox and this site know the "
                    "form."
                ),
            )
        )
    elif not _valid_name(form_id):
        issues.append(
            issue(
                "settings",
                number,
                where,
                _(
                    "The form_id “%(value)s” is not a valid name: a letter or an underscore "
                    "first, then letters, digits, underscores, dots or hyphens, 60 at most."
                ),
                value=form_id,
            )
        )
    elif form_id in RESERVED_FORM_IDS:
        issues.append(
            issue(
                "settings",
                number,
                where,
                _("“%(value)s” is a word the site keeps; give the file another form_id."),
                value=form_id,
            )
        )
    elif Questionnaire.objects.filter(form_id=form_id).exists():
        issues.append(
            issue(
                "settings",
                number,
                where,
                _(
                    "A questionnaire with the form_id “%(value)s” already exists; export it, or "
                    "give the file another form_id."
                ),
                value=form_id,
            )
        )
    version, where = value("version")
    if len(version) > 40:
        issues.append(
            issue("settings", number, where, _("The version is longer than 40 characters."))
        )
    part, where = value("guide_part")
    if part and part not in GuidePart.values:
        issues.append(
            issue(
                "settings",
                number,
                where,
                _(
                    "“%(value)s” is no part of the guide (sources, actors, challenges, "
                    "recommendations)."
                ),
                value=part,
            )
        )
    for code in SITE_LANGUAGES:
        title, _where = value(f"title_{code}")
        if title:
            plan.titles[code] = title
        description, _where = value(f"description_{code}")
        if description:
            plan.descriptions[code] = description
    title, where = value("form_title")
    if title and default not in plan.titles:
        plan.titles[default] = title
    if not plan.titles:
        issues.append(
            issue("settings", number, "form_title", _("The form has no title (form_title)."))
        )
    for text in plan.titles.values():
        if len(text) > 250:
            issues.append(
                issue(
                    "settings", number, "form_title", _("The title is longer than 250 characters.")
                )
            )
    plan.settings = {
        "form_id": form_id,
        "version": version,
        "default_language": default,
        "guide_part": part,
    }
    return default


def _choices(sheets: dict[str, Sheet], default: str, plan: Plan, issues: list[Issue]) -> None:
    sheet = sheets.get("choices")
    if sheet is None:
        return
    columns = _columns(sheet, CHOICE_FIELDS, default, issues)
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


def check_workbook(sheets: dict[str, Sheet]) -> tuple[list[Issue], Plan]:
    """Every problem in the workbook, and what to write if there is none."""
    issues: list[Issue] = []
    plan = Plan()
    if "survey" not in sheets:
        issues.append(issue("survey", None, "", _("The workbook has no “survey” sheet.")))
    default = _settings(sheets, plan, issues)
    _choices(sheets, default, plan, issues)
    if "survey" in sheets:
        from .xlsform_survey import check_survey

        check_survey(sheets["survey"], default, plan, issues)
    return issues, plan
