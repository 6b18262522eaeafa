"""ODK Central CSV exports as ODK Central really writes them (issue 13, polish): ``KEY`` /
``PARENT_KEY``, ``SubmissionDate``, ``meta-instanceID``, hyphen-joined groups, repeat groups
as separate CSV files (several FILE arguments, several uploaded files, in any order),
``uuid:`` prefixes, a UTF-8 BOM, ``;``, CRLF, quoted newlines; Latin-1 refused in words."""

import csv
import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from rabatnet.network.tests import factories as f

from ..models import ImportBatch, Questionnaire, Response
from .factories import make_questionnaire

pytestmark = pytest.mark.django_db
U1 = "uuid:0c1d2e3f-2222-4b4b-8c8c-000000000001"
U2 = "uuid:0c1d2e3f-2222-4b4b-8c8c-000000000002"
MAIN = [
    "SubmissionDate",
    "start",
    "end",
    "today",
    "deviceid",
    "respondent_unit",
    "has_sources",
    "about-staff",
    "about-budget",
    "last_census",
    "meta-instanceID",
    "meta-instanceName",
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
]
REPEAT = [
    "source_name",
    "source_kind",
    "areas",
    "areas/trends",
    "areas/border",
    "PARENT_KEY",
    "KEY",
]


@pytest.fixture
def form() -> Questionnaire:
    return make_questionnaire()


