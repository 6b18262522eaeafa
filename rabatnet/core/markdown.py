"""User-written Markdown, rendered then sanitised: the only way such text reaches a page."""

import nh3
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "h3", "h4"}


def render_markdown(text: str) -> str:
    """Markdown to HTML with only harmless tags; links get rel=noopener noreferrer."""
    return nh3.clean(_parser.render(text or ""), tags=_TAGS, attributes={"a": {"href"}})


def markdown_paragraphs(text: str) -> list[str]:
    """Plain paragraphs (for DOCX): blank-line separated, list markers kept."""
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]
