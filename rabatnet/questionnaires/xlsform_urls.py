"""A — XLSForm out and in:
/private/questionnaires/import/, /private/questionnaires/<form_id>/xlsform.xlsx
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "xlsform"

urlpatterns: list[URLPattern] = []
