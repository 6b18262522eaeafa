"""Missions, reports, evaluations, appraisals, a request's file (HTML, PDF), the CSV (E)."""

from django.urls import URLPattern

app_name = "missions"

urlpatterns: list[URLPattern] = []
