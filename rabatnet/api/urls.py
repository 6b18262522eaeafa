"""Mount the API; every API view is public (open data), so each is marked as such."""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver

from .api import api


def _public(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _public(pattern.url_patterns)
        else:
            pattern.callback = login_not_required(pattern.callback)
    return patterns


api_urls = api.urls
_public(api_urls[0])
