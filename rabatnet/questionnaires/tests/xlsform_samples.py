"""Helpers of the XLSForm tests: the shipped workbooks, a canonical structure to compare
questionnaires by, a workbook written from rows, and pyxform's XForm."""

import io
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from defusedxml.ElementTree import fromstring
from django.conf import settings
from openpyxl import Workbook

from ..models import Questionnaire

STANDARD = ("rabatnet_sources", "rabatnet_actors", "rabatnet_challenges")
DATA = Path(settings.DATA_DIR) / "questionnaires"


def shipped(form_id: str) -> bytes:
    return (DATA / f"{form_id}.xlsx").read_bytes()


def _in(obj: object, field: str, code: str) -> str:
    return str(getattr(obj, f"{field}_{code}") or "")


def canonical(questionnaire: Questionnaire) -> dict[str, Any]:
    """Everything an XLSForm carries, independent of keys and positions' spacing."""
    questions = []
    for question in questionnaire.questions.select_related("parent", "choice_list").order_by(
        "position"
    ):
        questions.append(
            (
                question.type,
                question.name,
                question.parent.name if question.parent else None,
                question.choice_list.name if question.choice_list else None,
                question.required,
                question.relevant,
                question.constraint,
                question.appearance,
                question.feeds,
                *(
                    getattr(question, f"{field}_{code}") or ""
                    for field in ("label", "hint", "required_message", "constraint_message")
                    for code in ("en", "fr")
                ),
            )
        )
    lists = {
        choice_list.name: [
            (c.name, _in(c, "label", "en"), _in(c, "label", "fr"))
            for c in choice_list.choices.all()
        ]
        for choice_list in questionnaire.choice_lists.all()
    }
    return {
        "settings": (
            questionnaire.form_id,
            questionnaire.form_version,
            _in(questionnaire, "title", "en"),
            _in(questionnaire, "title", "fr"),
            _in(questionnaire, "description", "en"),
            _in(questionnaire, "description", "fr"),
            questionnaire.default_language,
            questionnaire.guide_part,
        ),
        "questions": questions,
        "lists": lists,
    }


def workbook(
    survey: list[list[str]],
    choices: list[list[str]] | None = None,
    settings_rows: list[list[str]] | None = None,
) -> bytes:
    """An .xlsx from rows (the first row of each sheet is its header)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    if choices is not None:
        extra = book.create_sheet("choices")
        for row in choices:
            extra.append(row)
    extra = book.create_sheet("settings")
    for row in settings_rows or [["form_title", "form_id"], ["A test", "a_test"]]:
        extra.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xform(content: bytes) -> ElementTree.Element:
    """pyxform's XForm of the file (no Java: validate=False), parsed."""
    from pyxform.xls2xform import convert

    warnings: list[str] = []
    result = convert(content, warnings=warnings, validate=False, file_type=".xlsx")
    assert not warnings, warnings
    return fromstring(result.xform)
