"""Template helpers used by the layout."""

import math
from datetime import timedelta

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from rabatnet.core.markdown import render_markdown

register = template.Library()


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context: template.Context) -> dict[str, object]:
    """Plain links to this page in each other language: works without JavaScript."""
    request = context["request"]
    current = get_language()
    links = [
        {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {"links": links, "current": current}


@register.filter
def minutes(duration: timedelta | None) -> int:
    """A duration in whole minutes, rounded up (a lock of 14 min 10 s reads "15 minutes")."""
    return math.ceil(duration.total_seconds() / 60) if duration else 0


@register.filter
def markdown(text: str) -> SafeString:
    """Render user-written Markdown, sanitised."""
    return mark_safe(render_markdown(text))  # noqa: S308 - nh3 has cleaned it


@register.filter
def get_item(mapping: dict, key: str) -> object:
    """``{{ row|get_item:key }}``: a dictionary's value, or an empty string."""
    return mapping.get(key, "") if mapping else ""
