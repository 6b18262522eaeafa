"""A — XLSForm out and in:
/private/questionnaires/import/, /private/questionnaires/<form_id>/xlsform.xlsx
"""

from django.urls import URLPattern, path

from . import xlsform_views as views

app_name = "xlsform"

urlpatterns: list[URLPattern] = [
    path("private/questionnaires/import/", views.import_view, name="import"),
    path("private/questionnaires/<str:form_id>/xlsform.xlsx", views.download, name="download"),
]
