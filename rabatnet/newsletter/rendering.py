"""An issue as the public reads it, in one language: the page, the PDF and the mail share it.

A field left empty in French falls back to the English one, marked ``fallback`` so that the
page says so. The PDF is built by WeasyPrint and kept on disk by the hash of its HTML.
"""

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from rabatnet.core.markdown import render_markdown
from rabatnet.guides.rendering import export_text

from .models import Issue, Item

# Bump when the print template changes: PDFs of older renderers are rebuilt.
RENDERER_VERSION = "1"


@dataclass(frozen=True)
class Text:
    """A text in the page's language, or the English one when it is missing there."""

    value: str
    fallback: bool = False


@dataclass(frozen=True)
class ItemView:
    kind: str
    kind_label: str
    title: Text
    body: Text
    body_html: SafeString
    link: str


@dataclass(frozen=True)
class Section:
    label: str
    items: list[ItemView] = field(default_factory=list)


@dataclass(frozen=True)
class IssueView:
    issue: Issue
    language: str
    title: Text
    editorial: Text
    editorial_html: SafeString
    sections: list[Section]

    @property
    def has_fallback(self) -> bool:
        texts = [self.title, self.editorial]
        texts += [t for s in self.sections for i in s.items for t in (i.title, i.body)]
        return any(t.fallback for t in texts)


def in_language(obj: Issue | Item, name: str, language: str) -> Text:
    """``obj.<name>_<language>``, or the English one marked as a fallback."""
    value = getattr(obj, f"{name}_{language}", "") or ""
    if value.strip() or language == "en":
        return Text(export_text(value))
    english = getattr(obj, f"{name}_en", "") or ""
    return Text(export_text(english), fallback=bool(english.strip()))


def default_title(issue: Issue, language: str) -> str:
    with translation.override(language):
        return translation.gettext("The Rabat Review, %(year)s Q%(quarter)s") % {
            "year": issue.year,
            "quarter": issue.quarter,
        }


def site_link(link: str, language: str, *, absolute: bool = False) -> str:
    """A stored item link (a site path without language) as a link in ``language``."""
    if not link:
        return ""
    if link.startswith("/") and not link.startswith("//"):
        path = f"/{language}{link}"
        return settings.SITE_URL.rstrip("/") + path if absolute else path
    return link if link.startswith("https://") else ""


def issue_view(
    issue: Issue, items: list[Item], language: str, *, absolute: bool = False
) -> IssueView:
    """The issue in ``language``: its items grouped by section, in the kinds' order."""
    title = in_language(issue, "title", language)
    if not title.value:
        title = Text(default_title(issue, language))
    editorial = in_language(issue, "editorial", language)
    sections = []
    with translation.override(language):
        for kind, label in Item.Kind.choices:
            views = []
            for item in items:
                if item.kind != kind:
                    continue
                body = in_language(item, "body", language)
                views.append(
                    ItemView(
                        kind=kind,
                        kind_label=str(label),
                        title=in_language(item, "title", language),
                        body=body,
                        body_html=mark_safe(render_markdown(body.value)),  # noqa: S308 (nh3)
                        link=site_link(item.link, language, absolute=absolute),
                    )
                )
            if views:
                sections.append(Section(label=str(label).capitalize(), items=views))
    return IssueView(
        issue=issue,
        language=language,
        title=title,
        editorial=editorial,
        editorial_html=mark_safe(render_markdown(editorial.value)),  # noqa: S308 (nh3)
        sections=sections,
    )


def render_print(view: IssueView) -> str:
    with translation.override(view.language):
        return render_to_string("newsletter/issue_print.html", {"v": view})


def pdf_path(html: str) -> Path:
    digest = hashlib.sha256(f"{RENDERER_VERSION}\n{html}".encode()).hexdigest()
    return Path(settings.MEDIA_ROOT) / "newsletter" / f"{digest}.pdf"


def issue_pdf(view: IssueView) -> Path:
    """The PDF of the issue in this language: built once per content, then read from disk."""
    html = render_print(view)
    path = pdf_path(html)
    if path.exists():
        return path
    from weasyprint import HTML  # heavy import: only where a PDF is built

    data = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data or b"")
    os.replace(tmp, path)
    return path
