"""Attachments: type read from the content, size limited, served only to readers."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from rabatnet.forums.attachments import check_upload
from rabatnet.forums.models import Attachment
from rabatnet.network.tests import factories as f

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 32


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip(
    {
        "[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" ContentType='
        b'"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        b"</Types>",
        "word/document.xml": b"<w:document/>",
    }
)
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def _check(name: str, content: bytes) -> str:
    return check_upload(io.BytesIO(content), name, len(content))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("scan.pdf", PDF, "application/pdf"),
        ("map.PNG", PNG, "image/png"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20, "image/jpeg"),
        ("anim.gif", b"GIF89a" + b"0" * 20, "image/gif"),
        ("pic.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"0" * 20, "image/webp"),
        (
            "note.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("note.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_allowed_types_by_content(name, content, expected):
    assert _check(name, content) == expected


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("report.pdf", PNG, "content"),  # a .pdf name with PNG bytes
        ("report.docx", _zip({"a.txt": b"hello"}), "content"),  # a zip that is no Word file
        ("report.xlsx", DOCX, "content"),  # a Word file named as a spreadsheet
        ("report.docx", b"PK\x03\x04 broken", "content"),
        ("run.exe", b"MZ" + b"0" * 20, "type"),
        ("noextension", PDF, "type"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_refused_with_a_reason(name, content, code):
    with pytest.raises(ValidationError) as error:
        _check(name, content)
    assert error.value.code == code
    assert name in str(error.value.messages[0])


@override_settings(FORUM_ATTACHMENT_MAX_BYTES=1000)
def test_oversize_refused():
    with pytest.raises(ValidationError, match="1000") as error:
        _check("big.pdf", PDF + b"0" * 2000)
    assert error.value.code == "too_big"


@pytest.mark.django_db
def test_upload_and_download_checks_access(client, sen_forum):
    user = f.focal_point("SEN")
    client.force_login(user)
    client.post(
        reverse("forums:thread_create", kwargs={"slug": "sen"}),
        {
            "title": "With a file",
            "body": "See attached",
            "attachments": [SimpleUploadedFile("scan.pdf", PDF, "application/pdf")],
        },
    )
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
    thread_page = client.get(sen_forum.threads.get().get_absolute_url()).content.decode()
    assert "scan.pdf" in thread_page and "application/pdf" in thread_page
    url = reverse("forums:attachment", kwargs={"pk": attachment.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(f.focal_point("MLI"))
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_a_lying_upload_is_refused_with_a_message(client, sen_forum):
    client.force_login(f.focal_point("SEN"))
    response = client.post(
        reverse("forums:thread_create", kwargs={"slug": "sen"}),
        {
            "title": "Fake",
            "body": "x",
            "attachments": [SimpleUploadedFile("report.pdf", PNG, "application/pdf")],
        },
    )
    assert response.status_code == 200
    assert "its content is not one" in response.content.decode()
    assert not sen_forum.threads.exists() and not Attachment.objects.exists()
