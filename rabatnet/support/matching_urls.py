"""Matching a request to the roster, asking experts, their answer by a private link (C)."""

from django.urls import URLPattern

app_name = "matching"

urlpatterns: list[URLPattern] = []
