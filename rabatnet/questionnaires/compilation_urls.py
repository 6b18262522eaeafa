"""D — candidate records beside the draft: /private/compilation/<ISO3>/..."""

from django.urls import URLPattern, path  # noqa: F401

app_name = "compilation"

urlpatterns: list[URLPattern] = []
