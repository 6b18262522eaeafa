"""E — national workshops: /private/workshops/..."""

from django.urls import URLPattern, path  # noqa: F401

app_name = "workshops"

urlpatterns: list[URLPattern] = []
