"""Posts as HTML: Markdown through ``core.markdown`` (nh3), mentions as links."""

from typing import Any

from django.utils.safestring import SafeString, mark_safe

from rabatnet.core.markdown import render_markdown

from .mentions import link_mentions
from .models import Post

QUOTE_LENGTH = 600


def post_html(post: Post) -> SafeString:
    """The post's text as cleaned HTML, its mentions linked to the people's pages."""
    people = [m.person for m in post.mentions.all()]
    body = link_mentions(post.body, people) if people else post.body
    return mark_safe(render_markdown(body))  # noqa: S308 (nh3 cleaned it)


def quote_html(post: Post) -> SafeString:
    """The start of a quoted post, cleaned; only shown when the quoted post is visible."""
    text = post.body if len(post.body) <= QUOTE_LENGTH else post.body[:QUOTE_LENGTH] + "…"
    return mark_safe(render_markdown(text))  # noqa: S308 (nh3 cleaned it)


def rendered_posts(posts: list[Post]) -> list[Any]:
    """``posts`` each given ``html`` and, when it quotes a visible post, ``quote_html``."""
    for post in posts:
        shown: Any = post
        shown.html = post_html(post)
        quoted = post.quotes
        shown.quote_html = quote_html(quoted) if quoted is not None and quoted.is_visible else None
    return posts
