"""Template helpers used by the layout."""

import math
from datetime import timedelta

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

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
