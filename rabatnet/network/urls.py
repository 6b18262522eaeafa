from django.urls import path

from . import lifecycle_views, preference_views, views

app_name = "network"

urlpatterns = [
    path("", views.private_home, name="private_home"),
    path("countries/<str:iso3>/", views.country_area, name="country_area"),
    path("directory/", views.directory, name="directory"),
    path("directory.vcf", views.directory_vcf, name="directory_vcf"),
    path("directory.csv", views.directory_csv, name="directory_csv"),
    path("people/<int:pk>.vcf", views.person_vcf, name="person_vcf"),
    path("people/<int:pk>/confirm/", views.person_confirm, name="person_confirm"),
    path("notifications/", preference_views.notifications, name="notifications"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/appointments/new/", views.appointment_create, name="appointment_create"),
    path("appointments/<int:pk>/end/", views.appointment_end, name="appointment_end"),
    path("appointments/<int:pk>/handover/", lifecycle_views.handover, name="handover"),
    path("welcome/", lifecycle_views.welcome, name="welcome"),
    path("me/data.json", lifecycle_views.my_data, name="my_data"),
    path("people/<int:pk>/data.json", lifecycle_views.person_data, name="person_data"),
    path("people/<int:pk>/erase/", lifecycle_views.person_erase, name="person_erase"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_edit, name="organisation_create"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
]
