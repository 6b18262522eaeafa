"""Delegation registration at private/meetings/; calendar feeds at meetings/calendar.ics
and private/calendar/<token>.ics.

Owner while issue 11 is built: registration+calendars.
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "registrations"

urlpatterns: list[URLPattern] = []
