"""Exports as KoboToolbox and ODK Central write them, built for the tests of the import
(``make_questionnaire``'s form: ``about`` group, ``data_source`` repeat, selects, a date,
an integer with a constraint)."""

import csv
import io
import zipfile
from datetime import date

from openpyxl import Workbook

UUID_1 = "1b0e5a4c-0000-4000-8000-000000000001"
UUID_2 = "1b0e5a4c-0000-4000-8000-000000000002"

KOBO_MAIN = [
    "start", "end", "respondent_unit", "has_sources", "about/staff", "about/budget",
    "last_census", "__version__", "meta/instanceID", "_id", "_uuid", "_submission_time",
    "_validation_status", "_notes", "_status", "_submitted_by", "_tags", "_index",
]  # fmt: skip
KOBO_REPEAT = [
    "data_source/source_name", "data_source/source_kind", "data_source/areas",
    "data_source/areas/trends", "data_source/areas/border", "_index", "_parent_table_name",
    "_parent_index", "_submission__id", "_submission__uuid",
]  # fmt: skip


def kobo_main_row(index: int, uuid: str, **cells: object) -> list[object]:
    values: dict[str, object] = {
        "start": "2026-03-01T09:00:00.000+00:00",
        "end": "2026-03-01T09:30:00.000+00:00",
        "respondent_unit": "Direction de la statistique",
        "has_sources": "yes",
        "about/staff": 12,
        "about/budget": 1500.5,
        "last_census": date(2023, 5, 1),
        "__version__": "vAbc",
        "meta/instanceID": f"uuid:{uuid}",
        "_id": 1000 + index,
        "_uuid": uuid,
        "_submission_time": "2026-03-01T09:31:00",
        "_validation_status": "",
        "_index": index,
        **cells,
    }
    return [values.get(column) for column in KOBO_MAIN]


def kobo_repeat_row(index: int, parent: int, uuid: str, **cells: object) -> list[object]:
    values: dict[str, object] = {
        "_index": index,
        "_parent_table_name": "test_sources",
        "_parent_index": parent,
        "_submission__uuid": uuid,
        **cells,
    }
    return [values.get(column) for column in KOBO_REPEAT]


def kobo_xlsx(main: list[list[object]], repeat: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "test_sources"
    sheet.append(KOBO_MAIN)
    for row in main:
        sheet.append(row)
    repeat_sheet = book.create_sheet("data_source")
    repeat_sheet.append(KOBO_REPEAT)
    for row in repeat:
        repeat_sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def good_kobo_xlsx() -> bytes:
    """Two submissions; the first with two data sources (select several as one column of
    codes, then as 0/1 columns), the second with none."""
    return kobo_xlsx(
        [
            kobo_main_row(1, UUID_1),
            kobo_main_row(2, UUID_2, has_sources="No", **{"about/staff": 0}),
        ],
        [
            kobo_repeat_row(1, 1, UUID_1, **{
                "data_source/source_name": "RGPHE 2023",
                "data_source/source_kind": "census",
                "data_source/areas": "trends border",
            }),
            kobo_repeat_row(2, 1, UUID_1, **{
                "data_source/source_name": "Registre des frontières",
                "data_source/source_kind": "Registres aux frontières",
                "data_source/areas/trends": 0,
                "data_source/areas/border": 1,
            }),
        ],
    )  # fmt: skip


def kobo_csv(rows: list[dict[str, str]], delimiter: str = ";") -> bytes:
    """A KoboToolbox CSV export ("labels" headers and values, in French), with a BOM."""
    columns = list(rows[0])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row[c] for c in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def french_labels_row(uuid: str = UUID_1, **cells: str) -> dict[str, str]:
    return {
        "start": "2026-03-02T10:00:00.000+00:00",
        "Votre service": "Service des migrations",
        "has_sources (fr)": "Oui",
        "staff (fr)": "7",
        "budget (fr)": "12,5",
        "last_census (fr)": "2021-11-30",
        "_uuid": uuid,
        "_submission_time": "2026-03-02T10:05:00",
        "_index": "1",
        **cells,
    }


ODK_MAIN = [
    "SubmissionDate", "respondent_unit", "has_sources", "about-staff", "about-budget",
    "last_census", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName",
    "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID",
    "Edits", "FormVersion",
]  # fmt: skip
ODK_REPEAT = ["source_name", "source_kind", "areas", "PARENT_KEY", "KEY"]


def _csv(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue().encode("utf-8")


def odk_main_row(uuid: str, **cells: str) -> dict[str, str]:
    return {
        "SubmissionDate": "2026-03-04T08:00:00.000Z",
        "respondent_unit": "Direction générale de la police",
        "has_sources": "yes",
        "about-staff": "40",
        "about-budget": "",
        "last_census": "2013-11-15",
        "meta-instanceID": f"uuid:{uuid}",
        "KEY": f"uuid:{uuid}",
        "SubmitterName": "Collect user",
        "ReviewState": "approved",
        **cells,
    }


def odk_repeat_row(uuid: str, n: int, **cells: str) -> dict[str, str]:
    return {"PARENT_KEY": f"uuid:{uuid}", "KEY": f"uuid:{uuid}/data_source[{n}]", **cells}


def odk_files(main: list[dict[str, str]], repeat: list[dict[str, str]]) -> dict[str, bytes]:
    return {
        "test_sources.csv": _csv(ODK_MAIN, main),
        "test_sources-data_source.csv": _csv(ODK_REPEAT, repeat),
    }


def odk_zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def good_odk_zip() -> bytes:
    return odk_zip(
        odk_files(
            [odk_main_row(UUID_1)],
            [
                odk_repeat_row(UUID_1, 1, source_name="Fichier des étrangers",
                               source_kind="administrative_register", areas="border trends"),
                odk_repeat_row(UUID_1, 2, source_name="Postes frontières",
                               source_kind="Border records", areas="Border management"),
            ],
        )
    )  # fmt: skip