def _csv(columns: list[str], rows: list[dict[str, str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", delimiter=delimiter)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue()


def _main(key: str, **cells: str) -> dict[str, str]:
    return {
        "SubmissionDate": "2026-03-04T08:00:00.000Z",
        "start": "2026-03-04T07:40:00.000+01:00",
        "respondent_unit": "Direction générale\nde la police",  # a quoted newline
        "has_sources": "yes",
        "about-staff": "40",
        "about-budget": "12.50",
        "last_census": "2013-11-15",
        "meta-instanceID": key,
        "KEY": key,
        "SubmitterID": "5",
        "SubmitterName": "collect",
        "AttachmentsPresent": "0",
        "AttachmentsExpected": "0",
        "ReviewState": "hasIssues",
        "Edits": "0",
        "FormVersion": "2026031201",
        **cells,
    }


def _repeat(parent: str, n: int, **cells: str) -> dict[str, str]:
    return {"PARENT_KEY": parent, "KEY": f"{parent}/data_source[{n}]", **cells}


def central_files(encoding: str = "utf-8-sig", delimiter: str = ",") -> dict[str, bytes]:
    main = _csv(
        MAIN, [_main(U1), _main(U2, has_sources="no", **{"about-budget": ""})], delimiter=delimiter
    )
    repeat = _csv(
        REPEAT,
        [
            _repeat(
                U1,
                1,
                source_name="Fichier des étrangers",
                source_kind="census",
                areas="trends border",
                **{"areas/trends": "1", "areas/border": "1"},
            ),
            _repeat(
                U1,
                2,
                source_name="Postes",
                source_kind="border_records",
                areas="border",
                **{"areas/trends": "0", "areas/border": "1"},
            ),
        ],
        delimiter=delimiter,
    )
    return {
        "test_sources.csv": main.encode(encoding),
        "test_sources-data_source.csv": repeat.encode(encoding),
    }


EXPECTED = {
    ("respondent_unit", 0): "Direction générale\nde la police",
    ("has_sources", 0): "yes",
    ("staff", 0): "40",
    ("budget", 0): "12.5",
    ("last_census", 0): "2013-11-15",
    ("source_name", 1): "Fichier des étrangers",
    ("source_kind", 1): "census",
    ("areas", 1): "trends border",
    ("source_name", 2): "Postes",
    ("source_kind", 2): "border_records",
    ("areas", 2): "border",
}


def _answers(instance: str) -> dict[tuple[str, int], str]:
    response = Response.objects.get(instance_id=instance)
    return {(a.question.name, a.row): a.value for a in response.answers.select_related("question")}


def _run(tmp_path: Path, files: dict[str, bytes], order: list[str] | None = None) -> str:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    out = StringIO()
    names = [str(tmp_path / name) for name in (order or list(files))]
    call_command(
        "import_submissions",
        "test_sources",
        *names,
        "--country",
        "SEN",
        "--no-progress",
        stdout=out,
    )
    return out.getvalue()


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8-sig", ","), ("utf-8", ","), ("utf-8-sig", ";")]
)
def test_central_csv_files_as_several_file_arguments(form, tmp_path, encoding, delimiter):
    out = _run(tmp_path, central_files(encoding, delimiter))
    assert "2 submission(s) imported" in out
    assert _answers(U1) == EXPECTED
    assert _answers(U2) == {
        ("respondent_unit", 0): "Direction générale\nde la police",
        ("has_sources", 0): "no",
        ("staff", 0): "40",
        ("last_census", 0): "2013-11-15",
    }
    first = Response.objects.get(instance_id=U1)
    assert first.origin == "odk" and first.submitted_at is not None
    assert first.submitted_at.isoformat() == "2026-03-04T08:00:00+00:00"


def test_the_repeat_file_may_come_first(form, tmp_path):
    files = central_files()
    _run(tmp_path, files, order=["test_sources-data_source.csv", "test_sources.csv"])
    assert _answers(U1) == EXPECTED


def test_central_without_group_names_and_without_uuid_prefix(form, tmp_path):
    main = _csv(
        ["SubmissionDate", "respondent_unit", "has_sources", "staff", "instanceID", "KEY"],
        [
            {
                "SubmissionDate": "2026-03-04T08:00:00Z",
                "respondent_unit": "Douanes",
                "has_sources": "yes",
                "staff": "3.0",
                "instanceID": "abc-1",
                "KEY": "abc-1",
            }
        ],
    )
    repeat = _csv(
        ["source_name", "PARENT_KEY", "KEY"],
        [{"source_name": "Fichier", "PARENT_KEY": "abc-1", "KEY": "abc-1/r[1]"}],
    )
    _run(tmp_path, {"test_sources.csv": main.encode(), "x-data_source.csv": repeat.encode()})
    assert _answers("abc-1") == {
        ("respondent_unit", 0): "Douanes",
        ("has_sources", 0): "yes",
        ("staff", 0): "3",
        ("source_name", 1): "Fichier",
    }


def test_several_uploaded_files_on_the_page(client, form):
    client.force_login(f.focal_point("SEN"))
    url = reverse("submissions:import", kwargs={"form_id": "test_sources", "iso3": "SEN"})
    page = client.get(url).content.decode()
    assert 'type="file"' in page and "multiple" in page
    uploads = [SimpleUploadedFile(name, data) for name, data in central_files().items()]
    response = client.post(url, {"file": uploads})
    assert response.status_code == 302, response.content.decode()[-3000:]
    batch = ImportBatch.objects.get()
    assert batch.submissions == 2
    assert batch.file_name == "test_sources.csv, test_sources-data_source.csv"
    assert _answers(U1) == EXPECTED


def test_one_bad_file_among_several_uploads_is_named(client, form):
    client.force_login(f.focal_point("SEN"))
    url = reverse("submissions:import", kwargs={"form_id": "test_sources", "iso3": "SEN"})
    uploads = [
        SimpleUploadedFile("test_sources.csv", central_files()["test_sources.csv"]),
        SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff"),
    ]
    response = client.post(url, {"file": uploads})
    assert response.status_code == 200 and "photo.jpg" in response.content.decode()
    assert Response.objects.count() == 0


def test_a_latin1_file_is_named_not_a_crash(form, tmp_path):
    files = central_files(encoding="latin-1")
    err = StringIO()
    with pytest.raises(Exception, match="refused|nothing") as refused:
        call_command(
            "import_submissions",
            "test_sources",
            *[str(p) for p in _paths(tmp_path, files)],
            "--country",
            "SEN",
            "--no-progress",
            stderr=err,
        )
    assert type(refused.value).__name__ == "CommandError"
    assert "test_sources.csv" in err.getvalue() and "UTF-8" in err.getvalue()
    assert "(line 2, bytes “e9 6e”" in err.getvalue()  # "né" of "générale", in Latin-1
    assert Response.objects.count() == 0


def _paths(tmp_path: Path, files: dict[str, bytes]) -> list[Path]:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return [tmp_path / name for name in files]
