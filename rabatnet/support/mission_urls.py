"""Missions, reports, evaluations, appraisals, a request's file (HTML, PDF), the CSV (E)."""

from django.urls import URLPattern, path

from . import export_views, file_views, mission_views

app_name = "missions"

urlpatterns: list[URLPattern] = [
    path("private/support/export.csv", export_views.export, name="export"),
    path("private/support/<int:pk>/mission/", mission_views.mission, name="mission"),
    path("private/support/<int:pk>/report/", mission_views.report, name="report"),
    path(
        "private/support/<int:pk>/report/download/",
        mission_views.report_download,
        name="report_download",
    ),
    path("private/support/<int:pk>/evaluation/", mission_views.evaluation, name="evaluation"),
    path(
        "private/support/<int:pk>/appraisal/<int:expert>/",
        mission_views.appraisal,
        name="appraisal",
    ),
    path("private/support/<int:pk>/file/", file_views.file, name="file"),
    path("private/support/<int:pk>/file.pdf", file_views.file_pdf_view, name="file_pdf"),
]
