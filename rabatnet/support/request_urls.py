"""Requests: filing, the private list, each request's page, stages, terms of reference (A)."""

from django.urls import URLPattern

app_name = "support"

urlpatterns: list[URLPattern] = []
