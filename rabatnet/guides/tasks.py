"""Background work for guides: PDF builds."""

import hashlib
import shutil

from django_tasks import task

from .rendering import build_pdf, cached_pdf, published_pdf_path


@task()
def build_edition_pdf(*, edition_id: int) -> str:
    """Build (or find) the edition's PDF; a published edition records the PDF's SHA-256."""
    from .models import Edition

    edition = Edition.objects.select_related("guide").get(pk=edition_id)
    path = cached_pdf(edition.content_sha256) or build_pdf(edition.content, edition.content_sha256)
    if edition.status == Edition.Status.PUBLISHED:
        if edition.pdf_sha256:
            return str(published_pdf_path(edition.pdf_sha256))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        kept = published_pdf_path(digest)
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, kept)
        Edition.objects.filter(pk=edition.pk, pdf_sha256="").update(pdf_sha256=digest)
        return str(kept)
    return str(path)
