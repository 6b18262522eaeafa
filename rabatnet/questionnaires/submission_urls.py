"""B — submissions from ODK/Kobo: /private/questionnaires/<form_id>/countries/<ISO3>/submissions/"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "submissions"

urlpatterns: list[URLPattern] = []
