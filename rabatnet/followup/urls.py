"""The follow-up dashboard at strategy/, the matrix, country reports and cycle diffs."""

from django.urls import path

from . import dashboard_views, report_views

app_name = "strategy"

urlpatterns = [
    path("strategy/", dashboard_views.dashboard, name="dashboard"),
    path("strategy/matrix/", dashboard_views.matrix_page, name="matrix"),
    path("strategy/matrix.csv", dashboard_views.matrix_csv, name="matrix_csv"),
    path("strategy/matrix.svg", dashboard_views.matrix_svg, name="matrix_svg"),
    path("strategy/countries/<str:iso3>/report/", report_views.report, name="report"),
    path(
        "strategy/countries/<str:iso3>/report.pdf", report_views.report_pdf_view, name="report_pdf"
    ),
    path("strategy/countries/<str:iso3>/diff/", report_views.diff, name="diff"),
    path(
        "private/strategy/countries/<str:iso3>/report/",
        report_views.private_report,
        name="private_report",
    ),
    path(
        "private/strategy/countries/<str:iso3>/diff/",
        report_views.private_diff,
        name="private_diff",
    ),
]
