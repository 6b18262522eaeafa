"""F — the questionnaires and their builder:
/private/questionnaires/... (included last: its <form_id>/ patterns)
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "questionnaires"

urlpatterns: list[URLPattern] = []
