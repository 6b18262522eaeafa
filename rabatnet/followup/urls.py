"""The follow-up dashboard at strategy/, the matrix, country reports and cycle diffs.

Owner while issue 11 is built: matrix+reports.
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "strategy"

urlpatterns: list[URLPattern] = []
