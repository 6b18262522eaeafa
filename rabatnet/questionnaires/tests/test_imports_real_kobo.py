"""KoboToolbox XLSX exports as KoboToolbox really writes them (issue 13, polish): the main
sheet named after the form, one sheet per repeat group with ``_index`` / ``_parent_index`` /
``_parent_table_name`` / ``_submission__…``, every metadata column, group-prefixed headers
with "/", "." or no group at all, select several as one column and as 0/1 columns (ints,
floats, booleans, "True"/"False"), the "labels" export in English and French, real Excel
dates and datetimes, integers as floats, empty trailing rows and columns, padded headers."""

import io
from datetime import date, datetime
from typing import Any

import pytest
from openpyxl import Workbook

from ..models import Answer, Questionnaire, Response
from ..submission_import import ImportRefused
from .factories import import_export, make_questionnaire

pytestmark = pytest.mark.django_db
U1 = "6f1c2e0a-1111-4a4a-9b9b-000000000001"
U2 = "6f1c2e0a-1111-4a4a-9b9b-000000000002"
MAIN_META = [
    "meta/instanceID",
    "meta/rootUuid",
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
]
REPEAT_META = [
    "_index",
    "_parent_table_name",
    "_parent_index",
    "_submission__id",
    "_submission__uuid",
    "_submission__submission_time",
    "_submission__validation_status",
    "_submission__notes",
    "_submission__status",
    "_submission__submitted_by",
    "_submission___version__",
    "_submission__tags",
]


@pytest.fixture
def form() -> Questionnaire:
    return make_questionnaire()


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list[Any]]) -> None:
    sheet = book.active if not book.sheetnames or title == "first" else None
    if sheet is None or book.active.max_row > 1:
        sheet = book.create_sheet(title)
    sheet.title = "Information sources (test)" if title == "first" else title
    sheet.append(header)
    for row in rows:
        sheet.append(row)


def _meta(uuid: str, index: int) -> list[Any]:
    when = datetime.fromisoformat("2026-03-01T09:31:12")  # Excel: no zone
    return [
        f"uuid:{uuid}",
        f"uuid:{uuid}",
        41000 + index,
        uuid,
        when,
        "",
        "",
        "submitted_via_web",
        "enumerator",
        "vGh7",
        "",
        index,
    ]


def _repeat_meta(index: int, parent: int, uuid: str) -> list[Any]:
    return [
        index,
        "Information sources (test)",
        parent,
        41000 + parent,
        uuid,
        "2026-03-01T09:31:12",
        "",
        "",
        "submitted_via_web",
        "enumerator",
        "vGh7",
        "",
    ]


def kobo_book(sep: str = "/", groups: bool = True, flags: tuple[Any, Any] = (1, 0)) -> bytes:
    """Two submissions, the first with two data sources, as the "XML values and headers"
    export writes them with the group separator ``sep`` (and group names or not)."""

    def h(*path: str) -> str:
        return sep.join(path if groups else path[-1:])

    on, off = flags
    main_header = [
        "start",
        "end",
        "today",
        "deviceid",
        "respondent_unit",
        "has_sources",
        h("about", "staff"),
        h("about", "budget"),
        "last_census",
        *MAIN_META,
    ]
    head = [
        "2026-03-01T09:00:00.000+00:00",
        "2026-03-01T09:30:00.000+00:00",
        date(2026, 3, 1),
        "collect:abc",
    ]
    main = [
        [
            *head,
            "Direction de la statistique",
            "yes",
            3.0,
            1500.0,
            datetime.fromisoformat("2023-05-01T00:00"),
            *_meta(U1, 1),
        ],
        [*head, "Service des visas", "no", 0, None, None, *_meta(U2, 2)],
    ]
    areas = h("data_source", "areas")
    repeat_header = [
        h("data_source", "source_name"),
        h("data_source", "source_kind"),
        areas,
        f"{areas}{sep}trends",
        f"{areas}{sep}border",
        *REPEAT_META,
    ]
    repeat = [
        ["RGPHE 2023", "census", "trends border", on, on, *_repeat_meta(1, 1, U1)],
        ["Registre", "border_records", None, off, on, *_repeat_meta(2, 1, U1)],
    ]
    book = Workbook()
    _sheet(book, "first", main_header, main)
    _sheet(book, "data_source", repeat_header, repeat)
    return _save(book)


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _answers(instance: str) -> dict[tuple[str, int], str]:
    response = Response.objects.get(instance_id=f"uuid:{instance}")
    return {(a.question.name, a.row): a.value for a in response.answers.select_related("question")}


EXPECTED_FIRST = {
    ("respondent_unit", 0): "Direction de la statistique",
    ("has_sources", 0): "yes",
    ("staff", 0): "3",
    ("budget", 0): "1500",
    ("last_census", 0): "2023-05-01",
    ("source_name", 1): "RGPHE 2023",
    ("source_kind", 1): "census",
    ("areas", 1): "trends border",
    ("source_name", 2): "Registre",
    ("source_kind", 2): "border_records",
    ("areas", 2): "border",
}


@pytest.mark.parametrize(
    ("sep", "groups", "flags"),
    [
        ("/", True, (1, 0)),
        ("/", True, (1.0, 0.0)),
        (".", True, (True, False)),
        ("/", False, ("True", "False")),
        (".", False, ("1.0", "0.0")),
    ],
)
def test_a_real_kobo_xlsx_export_in_each_header_style(form, sep, groups, flags):
    batch = import_export(
        form, ("Information_sources_-_all_versions.xlsx", kobo_book(sep, groups, flags))
    )

    assert (batch.format, batch.submissions) == ("kobo", 2)
    assert _answers(U1) == EXPECTED_FIRST
    assert _answers(U2) == {
        ("respondent_unit", 0): "Service des visas",
        ("has_sources", 0): "no",
        ("staff", 0): "0",
    }
    first = Response.objects.get(instance_id=f"uuid:{U1}")
    assert first.submitted_at is not None
    assert first.submitted_at.isoformat() == "2026-03-01T09:31:12+00:00"


