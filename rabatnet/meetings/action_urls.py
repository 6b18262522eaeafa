"""Follow-up actions of meetings (meetings/<slug>/actions/...) and the framework pages
(strategy/frameworks/...).

Owner while issue 11 is built: actions+framework.
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "actions"

urlpatterns: list[URLPattern] = []
