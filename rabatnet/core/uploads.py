"""What an uploaded file is: its type read from its content, never from its name.

PDF and images by their first bytes; office documents (zip files) by the entry that says
what they hold: ``[Content_Types].xml`` for docx/xlsx/pptx, ``mimetype`` for the
OpenDocument formats. Forum attachments, meeting documents, CVs and mission reports all
check their uploads here, each with its own list of types, size limit and wording.
"""

import hashlib
import zipfile
from collections.abc import Collection
from typing import IO

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Extension → the type the content must show.
TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# The main part each OOXML type declares in [Content_Types].xml.
_OOXML_MAIN = {
    "docx": b"wordprocessingml.document.main+xml",
    "xlsx": b"spreadsheetml.sheet.main+xml",
    "pptx": b"presentationml.presentation.main+xml",
}
_OPENDOCUMENT = ("odt", "ods", "odp")
_ZIP_ENTRY_LIMIT = 1024 * 1024


def extension_of(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _sniff(head: bytes) -> str | None:
    """The type the first bytes show, for the non-zip formats."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def _read_entry(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _ZIP_ENTRY_LIMIT:
        return None
    return archive.read(info)


def _office_type(file: IO[bytes], extension: str) -> str | None:
    """The office type of a zip file, from its own description of what it holds."""
    try:
        with zipfile.ZipFile(file) as archive:
            if extension in _OOXML_MAIN:
                types = _read_entry(archive, "[Content_Types].xml") or b""
                return TYPES[extension] if _OOXML_MAIN[extension] in types else None
            mimetype = (_read_entry(archive, "mimetype") or b"").strip().decode("ascii", "replace")
            return mimetype if mimetype == TYPES.get(extension) else None
    # zipfile raises RuntimeError for an encrypted entry and NotImplementedError for a
    # compression method it does not know: either way the file is not a document we accept.
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None


def content_type(file: IO[bytes], extension: str) -> str | None:
    """The type the content shows, for a file named ``*.extension`` (None: not that)."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if extension in _OOXML_MAIN or extension in _OPENDOCUMENT:
        found = _office_type(file, extension) if head.startswith(b"PK\x03\x04") else None
        file.seek(0)
        return found
    return _sniff(head)


def check_upload(
    file: IO[bytes],
    filename: str,
    size: int,
    *,
    extensions: Collection[str],
    limit: int,
    too_big: str,
    wrong_type: str,
) -> str:
    """The content type of the upload, or ValidationError saying what is wrong with it.

    ``too_big`` (with ``%(name)s``, ``%(size)s``, ``%(limit)s``) and ``wrong_type`` (with
    ``%(name)s``) are the caller's translated words.
    """
    if size > limit:
        raise ValidationError(
            too_big
            % {"name": filename, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_big",
        )
    extension = extension_of(filename)
    if extension not in extensions:
        raise ValidationError(wrong_type % {"name": filename}, code="type")
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": filename}, code="empty")
    if content_type(file, extension) != TYPES[extension]:
        raise ValidationError(
            _("“%(name)s” is named as a .%(extension)s file but its content is not one.")
            % {"name": filename, "extension": extension},
            code="content",
        )
    return TYPES[extension]


def sha256_of(file: IO[bytes]) -> str:
    file.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
