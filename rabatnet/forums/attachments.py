"""What a forum attachment may be: PDF, office documents and images, its type read from its
content (``core.uploads``), at most ``FORUM_ATTACHMENT_MAX_BYTES``."""

from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from rabatnet.core import uploads

EXTENSIONS = ("pdf", "png", "jpg", "jpeg", "gif", "webp", "docx", "xlsx", "pptx", "odt", "ods")
TYPES = {extension: uploads.TYPES[extension] for extension in EXTENSIONS}


def max_bytes() -> int:
    return int(settings.FORUM_ATTACHMENT_MAX_BYTES)


def check_upload(file: IO[bytes], filename: str, size: int) -> str:
    """The content type of the upload, or ValidationError saying what is wrong with it."""
    return uploads.check_upload(
        file,
        filename,
        size,
        extensions=EXTENSIONS,
        limit=max_bytes(),
        too_big=_("“%(name)s” is %(size)s: attachments may be %(limit)s at most."),
        wrong_type=_(
            "“%(name)s”: attach PDF, Word, Excel, PowerPoint, OpenDocument text or "
            "spreadsheet files, or PNG, JPEG, GIF or WebP images."
        ),
    )
