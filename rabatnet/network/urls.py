from django.urls import path

from . import preference_views, views

app_name = "network"

urlpatterns = [
    path("", views.private_home, name="private_home"),
    path("countries/<str:iso3>/", views.country_area, name="country_area"),
    path("directory/", views.directory, name="directory"),
    path("notifications/", preference_views.notifications, name="notifications"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/appointments/new/", views.appointment_create, name="appointment_create"),
    path("appointments/<int:pk>/end/", views.appointment_end, name="appointment_end"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_edit, name="organisation_create"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
]
