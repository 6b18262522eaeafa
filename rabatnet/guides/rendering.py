"""A guide's content rendered as HTML (page and print) and PDF, in the guide's language.

The page, the PDF and the DOCX all render the same frozen content (``snapshot.py``).
PDFs are cached on disk by content hash and renderer version.
"""

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from rabatnet.core.selectors import dialogue_name

# Bump when the print templates change: cached PDFs of older renderers are rebuilt.
RENDERER_VERSION = "3"  # 3: the map of the country on the title page

# Line and page breaks pasted from Word and others: a new line.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# What XML 1.0 (DOCX), HTML and PDF cannot hold, or hold to mislead: other C0 and C1 controls,
# DEL, the non-characters U+FFFE/U+FFFF, and bidirectional marks, embeddings and overrides.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def export_text(text: str) -> str:
    """``text`` made safe for every export (HTML, PDF, DOCX): the one cleaning function.

    Breaks become new lines, lone surrogates the replacement character; other control
    characters and bidirectional marks go. Long unbroken lines are left to the renderers
    (``overflow-wrap`` in the page and the PDF; Word breaks them itself).
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNPRINTABLE.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def export_content(content: Any) -> Any:
    """A copy of a snapshot (or any part of one) with every string cleaned by ``export_text``."""
    if isinstance(content, str):
        return export_text(content)
    if isinstance(content, dict):
        return {export_text(str(k)): export_content(v) for k, v in content.items()}
    if isinstance(content, list):
        return [export_content(v) for v in content]
    return content


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


def _context(content: dict[str, Any], sha256: str, **extra: object) -> dict[str, Any]:
    language = content["language"]
    return {
        "g": export_content(content),
        "sha256": sha256,
        "titles": part_titles(language),
        "dialogue": dialogue_name(language),
        **extra,
    }


def render_guide_body(content: dict[str, Any], sha256: str) -> str:
    """The guide's body (table of contents, parts, annex), for the web page."""
    with translation.override(content["language"]):
        return render_to_string("guides/_guide_document.html", _context(content, sha256))


def render_guide_print(content: dict[str, Any], sha256: str) -> str:
    """The whole printable document: title page, contents with page numbers, parts."""
    with translation.override(content["language"]):
        return render_to_string("guides/guide_print.html", _context(content, sha256, print=True))


def render_guide_pdf(content: dict[str, Any], sha256: str) -> bytes:
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


def build_pdf(content: dict[str, Any], sha256: str) -> Path:
    """Render and store the PDF; written to a temporary file, then moved in place."""
    path = pdf_path(sha256)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = render_guide_pdf(content, sha256)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    return path
