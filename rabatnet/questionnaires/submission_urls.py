"""B — submissions from ODK/Kobo: /private/questionnaires/<form_id>/countries/<ISO3>/submissions/"""

from django.urls import URLPattern, path

from . import submission_views as views

app_name = "submissions"

urlpatterns: list[URLPattern] = [
    path(
        "private/questionnaires/<str:form_id>/countries/<str:iso3>/submissions/",
        views.import_page,
        name="import",
    ),
]
