"""What a meeting document may be: PDF, Word, PowerPoint, Excel, OpenDocument text or
presentation, its type read from the content (``core.uploads``), never from its name; at
most ``MEETING_DOCUMENT_MAX_BYTES``; its SHA-256 recorded."""

from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from rabatnet.core import uploads
from rabatnet.core.uploads import sha256_of

__all__ = ["TYPES", "check_document", "max_bytes", "sha256_of"]

EXTENSIONS = ("pdf", "docx", "pptx", "xlsx", "odt", "odp")
TYPES = {extension: uploads.TYPES[extension] for extension in EXTENSIONS}


def max_bytes() -> int:
    return int(settings.MEETING_DOCUMENT_MAX_BYTES)


def check_document(file: IO[bytes], filename: str, size: int) -> str:
    """The content type of the upload, or ValidationError saying what is wrong with it."""
    return uploads.check_upload(
        file,
        filename,
        size,
        extensions=EXTENSIONS,
        limit=max_bytes(),
        too_big=_("“%(name)s” is %(size)s: meeting documents may be %(limit)s at most."),
        wrong_type=_(
            "“%(name)s”: upload PDF, Word (docx), PowerPoint (pptx), Excel (xlsx) or "
            "OpenDocument text (odt) or presentation (odp) files."
        ),
    )
