"""Background work for guides: PDF builds."""

import hashlib
import shutil
from typing import TYPE_CHECKING

from django_tasks import task

from .rendering import build_pdf, cached_pdf, published_pdf_path

if TYPE_CHECKING:
    from .models import Edition, EditionRedaction


@task()
def build_edition_pdf(*, edition_id: int) -> str:
    """Build (or find) the PDF of what the public sees of the edition.

    A published edition records the PDF's SHA-256 once, on the edition (as endorsed) or on the
    redaction in force (after a withdrawal of consent); the file is kept under that hash. Once
    done, the build is no longer queued (``PdfBuild``): a file lost later is built again.
    """
    from .models import Edition, PdfBuild
    from .publication import public_content

    edition = Edition.objects.select_related("guide").get(pk=edition_id)
    content, sha256, redaction = public_content(edition)
    try:
        return _build(edition, content, sha256, redaction)
    finally:
        PdfBuild.objects.filter(edition=edition, content_sha256=sha256).delete()


def _build(
    edition: "Edition", content: dict, sha256: str, redaction: "EditionRedaction | None"
) -> str:
    from .models import Edition

    path = cached_pdf(sha256) or build_pdf(content, sha256)
    if edition.status != Edition.Status.PUBLISHED:
        return str(path)
    recorded = redaction.pdf_sha256 if redaction else edition.pdf_sha256
    if recorded:
        return str(published_pdf_path(recorded))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    kept = published_pdf_path(digest)
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, kept)
    if redaction is not None:
        type(redaction).objects.filter(pk=redaction.pk, pdf_sha256="").update(pdf_sha256=digest)
    else:
        Edition.objects.filter(pk=edition.pk, pdf_sha256="").update(pdf_sha256=digest)
    return str(kept)
