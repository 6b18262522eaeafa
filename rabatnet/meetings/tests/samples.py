"""Small files of each kind a meeting document may be, built in memory."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_of(
    {
        "[Content_Types].xml": b'<Types><Override ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.document.main+xml"/></Types>',
        "word/document.xml": b"<w:document/>",
    }
)
ODP = zip_of(
    {"mimetype": b"application/vnd.oasis.opendocument.presentation", "content.xml": b"<x/>"}
)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def meeting_samples() -> dict[str, dict[str, object]]:
    """The seed's meetings and a public document of Dakar: sample URLs for the URL walk."""
    from rabatnet.meetings import services
    from rabatnet.meetings.models import Document

    from .conftest import load_seed_meetings

    dakar = load_seed_meetings()["2013-09-dakar-thematic-meeting"]
    document = services.document_add(
        meeting=dakar,
        titles={"en": "Concept note", "fr": "Note conceptuelle"},
        kind=Document.Kind.CONCEPT_NOTE,
        restricted=False,
        agenda_item=None,
        files={"en": (upload("note.pdf", PDF), "application/pdf")},
        actor=None,
    )
    slug: dict[str, object] = {"slug": dakar.slug}
    return {
        "meetings:detail": slug,
        "meetings:edit": slug,
        "meetings:cancel": slug,
        "meetings:programme": slug,
        "meetings:document_upload": slug,
        "meetings:document": {**slug, "pk": document.pk, "language": "en"},
        "api:get_meeting": slug,
    }
