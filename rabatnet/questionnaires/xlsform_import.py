"""An XLSForm workbook in: every problem found first (``xlsform_checks``), then pyxform's
own conversion (its errors put in plain words), and only when there is no problem at all
the questionnaire, its lists of choices and its questions, in one transaction.

An existing form_id is never replaced: the file is refused ("already exists").
"""

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor

from .models import Choice, ChoiceList, Question, Questionnaire
from .xlsform_checks import YES, Plan, check_workbook
from .xlsform_reading import MAX_COLUMNS, MAX_ROWS, Issue, Unreadable, issue, read_workbook

_PYXFORM_ROW = re.compile(r"\[row\s*:\s*(\d+)\]")
_PYXFORM_SHEET = re.compile(r"'(survey|choices|settings)' sheet", re.IGNORECASE)


@dataclass
class ImportResult:
    issues: list[Issue] = field(default_factory=list)
    questionnaire: Questionnaire | None = None
    form_id_from_file_name: bool = False  # no settings sheet (or no form_id): pyxform's way


_SHEET_NAME = re.compile(rb'(<(?:\w+:)?sheet\b[^>]*?\bname=")([^"]*)(")')
SHEETS = ("survey", "choices", "settings")


def canonical_sheet_names(content: bytes) -> bytes:
    """The workbook with its survey, choices and settings sheets named exactly so: the site
    reads " Survey " or "SETTINGS" as they are meant, pyxform only the exact names (the
    export writes them so; ODK and KoboToolbox get a clean file from the site)."""
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        book = source.read("xl/workbook.xml")

        def rename(match: re.Match[bytes]) -> bytes:
            name = html.unescape(match.group(2).decode("utf-8", "replace")).strip().lower()
            return (
                match.group(1) + name.encode() + match.group(3)
                if name in SHEETS
                else (match.group(0))
            )

        renamed = _SHEET_NAME.sub(rename, book)
        if renamed == book:
            return content
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = renamed if info.filename == "xl/workbook.xml" else source.read(info)
                target.writestr(info, data)
    return out.getvalue()


# pyxform's refusals people meet, in plain words (its own words follow, for the expert).
_PYXFORM_PLAIN = (
    (
        re.compile(r"Could not find the name '([^']*)'"),
        _("The text refers to ${%(name)s}, but no question of the survey sheet has that name."),
    ),
    (
        re.compile(r"The name '([^']*)' is reserved"),
        _("The name “%(name)s” is kept by ODK for the form's metadata: choose another name."),
    ),
    (
        re.compile(r"Unknown question type '([^']*)'"),
        _("ODK and KoboToolbox know no question type “%(name)s”."),
    ),
    (
        re.compile(r"List name not in choices sheet: (\S+)"),
        _("The list “%(name)s” is not on the choices sheet."),
    ),
)
_PYXFORM_WHERE = re.compile(r"^\[row\s*:\s*\d+\]\s*(On the '\w+' sheet,\s*)?", re.IGNORECASE)


def pyxform_issues(content: bytes) -> list[Issue]:
    """pyxform's verdict on the file (no Java: validate=False), placed on the sheet and row
    it names, if it names one; said in plain words where it is a refusal people meet, its
    own words kept after them."""
    from pyxform.xls2xform import convert

    try:
        convert(canonical_sheet_names(content), warnings=[], validate=False, file_type=".xlsx")
    except Exception as error:  # pyxform raises PyXFormError, and others on odd files
        detail = " ".join(str(error).split())
        row = _PYXFORM_ROW.search(detail)
        sheet = _PYXFORM_SHEET.search(detail)
        words = _PYXFORM_WHERE.sub("", detail)[:500]
        plain = next(
            ((message, found.group(1)) for pattern, message in _PYXFORM_PLAIN
             if (found := pattern.search(detail))),
            None,
        )  # fmt: skip
        where = (sheet.group(1).lower() if sheet else "survey", int(row.group(1)) if row else None)
        if plain is not None:
            return [
                issue(
                    *where,
                    "",
                    _(
                        "%(plain)s (pyxform, the converter ODK and KoboToolbox use, says: "
                        "“%(detail)s”)"
                    ),
                    plain=_Plain(plain[0], plain[1][:80]),
                    detail=words,
                )
            ]
        return [
            issue(
                *where,
                "",
                _("pyxform, the converter ODK and KoboToolbox use, refuses the file: %(detail)s"),
                detail=words,
            )
        ]
    return []


