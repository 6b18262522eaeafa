"""Initiatives: public at strategy/initiatives/, entry and verification under private/strategy/.

Owner while issue 11 is built: initiatives.
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "initiatives"

urlpatterns: list[URLPattern] = []
