"""Delegation registration at private/meetings/; calendar feeds at meetings/calendar.ics,
meetings/calendar/<kind>.ics, meetings/calendar/country/<ISO3>.ics, meetings/<slug>.ics and
private/calendar/<token>.ics.
"""

from django.urls import path

from . import calendar_views, registration_views

app_name = "registrations"

urlpatterns = [
    path("meetings/calendar.ics", calendar_views.calendar_all, name="calendar"),
    path("meetings/calendar/<str:kind>.ics", calendar_views.calendar_kind, name="calendar_kind"),
    path(
        "meetings/calendar/country/<str:iso3>.ics",
        calendar_views.calendar_country,
        name="calendar_country",
    ),
    path("meetings/<str:slug>.ics", calendar_views.meeting_ics, name="meeting_ics"),
    path(
        "private/calendar/<str:token>.ics",
        calendar_views.personal_calendar,
        name="personal_calendar",
    ),
    path(
        "private/meetings/registration/",
        registration_views.registration_list,
        name="registration_list",
    ),
    path(
        "private/meetings/<str:slug>/registration/",
        registration_views.meeting_registrations_view,
        name="meeting_registrations",
    ),
    path(
        "private/meetings/<str:slug>/participants/",
        registration_views.participants,
        name="participants",
    ),
    path(
        "private/meetings/<str:slug>/registration/<str:iso3>/",
        registration_views.registration,
        name="registration",
    ),
    *[
        path(
            f"private/meetings/<str:slug>/registration/<str:iso3>/{step}/",
            registration_views.registration_step,
            {"step": step},
            name=f"registration_{step}",
        )
        for step in ("submit", "withdraw", "confirm")
    ],
]
