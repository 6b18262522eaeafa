"""The expert roster at private/experts/: profiles, availability, CVs (helper B)."""

from django.urls import URLPattern

app_name = "experts"

urlpatterns: list[URLPattern] = []