def test_trailing_empty_rows_and_columns_and_padded_headers(form):
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    header = [" respondent_unit ", "has_sources\n", "about/staff", " _uuid", "_index ", None, None]
    sheet.append(header)
    sheet.append(["Douanes", "yes", 4, U1, 1, None, ""])
    for _blank in range(5):
        sheet.append([None, "", None, None, None, None, None])
    sheet.cell(row=40, column=12).value = None  # the sheet's extent reaches past the data
    sheet.cell(row=40, column=12).number_format = "0.00"
    import_export(form, ("padded.xlsx", _save(book)))
    assert _answers(U1) == {
        ("respondent_unit", 0): "Douanes",
        ("has_sources", 0): "yes",
        ("staff", 0): "4",
    }


def _labels_book(language: str) -> bytes:
    """The "labels" export: headers and values are the questions' and choices' labels."""
    if language == "en":
        main_header = [
            "Your unit",
            "Has sources",
            "About your unit/Staff",
            "About your unit/Budget",
            "Last census",
            *MAIN_META,
        ]
        main = [["Douanes", "Yes", 2, 10.5, "2020-01-31", *_meta(U1, 1)]]
        prefix = "One row per data source/"
        repeat_header = [
            f"{prefix}Source name",
            f"{prefix}Source kind",
            f"{prefix}Areas",
            f"{prefix}Areas/Migration trends",
            f"{prefix}Areas/Border management",
            *REPEAT_META,
        ]
        repeat = [
            [
                "Fichier",
                "Administrative register",
                "Migration trends Border management",
                1,
                1,
                *_repeat_meta(1, 1, U1),
            ]
        ]
    else:
        main_header = [
            "Votre service",
            "has_sources (fr)",
            "Votre service/staff (fr)",
            "Votre service/budget (fr)",
            "last_census (fr)",
            *MAIN_META,
        ]
        main = [["Douanes", "Oui", 2, 10.5, date(2020, 1, 31), *_meta(U1, 1)]]
        prefix = "Une ligne par source de données/"
        repeat_header = [
            f"{prefix}source_name (fr)",
            f"{prefix}source_kind (fr)",
            f"{prefix}areas (fr)",
            f"{prefix}areas (fr)/Tendances migratoires",
            f"{prefix}areas (fr)/Gestion des frontières",
            *REPEAT_META,
        ]
        repeat = [
            [
                "Fichier",
                "Registre administratif",
                "Tendances migratoires Gestion des frontières",
                1,
                1,
                *_repeat_meta(1, 1, U1),
            ]
        ]
    book = Workbook()
    _sheet(book, "first", main_header, main)
    _sheet(book, "data_source", repeat_header, repeat)
    return _save(book)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_labels_export_in_english_and_french(form, language):
    import_export(form, ("labels.xlsx", _labels_book(language)))
    assert _answers(U1) == {
        ("respondent_unit", 0): "Douanes",
        ("has_sources", 0): "yes",
        ("staff", 0): "2",
        ("budget", 0): "10.5",
        ("last_census", 0): "2020-01-31",
        ("source_name", 1): "Fichier",
        ("source_kind", 1): "administrative_register",
        ("areas", 1): "trends border",
    }


def test_a_repeat_sheet_joined_by_the_submission_uuid_alone(form):
    """Older KoboToolbox exports link repeat rows by ``_submission__uuid`` only."""
    book = Workbook()
    _sheet(
        book,
        "first",
        ["respondent_unit", "has_sources", "_uuid", "_index"],
        [["Douanes", "yes", U1, 1]],
    )
    _sheet(book, "data_source", ["source_name", "_submission__uuid"], [["Fichier", U1]])
    import_export(form, ("old.xlsx", _save(book)))
    assert _answers(U1)[("source_name", 1)] == "Fichier"


def test_a_float_that_is_not_a_whole_number_is_refused_by_cell(form):
    book = Workbook()
    _sheet(
        book,
        "first",
        ["respondent_unit", "has_sources", "about/staff", "_uuid", "_index"],
        [["Douanes", "no", 3.5, U1, 1]],
    )
    with pytest.raises(ImportRefused) as refused:
        import_export(form, ("f.xlsx", _save(book)))
    problems = [(p.table, p.row, p.column, p.value) for p in refused.value.problems]
    assert problems == [("Information sources (test)", 2, "about/staff", "3.5")]
    assert Answer.objects.count() == 0


def test_row_numbers_are_the_spreadsheet_s_own_after_blank_rows(form):
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "main"
    sheet.cell(row=3, column=2, value="respondent_unit")
    for column, header in enumerate(["has_sources", "about/staff", "_uuid", "_index"], start=3):
        sheet.cell(row=3, column=column, value=header)
    for column, value in enumerate(["Douanes", "maybe", 1, U1, 1], start=2):
        sheet.cell(row=5, column=column, value=value)
    with pytest.raises(ImportRefused) as refused:
        import_export(form, ("offset.xlsx", _save(book)))
    problems = [(p.table, p.row, p.column, p.value) for p in refused.value.problems]
    assert problems == [("main", 5, "has_sources", "maybe")]
