"""A guide's content rendered as HTML (page and print) and PDF, in the guide's language.

The page, the PDF and the DOCX all render the same frozen content (``snapshot.py``).
PDFs are cached on disk by content hash and renderer version.
"""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from rabatnet.core.selectors import dialogue_name

# Bump when the print templates change: cached PDFs of older renderers are rebuilt.
RENDERER_VERSION = "1"


def part_titles(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "context": _("Context"),
            "part1": _("I. Overview of data and information sources on migration"),
            "part2": _("II. The migration policy cycle and its actors"),
            "part3": _("III. The migration profile process"),
            "part4": _("IV. Recommendations"),
            "annex": _("Annex: contact list"),
        }


def _context(content: dict, sha256: str, **extra: object) -> dict:
    language = content["language"]
    return {
        "g": content,
        "sha256": sha256,
        "titles": part_titles(language),
        "dialogue": dialogue_name(language),
        **extra,
    }


def render_guide_body(content: dict, sha256: str) -> str:
    """The guide's body (table of contents, parts, annex), for the web page."""
    with translation.override(content["language"]):
        return render_to_string("guides/_guide_document.html", _context(content, sha256))


def render_guide_print(content: dict, sha256: str) -> str:
    """The whole printable document: title page, contents with page numbers, parts."""
    with translation.override(content["language"]):
        return render_to_string("guides/guide_print.html", _context(content, sha256, print=True))


def render_guide_pdf(content: dict, sha256: str) -> bytes:
    from weasyprint import HTML  # heavy import: only where a PDF is built

    return HTML(
        string=render_guide_print(content, sha256), base_url=str(settings.BASE_DIR)
    ).write_pdf()


def pdf_path(sha256: str) -> Path:
    return Path(settings.MEDIA_ROOT) / "guides" / f"{sha256}-r{RENDERER_VERSION}.pdf"


def published_pdf_path(pdf_sha256: str) -> Path:
    """Where a published edition's PDF is kept for good, named by its own hash."""
    return Path(settings.MEDIA_ROOT) / "guides" / "published" / f"{pdf_sha256}.pdf"


def cached_pdf(sha256: str) -> Path | None:
    path = pdf_path(sha256)
    return path if path.exists() else None


def build_pdf(content: dict, sha256: str) -> Path:
    """Render and store the PDF; written to a temporary file, then moved in place."""
    path = pdf_path(sha256)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = render_guide_pdf(content, sha256)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    return path
