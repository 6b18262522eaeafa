"""G — expressions of interest and stakeholders: /private/interest/..."""

from django.urls import URLPattern, path  # noqa: F401

app_name = "interest"

urlpatterns: list[URLPattern] = []
