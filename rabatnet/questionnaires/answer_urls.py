"""C — running a questionnaire in a country and answering through a personal link:
/private/questionnaires/<form_id>/countries/<ISO3>/..., /questionnaires/answer/<token>/
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "answers"

urlpatterns: list[URLPattern] = []
