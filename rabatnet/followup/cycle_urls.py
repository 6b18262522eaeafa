"""Collection cycles and self-assessments under private/strategy/cycles/.

Owner while issue 11 is built: cycles+assessments.
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "cycles"

urlpatterns: list[URLPattern] = []
