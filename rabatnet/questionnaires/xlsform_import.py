"""An XLSForm workbook in: every problem found first (``xlsform_checks``), then pyxform's
own conversion (its errors put in plain words), and only when there is no problem at all
the questionnaire, its lists of choices and its questions, in one transaction.

An existing form_id is never replaced: the file is refused ("already exists").
"""

import re
from dataclasses import dataclass, field

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


def pyxform_issues(content: bytes) -> list[Issue]:
    """pyxform's verdict on the file (no Java: validate=False), its message kept whole but
    introduced in words and placed on the sheet and row it names, if it names one."""
    from pyxform.xls2xform import convert

    try:
        convert(content, warnings=[], validate=False, file_type=".xlsx")
    except Exception as error:  # pyxform raises PyXFormError, and others on odd files
        detail = " ".join(str(error).split())
        row = _PYXFORM_ROW.search(detail)
        sheet = _PYXFORM_SHEET.search(detail)
        return [
            issue(
                sheet.group(1).lower() if sheet else "survey",
                int(row.group(1)) if row else None,
                "",
                _("pyxform, the converter ODK and KoboToolbox use, refuses the file: %(detail)s"),
                detail=detail[:500],
            )
        ]
    return []


def check_xlsform(content: bytes) -> tuple[list[Issue], Plan]:
    """Every problem of the file, and the plan of what to write when there is none."""
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
    issues, plan = check_workbook(sheets)
    if not issues:
        issues = pyxform_issues(content)
    return issues, plan


def import_xlsform(*, content: bytes, actor: User | None) -> ImportResult:
    """Check the file; create the questionnaire (a draft) only if there is no problem."""
    issues, plan = check_xlsform(content)
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
    return ImportResult(questionnaire=questionnaire)


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
