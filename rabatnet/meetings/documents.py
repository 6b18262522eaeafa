"""What a meeting document may be: PDF, Word, PowerPoint, Excel, OpenDocument text or
presentation, its type read from the content (``forums.attachments``' sniffing), never from
its name; at most ``MEETING_DOCUMENT_MAX_BYTES``; its SHA-256 recorded."""

import hashlib
import zipfile
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from rabatnet.forums import attachments

ODP = "application/vnd.oasis.opendocument.presentation"
# Extension → the type the content must show.
TYPES = {ext: attachments.TYPES[ext] for ext in ("pdf", "docx", "pptx", "xlsx", "odt")} | {
    "odp": ODP
}


def max_bytes() -> int:
    return int(settings.MEETING_DOCUMENT_MAX_BYTES)


def _odp(file: IO[bytes]) -> str | None:
    """An OpenDocument presentation says so in its ``mimetype`` entry."""
    try:
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo("mimetype")
            if info.file_size > 200:
                return None
            found = archive.read(info).strip().decode("ascii", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None
    return found if found == ODP else None


def check_document(file: IO[bytes], filename: str, size: int) -> str:
    """The content type of the upload, or ValidationError saying what is wrong with it."""
    limit = max_bytes()
    if size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s: meeting documents may be %(limit)s at most.")
            % {"name": filename, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_big",
        )
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in TYPES:
        raise ValidationError(
            _(
                "“%(name)s”: upload PDF, Word (docx), PowerPoint (pptx), Excel (xlsx) or "
                "OpenDocument text (odt) or presentation (odp) files."
            )
            % {"name": filename},
            code="type",
        )
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": filename}, code="empty")
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if extension == "pdf":
        found = attachments._sniff(head)
    elif not head.startswith(b"PK\x03\x04"):
        found = None
    elif extension == "odp":
        found = _odp(file)
    else:
        found = attachments._office_type(file, extension)
    file.seek(0)
    if found != TYPES[extension]:
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
