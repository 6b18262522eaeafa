"""Any questionnaire as an XLSForm workbook (``survey``, ``choices``, ``settings``), in
English and French, that pyxform converts to an XForm for ODK Collect and KoboToolbox.

Columns: see ``xlsform_columns``. Groups and repeats open with ``begin_group`` /
``begin_repeat`` and close with ``end_group`` / ``end_repeat``; the settings sheet carries
``form_title`` (default language), ``form_id``, ``version`` and ``default_language``
("English (en)" / "French (fr)"), and the site's own ``title_en``, ``title_fr``,
``description_en``, ``description_fr`` and ``guide_part`` columns, which pyxform leaves
alone (a ``title::French (fr)`` column breaks it).
"""

import io
from collections import defaultdict

from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Question, Questionnaire
from .xlsform_columns import (
    CHOICES_HEADERS,
    LANGUAGE_NAMES,
    SETTINGS_HEADERS,
    SURVEY_HEADERS,
    T,
)

LANGUAGES = ("en", "fr")


def _text(obj: object, field: str, code: str) -> str:
    return str(getattr(obj, f"{field}_{code}", "") or "")


def _type_cell(question: Question, end: bool = False) -> str:
    if question.type in (T.GROUP, T.REPEAT):
        return f"{'end' if end else 'begin'}_{question.type}"
    if question.type in (T.SELECT_ONE, T.SELECT_MULTIPLE) and question.choice_list:
        return f"{question.type} {question.choice_list.name}"
    return str(question.type)


def _survey_row(question: Question) -> list[str]:
    row = [_type_cell(question), question.name]
    for field in ("label", "hint"):
        row += [_text(question, field, code) for code in LANGUAGES]
    row.append("yes" if question.required else "")
    row += [_text(question, "required_message", code) for code in LANGUAGES]
    row += [question.relevant, question.constraint]
    row += [_text(question, "constraint_message", code) for code in LANGUAGES]
    row += [question.appearance, question.feeds]
    return row


def survey_rows(questionnaire: Questionnaire) -> list[list[str]]:
    """The survey sheet's rows under its header: containers opened and closed around their
    children, everything in ``position`` order."""
    questions = list(
        questionnaire.questions.select_related("choice_list").order_by("position", "pk")
    )
    children: dict[int | None, list[Question]] = defaultdict(list)
    for question in questions:
        children[question.parent_id].append(question)
    rows: list[list[str]] = []

    def walk(parent_id: int | None) -> None:
        for question in children[parent_id]:
            rows.append(_survey_row(question))
            if question.type in (T.GROUP, T.REPEAT):
                walk(question.pk)
                rows.append([_type_cell(question, end=True), question.name])

    walk(None)
    return rows


def choices_rows(questionnaire: Questionnaire) -> list[list[str]]:
    rows = []
    for choice_list in questionnaire.choice_lists.prefetch_related("choices").order_by("name"):
        for choice in choice_list.choices.all():
            rows.append(
                [choice_list.name, choice.name, *(_text(choice, "label", c) for c in LANGUAGES)]
            )
    return rows


def settings_row(questionnaire: Questionnaire) -> tuple[list[str], list[str]]:
    language = questionnaire.default_language or "en"
    headers = [*SETTINGS_HEADERS, *(f"title_{c}" for c in LANGUAGES)]
    headers += [*(f"description_{c}" for c in LANGUAGES), "guide_part"]
    values = [
        _text(questionnaire, "title", language) or questionnaire.title,
        questionnaire.form_id,
        questionnaire.form_version,
        LANGUAGE_NAMES.get(language, LANGUAGE_NAMES["en"]),
        *(_text(questionnaire, "title", c) for c in LANGUAGES),
        *(_text(questionnaire, "description", c) for c in LANGUAGES),
        questionnaire.guide_part,
    ]
    return headers, values


def export_xlsform(questionnaire: Questionnaire) -> bytes:
    """The questionnaire as an .xlsx XLSForm."""
    workbook = Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    _sheet(survey, SURVEY_HEADERS, survey_rows(questionnaire))
    _sheet(workbook.create_sheet("choices"), CHOICES_HEADERS, choices_rows(questionnaire))
    headers, values = settings_row(questionnaire)
    _sheet(workbook.create_sheet("settings"), headers, [values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet(sheet: object, headers: list[str], rows: list[list[str]]) -> None:
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(sheet, Worksheet)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # Text cells only: a code "01" or an expression "=…" stays what it is.
        sheet.append([value if value else None for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