@dataclass(frozen=True)
class _Plain:
    """A plain explanation, translated when shown (``Issue.text`` in a language)."""

    message: Any
    name: str

    def __str__(self) -> str:
        return str(self.message) % {"name": self.name}


def check_xlsform(content: bytes, file_name: str = "") -> tuple[list[Issue], Plan]:
    """Every problem of the file, and the plan of what to write when there is none
    (``file_name``: where a form without a settings sheet takes its form_id, as pyxform)."""
    try:
        sheets = read_workbook(content)
    except Unreadable:
        return [
            issue(
                "survey",
                None,
                "",
                _(
                    "The file is not an Excel workbook (.xlsx) that can be read, or it has "
                    "more than %(rows)s rows or %(columns)s columns on a sheet."
                ),
                rows=MAX_ROWS,
                columns=MAX_COLUMNS,
            )
        ], Plan()
    formulas = [
        issue(
            sheet.name,
            row,
            sheet.column(index),
            _(
                "The cell holds a formula (%(value)s) whose result was not saved with the file. "
                "Open the file in a spreadsheet and save it, or write the value itself."
            ),
            value=text[:80],
        )
        for sheet in sheets.values()
        for row, index, text in sheet.formulas
    ]
    if formulas:
        return formulas, Plan()
    issues, plan = check_workbook(sheets, file_name)
    if not issues:
        issues = pyxform_issues(content)
    return issues, plan


def import_xlsform(*, content: bytes, actor: User | None, file_name: str = "") -> ImportResult:
    """Check the file; create the questionnaire (a draft) only if there is no problem."""
    issues, plan = check_xlsform(content, file_name)
    if issues:
        return ImportResult(issues=issues)
    try:
        questionnaire = _write(plan, actor)
    except IntegrityError:
        # Another import of the same form_id won the race.
        return ImportResult(
            issues=[
                issue(
                    "settings",
                    2,
                    "form_id",
                    _(
                        "A questionnaire with the form_id “%(value)s” already exists; export it,"
                        " or give the file another form_id."
                    ),
                    value=plan.settings["form_id"],
                )
            ]
        )
    return ImportResult(
        questionnaire=questionnaire,
        form_id_from_file_name=bool(plan.settings.get("from_file_name")),
    )


def _translated(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{language}": text for language, text in texts.items() if text}


@transaction.atomic
def _write(plan: Plan, actor: User | None) -> Questionnaire:
    settings = plan.settings
    default = settings["default_language"]
    questionnaire = Questionnaire(
        form_id=settings["form_id"],
        form_version=settings["version"],
        default_language=default,
        guide_part=settings["guide_part"],
        status=Questionnaire.Status.DRAFT,
        **_translated("title", plan.titles),
        **_translated("description", plan.descriptions),
    )
    record_actor(questionnaire, actor)
    questionnaire.save()
    lists: dict[str, ChoiceList] = {}
    for name, items in plan.choices.items():
        choice_list = ChoiceList.objects.create(questionnaire=questionnaire, name=name)
        lists[name] = choice_list
        Choice.objects.bulk_create(
            Choice(
                choice_list=choice_list,
                name=code,
                position=position,
                **_translated("label", texts),
            )
            for position, (code, texts) in enumerate(items)
        )
    made: list[Question] = []
    for position, row in enumerate(plan.rows, start=1):
        question = Question(
            questionnaire=questionnaire,
            parent=made[row.parent] if row.parent is not None else None,
            position=position * 10,
            type=row.rtype.type,
            name=row.name,
            choice_list=lists[row.rtype.list_name] if row.rtype.list_name else None,
            required=row.plain["required"].lower() in YES - {""},
            relevant=row.plain["relevant"],
            constraint=row.plain["constraint"],
            appearance=row.plain["appearance"],
            feeds=row.plain["feeds"],
        )
        for field_name, texts in row.texts.items():
            for language, text in texts.items():
                setattr(question, f"{field_name}_{language}", text)
        record_actor(question, actor)
        question.save()
        made.append(question)
    return questionnaire
