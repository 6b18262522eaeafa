"""The public clock at support/ and the secretariat's dashboard (helper D)."""

from django.urls import path

from . import clock_views

app_name = "support_clock"

urlpatterns = [
    path("support/", clock_views.public, name="public"),
    path("support/figures.csv", clock_views.public_csv, name="csv"),
    path("private/support/dashboard/", clock_views.dashboard, name="dashboard"),
]
