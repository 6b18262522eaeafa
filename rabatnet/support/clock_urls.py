"""The public clock at support/ and the secretariat's dashboard (helper D)."""

from django.urls import URLPattern

app_name = "support_clock"

urlpatterns: list[URLPattern] = []
