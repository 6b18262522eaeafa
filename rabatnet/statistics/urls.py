"""Statistics: country profiles (/countries/<ISO3>/profile/) and the data catalogue (/data/)."""

from django.urls import path

from .views import catalogue as catalogue_views
from .views import downloads as download_views
from .views import profile as profile_views

app_name = "statistics"

# Each view module appends its own routes below (profile, then catalogue and downloads).
urlpatterns: list = []

# profile
urlpatterns += [
    path("countries/<str:iso3>/profile/", profile_views.profile, name="profile"),
    path(
        "countries/<str:iso3>/profile/chart/<slug:kind>.svg",
        profile_views.profile_chart,
        name="profile_chart",
    ),
]

# catalogue and downloads
urlpatterns += [
    path("data/", catalogue_views.catalogue_index, name="catalogue"),
    path("data/download/", download_views.download, name="download"),
    path("data/<slug:slug>/", catalogue_views.dataset_detail, name="dataset"),
]
